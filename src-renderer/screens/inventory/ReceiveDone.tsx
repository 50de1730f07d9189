/** After a receipt: the lots it made (links), and the choice asked for known supplier lots. */
import { useState } from 'react';
import { Alert, Button, Card, Group, Modal, SegmentedControl, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { Out } from '../../api/hooks';
import { IconCheck, IconPlus } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';
import { ExpiryText, LotStatusBadge, useSoonDays } from './common';
import type { Duplicate, LotChoice } from './receiveForm';

export function DuplicatesDialog({ duplicates, onCancel, onConfirm }: { duplicates: Duplicate[]; onCancel(): void; onConfirm(choices: Record<number, LotChoice>): void }) {
  const { t } = useI18n();
  const [choices, setChoices] = useState<Record<number, LotChoice>>({});
  const complete = duplicates.every((d) => choices[d.lineKey]);
  return (
    <Modal opened={duplicates.length > 0} onClose={onCancel} title={t('inventory.dup.title', { count: duplicates.length })} size="lg" data-testid="dup-dialog">
      <Stack gap="md">
        {duplicates.map((d) => (
          <Card key={d.lineKey} withBorder radius="sm" padding="sm" data-testid={`dup-line-${d.row}`}>
            <Text size="sm" mb="xs">
              {t('inventory.dup.body', { line: d.row + 1, supplierLot: d.supplierLotCode, code: d.code })}
            </Text>
            <SegmentedControl
              fullWidth
              value={choices[d.lineKey] ?? ''}
              onChange={(v) => setChoices((c) => ({ ...c, [d.lineKey]: v as LotChoice }))}
              data={[
                { value: 'same', label: <span data-testid={`dup-same-${d.row}`}>{t('inventory.dup.same', { code: d.code })}</span> },
                { value: 'new', label: <span data-testid={`dup-new-${d.row}`}>{t('inventory.dup.new')}</span> },
              ]}
            />
          </Card>
        ))}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!complete} onClick={() => onConfirm(choices)} data-testid="dup-confirm">
            {t('inventory.dup.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export interface ReceiptDone {
  result: Out<'inventory.receive'>;
  /** the quantity of each line as received, already formatted */
  received: string[];
}

export function ReceiveDone({ done, onAgain }: { done: ReceiptDone; onAgain(): void }) {
  const { t } = useI18n();
  const soonDays = useSoonDays();
  const { result, received } = done;
  const quarantined = result.lots.some((l) => l.status === 'quarantine');
  return (
    <Card withBorder radius="md" padding="lg" data-testid="receive-done">
      <Group gap="xs" mb="sm">
        <IconCheck size={20} color="var(--mantine-color-teal-7)" />
        <Text fw={600}>{t('inventory.receive.done.title', { id: String(result.documentId), count: result.lots.length })}</Text>
      </Group>
      {quarantined ? (
        <Alert color="yellow" variant="light" mb="sm" py="xs">
          {t('inventory.receive.done.quarantine')}
        </Alert>
      ) : null}
      <Table className="inv-table" verticalSpacing={6} fz="sm" mb="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('inventory.col.lot')}</Table.Th>
            <Table.Th>{t('inventory.receive.col.item')}</Table.Th>
            <Table.Th>{t('inventory.col.supplierLot')}</Table.Th>
            <Table.Th ta="right">{t('inventory.receive.done.received')}</Table.Th>
            <Table.Th>{t('inventory.col.expiry')}</Table.Th>
            <Table.Th>{t('inventory.col.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.lots.map((l, i) => (
            <Table.Tr key={`${l.id}-${i}`}>
              <Table.Td>
                <Link to={`/inventory/lots/${l.id}`} ff="monospace" fw={600} data-testid={`receive-lot-${i}`}>
                  {l.code}
                </Link>
              </Table.Td>
              <Table.Td>{l.item.name}</Table.Td>
              <Table.Td ff="monospace">{l.supplierLotCode ?? '—'}</Table.Td>
              <Table.Td ta="right" className="num">
                {received[i]}
              </Table.Td>
              <Table.Td>
                <ExpiryText date={l.expiresOn} soonDays={soonDays} />
              </Table.Td>
              <Table.Td>
                <LotStatusBadge status={l.status} size="xs" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Tooltip label={t('inventory.receive.done.labelsLater')}>
          <Button variant="default" data-disabled onClick={(e) => e.preventDefault()} data-testid="receive-print-labels">
            {t('inventory.receive.done.printLabels')}
          </Button>
        </Tooltip>
        <Group gap="xs">
          <Button variant="default" onClick={() => navigate('/inventory')}>
            {t('inventory.receive.done.back')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={onAgain} data-testid="receive-again">
            {t('inventory.receive.done.again')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
