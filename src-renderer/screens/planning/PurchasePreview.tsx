/**
 * "Create purchase orders" from the shortage list, in two steps: first what would be written
 * (per supplier: the lines, what is short and what will be ordered after the supplier's
 * minimum and multiple, price, expected date, and whether it goes into the supplier's open
 * draft or a new one), then the creation on confirm, with a notice linking to each order.
 * The preview sits in the page in place of the button, not in a dialog over it.
 */
import { Alert, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { InputOf, OutputOf, Contract } from '../../../src-shared/contract';
import type { Translator } from '../../../src-shared/i18n';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { useShortDate } from './planningFormat';

type ShortageList = InputOf<Contract['purchasing.previewFromShortages']>;
type Created = OutputOf<Contract['purchasing.createFromShortages']>;

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The notice after creating: one link per purchase order, saying whether it is new or the open draft. */
function notifyCreated(out: Created, t: Translator): void {
  notifications.show({
    color: 'teal',
    withBorder: true,
    autoClose: 10_000,
    message: (
      <Stack gap={2} data-testid="po-created-notice">
        <Text size="sm">{t('purchasing.fromShortages.done', { count: out.purchaseOrders.length })}</Text>
        {out.purchaseOrders.map((po) => (
          <Link key={po.id} to={`/purchasing/${po.id}`} size="sm" data-testid={`po-created-link-${po.id}`}>
            {t(po.addedToDraft ? 'purchasing.fromShortages.doneAdded' : 'purchasing.fromShortages.doneNew', { number: po.number })} · {po.supplier.name}
          </Link>
        ))}
      </Stack>
    ),
  });
}

export function PurchasePreview({ list, onClose }: { list: ShortageList; onClose(): void }) {
  const { t, fmt } = useI18n();
  const d = useShortDate();
  const preview = useApiQuery('purchasing.previewFromShortages', list);
  const create = useApiCommand('purchasing.createFromShortages', {
    onSuccess: (out) => {
      notifyCreated(out, t);
      onClose();
    },
  });
  const plan = preview.data;

  return (
    <Card withBorder radius="md" padding="md" data-testid="po-preview">
      <Stack gap="sm">
        <div>
          <Text fw={650}>{t('purchasing.fromShortages.title')}</Text>
          <Text size="sm" c="dimmed">
            {t('purchasing.fromShortages.hint')}
          </Text>
        </div>
        {!plan ? (
          <QueryState query={preview} />
        ) : (
          <>
            {plan.purchaseOrders.length === 0 ? <Text size="sm">{t('purchasing.fromShortages.nothing')}</Text> : null}
            {plan.purchaseOrders.map((po) => (
              <Stack key={po.supplier.id} gap={4} data-testid={`po-preview-supplier-${po.supplier.id}`}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600} size="sm">
                    {po.supplier.name}
                  </Text>
                  {po.draft ? (
                    <Badge variant="light" color="blue" data-testid="po-preview-draft">
                      {t('purchasing.fromShortages.addToDraft', { number: po.draft.number })}
                    </Badge>
                  ) : (
                    <Badge variant="light" color="teal" data-testid="po-preview-new">
                      {t('purchasing.fromShortages.newDraft')}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {t('purchasing.fromShortages.expected', { date: d(po.expectedOn) })}
                  </Text>
                </Group>
                <Table fz="sm" verticalSpacing={4} horizontalSpacing="sm" withTableBorder style={{ tableLayout: 'fixed' }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('purchasing.fromShortages.col.item')}</Table.Th>
                      <Table.Th w={120} ta="right">{t('purchasing.fromShortages.col.short')}</Table.Th>
                      <Table.Th w={150} ta="right">{t('purchasing.fromShortages.col.order')}</Table.Th>
                      <Table.Th w={130} ta="right">{t('purchasing.fromShortages.col.price')}</Table.Th>
                      <Table.Th w={170}>{t('purchasing.fromShortages.col.expected')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {po.lines.map((l) => (
                      <Table.Tr key={l.item.id} data-testid={`po-preview-line-${l.item.sku}`}>
                        <Table.Td>
                          <Text size="sm" truncate title={`${l.item.sku} ${l.item.name}`}>
                            <Text span ff="monospace" size="sm" fw={600}>
                              {l.item.sku}
                            </Text>{' '}
                            {l.item.name}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right" className="num" style={NOWRAP}>
                          {fmt.qty(l.requestedMilli, l.item.unit)}
                        </Table.Td>
                        <Table.Td ta="right" className="num" style={NOWRAP} title={l.orderedMilli !== l.requestedMilli ? t('purchasing.fromShortages.rounded') : undefined}>
                          <Text span size="sm" fw={600} data-testid="po-preview-ordered">
                            {fmt.qty(l.orderedMilli, l.item.unit)}
                          </Text>
                          {l.orderedMilli !== l.requestedMilli ? ' *' : ''}
                        </Table.Td>
                        <Table.Td ta="right" className="num" style={NOWRAP}>
                          {l.unitPriceMicros === null ? '—' : fmt.perUnit(l.unitPriceMicros, l.item.unit)}
                        </Table.Td>
                        <Table.Td style={NOWRAP}>
                          <Group gap={6} wrap="nowrap">
                            <span className="num">{d(l.expectedOn)}</span>
                            {l.late ? (
                              <Badge size="xs" color="red" variant="light">
                                {t('purchasing.fromShortages.late')}
                              </Badge>
                            ) : null}
                            {!l.leadTimeKnown ? (
                              <Badge size="xs" color="orange" variant="light" title={t('purchasing.fromShortages.leadUnknown')}>
                                ?
                              </Badge>
                            ) : null}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            ))}
            {plan.purchaseOrders.some((po) => po.lines.some((l) => l.orderedMilli !== l.requestedMilli)) ? (
              <Text size="xs" c="dimmed">
                * {t('purchasing.fromShortages.rounded')}
              </Text>
            ) : null}
            {plan.unplaced.length > 0 ? (
              <Alert color="orange" variant="light" p="xs" data-testid="po-preview-unplaced">
                {t('purchasing.fromShortages.unplaced', { items: plan.unplaced.map((u) => `${u.sku} ${u.name}`).join(', ') })}
              </Alert>
            ) : null}
          </>
        )}
        {create.error ? <ErrorAlert error={create.error} /> : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} data-testid="po-preview-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!plan || plan.purchaseOrders.length === 0}
            loading={create.isPending}
            onClick={() => create.mutate(list)}
            data-testid="po-preview-confirm"
          >
            {t('purchasing.fromShortages.confirm', { count: plan?.purchaseOrders.length ?? 0 })}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
