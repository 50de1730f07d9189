/**
 * Materials short for the open orders and planned production (or one order's), netted at
 * each date of need; "Create purchase orders" turns what nothing covers into drafts.
 */
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ShortageRowOut } from '../../../src-shared/contract/planning';
import { useApiQuery } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconCheck } from '../../components/icons';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';
import { useShortDate } from './planningFormat';
import { QueryError } from '../../components/QueryState';
import { PurchasePreview } from './PurchasePreview';
import { ShortageCauses } from './ShortageCauses';

export function ShortagesTab({ orderId, productionOrderId, filterLabel }: { orderId?: number; productionOrderId?: number; filterLabel?: string }) {
  const { t, fmt } = useI18n();
  const d = useShortDate();
  const q = useApiQuery('planning.shortages', { ...(orderId ? { orderId } : {}), ...(productionOrderId ? { productionOrderId } : {}) });
  // the list the preview was asked for: kept as it was when asked, so confirming writes what was shown
  const [previewing, setPreviewing] = useState<{ itemId: number; qtyMilli: number; neededBy: string }[] | null>(null);
  // the row whose every cause is listed (the whole list names the first few)
  const [causesOf, setCausesOf] = useState<ShortageRowOut | null>(null);
  const rows = q.data?.rows ?? [];
  const toOrder = rows.filter((r) => r.toOrderMilli > 0);

  const columns: Column<ShortageRowOut>[] = [
    {
      key: 'item',
      header: t('planning.shortages.col.item'),
      minWidth: 258,
      // the name first (on two lines when long: the demo's materials run to 59 characters), the SKU
      // under it: a narrow column still says which material it is
      render: (r) => (
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Link to={`/items/${r.item.id}`} size="sm" fw={500} className="cell-text-2" title={`${r.item.name} · ${r.item.sku}`} data-testid={`shortage-name-${r.item.sku}`}>
            {r.item.name}
          </Link>
          <Text size="xs" c="dimmed" ff="monospace" className="cell-text">
            {r.item.sku}
          </Text>
        </Stack>
      ),
    },
    { key: 'needed', header: t('planning.shortages.col.needed'), width: 102, align: 'right', render: (r) => <span className="num">{fmt.qty(r.neededMilli, r.item.unit)}</span> },
    { key: 'available', header: t('planning.shortages.col.available'), width: 110, align: 'right', render: (r) => <span className="num">{fmt.qty(r.availableMilli, r.item.unit)}</span> },
    {
      key: 'short',
      header: t('planning.shortages.col.short'),
      width: 150,
      align: 'right',
      render: (r) => (
        <Stack gap={0} align="flex-end">
          <Text size="sm" c="red.7" fw={600} className="num">
            {fmt.qty(r.shortMilli, r.item.unit)}
          </Text>
          {r.incomingLateMilli > 0 ? (
            <Text size="xs" c="dimmed">
              {t('planning.shortages.incomingLate', { qty: fmt.qty(r.incomingLateMilli, r.item.unit) })}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    { key: 'toOrder', header: t('planning.shortages.col.toOrder'), width: 90, align: 'right', render: (r) => <span className="num">{r.toOrderMilli > 0 ? fmt.qty(r.toOrderMilli, r.item.unit) : '—'}</span> },
    { key: 'first', header: t('planning.shortages.col.firstShort'), width: 100, render: (r) => <span className="num">{d(r.firstShortOn)}</span> },
    {
      key: 'lead',
      header: t('planning.shortages.col.leadTime'),
      width: 130,
      render: (r) =>
        r.leadTimeDays === null ? (
          <Badge color="orange" variant="light" size="sm">
            {t('planning.shortages.leadUnknown')}
          </Badge>
        ) : (
          <Text size="sm">{t('planning.shortages.leadDays', { count: r.leadTimeDays })}</Text>
        ),
    },
    {
      key: 'causes',
      header: t('planning.shortages.col.causes'),
      // the order numbers on two lines (all on hover); capped, one line and "+ N more", which lists them all
      width: 150,
      dropOrder: 1,
      render: (r) => (
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="xs" ff="monospace" lineClamp={r.causeCount > r.causes.length ? 1 : 2} style={{ whiteSpace: 'normal' }} title={r.causes.map((c) => c.number).join(' ')}>
            {r.causes.map((c) => c.number).join(' ')}
          </Text>
          {r.causeCount > r.causes.length ? (
            <Anchor
              component="button"
              type="button"
              size="xs"
              ta="left"
              data-testid={`shortage-more-${r.item.sku}`}
              onClick={(e) => {
                e.stopPropagation(); // the row would open the item
                setCausesOf(r);
              }}
            >
              {t('planning.shortages.causes.more', { count: r.causeCount - r.causes.length })}
            </Anchor>
          ) : null}
        </Stack>
      ),
    },
  ];

  if (q.error) return <QueryError query={q} />;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs">
          {q.data ? <Text size="sm" c="dimmed" data-testid="shortages-summary">{t('planning.shortages.summary', { count: rows.length })}</Text> : null}
          {filterLabel ? (
            <>
              <Badge variant="light">{t('planning.shortages.filtered', { number: filterLabel })}</Badge>
              <Button size="compact-xs" variant="subtle" onClick={() => navigate('/planning')}>
                {t('planning.shortages.showAll')}
              </Button>
            </>
          ) : null}
        </Group>
        {rows.length > 0 ? (
          <Button
            size="sm"
            disabled={toOrder.length === 0 || previewing !== null}
            title={toOrder.length === 0 ? t('planning.shortages.nothingToOrder') : undefined}
            onClick={() => setPreviewing(toOrder.map((r) => ({ itemId: r.item.id, qtyMilli: r.toOrderMilli, neededBy: r.firstShortOn })))}
            data-testid="shortages-create-pos"
          >
            {t('planning.shortages.create')}
          </Button>
        ) : null}
      </Group>
      {causesOf ? <ShortageCauses row={causesOf} onClose={() => setCausesOf(null)} /> : null}
      {previewing ? <PurchasePreview list={{ lines: previewing }} onClose={() => setPreviewing(null)} /> : null}
      {q.data && rows.length === 0 ? (
        <EmptyScreen icon={<IconCheck size={28} />} title={t('planning.shortages.empty.title')} description={t('planning.shortages.empty.body')} testId="shortages-empty" />
      ) : (
        <VirtualTable rows={rows} columns={columns} rowKey={(r) => r.item.id} height="calc(100dvh - 260px)" rowHeight={58} testId="shortages-table" rowTestId={(r) => `shortage-${r.item.sku}`} onOpen={(r) => navigate(`/items/${r.item.id}`)} />
      )}
    </Stack>
  );
}
