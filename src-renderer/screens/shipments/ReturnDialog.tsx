/** A return (reso) against lines of a confirmed shipment: quantity per line and lot, reason, where the goods go. */
import { useState } from 'react';
import { Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { RETURN_DISPOSITIONS, type Shipment } from '../../../src-shared/contract/shipping';
import { useApiCommand } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';

type Disposition = (typeof RETURN_DISPOSITIONS)[number];

export function ReturnDialog({ shipment, opened, onClose }: { shipment: Shipment; opened: boolean; onClose(): void }) {
  const { t, fmt } = useI18n();
  const [qty, setQty] = useState<Record<number, string>>({});
  const [disp, setDisp] = useState<Record<number, Disposition>>({});
  const [reason, setReason] = useState('');
  const [collected, setCollected] = useState(false);
  const [packages, setPackages] = useState<number | string>(1);
  const create = useApiCommand('shipping.createReturn', {
    onSuccess: (r) => {
      notifySaved(r.ddt ? t('shipping.return.ddt', { number: r.ddt.number }) : t('shipping.return.done'));
      setQty({});
      setReason('');
      onClose();
    },
  });
  const errs = fieldErrors(create.error, t);
  const chosen = shipment.lines.filter((l) => (qty[l.id] ?? '').trim() !== '');
  const submit = () =>
    create.mutate({
      shipmentId: shipment.id,
      reason,
      collected,
      packageCount: collected ? Number(packages) || undefined : undefined,
      lines: chosen.map((l) => ({ shipmentLineId: l.id, quantity: qty[l.id]!, disposition: disp[l.id] ?? 'restock' })),
    });
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={<Text fw={650}>{t('shipping.return.title', { number: shipment.ddt?.number ?? '' })}</Text>} data-testid="return-dialog">
      <Stack gap="sm">
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shipping.col.item')}</Table.Th>
              <Table.Th>{t('shipping.col.lot')}</Table.Th>
              <Table.Th w={130}>{t('shipping.new.quantity')}</Table.Th>
              <Table.Th w={250}>{t('shipping.return.disposition')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shipment.lines.map((l, i) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Text size="sm">{l.item.name}</Text>
                  <Text size="xs" c="dimmed">{t('shipping.return.left', { qty: fmt.qty(l.qtyMilli - l.returnedMilli, l.item.unit) })}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">{l.lot.code}</Text>
                </Table.Td>
                <Table.Td>
                  <TextInput
                    value={qty[l.id] ?? ''}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setQty((q) => ({ ...q, [l.id]: v }));
                    }}
                    error={errs[`lines.${chosen.indexOf(l)}.quantity`]}
                    aria-label={t('shipping.new.quantity')}
                    data-testid={`return-qty-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    data={RETURN_DISPOSITIONS.map((d) => ({ value: d, label: t(`shipping.return.disposition.${d}`) }))}
                    value={disp[l.id] ?? 'restock'}
                    onChange={(v) => v && setDisp((d) => ({ ...d, [l.id]: v as Disposition }))}
                    allowDeselect={false}
                    aria-label={t('shipping.return.disposition')}
                    data-testid={`return-disposition-${i}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <TextInput label={t('shipping.return.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required data-testid="return-reason" />
        <Group>
          <Checkbox label={t('shipping.return.collected')} checked={collected} onChange={(e) => setCollected(e.currentTarget.checked)} data-testid="return-collected" />
          {collected ? <NumberInput label={t('shipping.return.packageCount')} value={packages} onChange={setPackages} min={1} w={120} /> : null}
        </Group>
        {create.error ? <ErrorAlert error={create.error} shownFields={Object.keys(errs).filter((k) => k.endsWith('.quantity'))} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={create.isPending} disabled={chosen.length === 0 || reason.trim() === ''} onClick={submit} data-testid="return-submit">
            {t('shipping.return.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
