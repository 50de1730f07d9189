/**
 * #/orders: every order, newest first, with filters (status, customer, channel, dates,
 * late only, a search box); late orders in red. Rows that can still be fulfilled have a
 * box to tick, and "Fulfil selected" plans them all at once.
 */
import { DateField } from '../../components/DateField';
import { useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Chip, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { OrderStatus } from '../../../src-shared/domain/orderStatus';
import { usePagedList, type Out } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconOrders, IconPlus, IconProduction, IconSearch } from '../../components/icons';
import { CountBadge, PageHeader } from '../../components/PageHeader';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate, useRoute } from '../../router';
import { CustomerSelect, type PickedCustomer } from './CustomerSelect';
import { FulfilDialog } from './FulfilDialog';
import { ExportMenu } from '../../components/ExportMenu';
import { LateBadge, ORDER_CHANNELS, OrderStatusBadge, STATUS_FILTERS, type OrderChannel } from './orderBits';
import { promiseColumn, usePromiseByOrder } from '../planning/PromisePanel';
import { ListResults, useNextPage } from '../../components/ListResults';
import { ListSearch } from '../../components/ListSearch';
import { CellText } from '../../components/CellText';

type Row = Out<'orders.list'>['orders'][number];

interface Filters {
  q: string;
  statuses: OrderStatus[];
  customer: PickedCustomer | null;
  channel: OrderChannel | null;
  from: string;
  to: string;
  lateOnly: boolean;
}

const NO_FILTERS: Filters = { q: '', statuses: [], customer: null, channel: null, from: '', to: '', lateOnly: false };
// the filters outlive the screen, so coming back from an order finds the list as it was
let remembered: Filters = NO_FILTERS;

/**
 * A link may open the list filtered (the home screen's tiles): #/orders?late=1,
 * #/orders?status=ready_to_ship. Without these the list is as it was left.
 */
function filtersOfUrl(query: URLSearchParams): Filters | null {
  const status = query.get('status');
  const late = query.get('late') === '1';
  const statuses = (STATUS_FILTERS as readonly string[]).includes(status ?? '') ? [status as OrderStatus] : [];
  return late || statuses.length > 0 ? { ...NO_FILTERS, statuses, lateOnly: late } : null;
}

/** Orders whose lines may still need stock or production. */
export function canFulfil(status: OrderStatus): boolean {
  return status === 'waiting' || status === 'materials_short' || status === 'in_production' || status === 'partially_shipped';
}

export function OrderList() {
  const { t, fmt } = useI18n();
  const { query } = useRoute();
  const [f, setF] = useState<Filters>(() => filtersOfUrl(query) ?? remembered);
  const [selected, setSelected] = useState<Map<number, Row>>(new Map());
  const [fulfilOpen, setFulfilOpen] = useState(false);
  useEffect(() => {
    remembered = f;
  }, [f]);
  const set = (patch: Partial<Filters>) => setF((old) => ({ ...old, ...patch }));
  const [q] = useDebouncedValue(f.q.trim(), 150);

  const input = {
    q,
    statuses: f.statuses.length > 0 ? f.statuses : undefined,
    customerId: f.customer?.id,
    channel: f.channel ?? undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    lateOnly: f.lateOnly,
  };
  const list = usePagedList('orders.list', input, (out) => ({ rows: out.orders, total: out.total }));

  const toggle = (row: Row, on: boolean) =>
    setSelected((old) => {
      const next = new Map(old);
      if (on) next.set(row.id, row);
      else next.delete(row.id);
      return next;
    });
  const selectable = list.rows.filter((r) => canFulfil(r.status));
  const allOn = selectable.length > 0 && selectable.every((r) => selected.has(r.id));

  const promises = usePromiseByOrder(useMemo(() => list.data?.pages.map((p) => p.rows) ?? [], [list.data]));
  const columns: Column<Row>[] = [
    {
      key: 'select',
      width: 36,
      header: (
        <Checkbox
          size="xs"
          aria-label={t('orders.selectAll')}
          title={t('orders.selectAll')}
          checked={allOn}
          indeterminate={!allOn && selected.size > 0}
          disabled={selectable.length === 0}
          onChange={(e) => setSelected(e.currentTarget.checked ? new Map(selectable.map((r) => [r.id, r])) : new Map())}
          data-testid="orders-select-all"
        />
      ),
      render: (r) => (
        <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()} style={{ display: 'inline-flex' }}>
          <Checkbox
            size="xs"
            aria-label={t('orders.select', { number: r.number })}
            checked={selected.has(r.id)}
            disabled={!canFulfil(r.status)}
            onChange={(e) => toggle(r, e.currentTarget.checked)}
            data-testid={`order-select-${r.number}`}
          />
        </span>
      ),
    },
    { key: 'number', header: t('orders.col.number'), width: 96, render: (r) => <Text size="sm" ff="monospace" fw={600}>{r.number}</Text> },
    {
      key: 'customer',
      header: t('orders.col.customer'),
      // the one column that shrinks; rather than fold a name, the line count, the channel
      // and the order date give way (at 1366 px the longest demo customer is whole)
      minWidth: 340,
      render: (r) => (
        <CellText fw={500} data-testid={`order-customer-${r.number}`}>
          {r.customerName}
        </CellText>
      ),
    },
    {
      key: 'channel',
      header: t('orders.col.channel'),
      width: 120,
      dropOrder: 2,
      render: (r) => (
        <Text size="sm" truncate>
          {t(`orders.channel.${r.channel}`)}
          {r.externalRef ? (
            <Text span size="xs" c="dimmed" ff="monospace">
              {' · '}
              {r.externalRef}
            </Text>
          ) : null}
        </Text>
      ),
    },
    { key: 'ordered', header: t('orders.col.ordered'), width: 120, dropOrder: 3, render: (r) => <span className="num">{fmt.date(r.orderedOn)}</span> },
    {
      key: 'requested',
      header: t('orders.col.requested'),
      width: 172,
      render: (r) => {
        const due = r.promisedOn ?? r.requestedOn;
        if (!due) return <Text c="dimmed" size="sm">—</Text>;
        return (
          <Group gap={6} wrap="nowrap">
            <Text size="sm" c={r.late ? 'red.7' : undefined} fw={r.late ? 600 : undefined} className="num">
              {fmt.date(due)}
            </Text>
            {r.late ? <LateBadge size="xs" /> : null}
          </Group>
        );
      },
    },
    { ...promiseColumn(promises, fmt.date, t('planning.col.promise')), width: 130 },
    { key: 'status', header: t('orders.col.status'), width: 188, render: (r) => <OrderStatusBadge status={r.status} size="sm" /> },
    { key: 'total', header: t('orders.col.total'), width: 105, align: 'right', render: (r) => <span className="num">{fmt.money(r.totalCents)}</span> },
    { key: 'lines', header: t('orders.col.lines'), width: 62, dropOrder: 1, align: 'right', render: (r) => <span className="num">{fmt.number(r.lineCount)}</span> },
  ];

  const onNearEnd = useNextPage(list);

  const filtered = q !== '' || f.statuses.length > 0 || f.customer !== null || f.channel !== null || f.from !== '' || f.to !== '' || f.lateOnly;
  const newButton = (testId: string) => (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/orders/new')} data-testid={testId}>
      {t('orders.new')}
    </Button>
  );

  return (
    <>
      <PageHeader
        badge={<CountBadge count={list.data ? list.total : null} />}
        title={t('orders.title')}
        subtitle={t('orders.subtitle')}
        actions={
          <>
            {selected.size > 0 ? (
              <Button variant="light" leftSection={<IconProduction size={16} />} onClick={() => setFulfilOpen(true)} data-testid="orders-fulfil-selected">
                {t('orders.fulfilSelected', { count: selected.size })}
              </Button>
            ) : null}
            <ExportMenu lists={['orders', 'order_lines']} filters={{ channel: input.channel, customerId: input.customerId, from: input.from, to: input.to }} />
            <Button variant="default" onClick={() => navigate('/orders/import')} data-testid="orders-import">
              {t('channels.import.open')}
            </Button>
            {newButton('order-new')}
          </>
        }
      />
      <Stack gap={8} mb="sm">
        <Group gap="xs" wrap="wrap" align="flex-end">
          <ListSearch value={f.q} onChange={(v) => set({ q: v })} onEnter={() => list.rows[0] && navigate(`/orders/${list.rows[0].id}`)} placeholder={t('orders.search')} w={250} testId="orders-search" />
          <CustomerSelect
            value={f.customer}
            onChange={(c) => set({ customer: c })}
            placeholder={t('orders.filter.customer')}
            aria-label={t('orders.filter.customer')}
            clearable
            w={210}
            data-testid="orders-filter-customer"
          />
          <Select
            placeholder={t('orders.filter.channel')}
            aria-label={t('orders.filter.channel')}
            data={ORDER_CHANNELS.map((c) => ({ value: c, label: t(`orders.channel.${c}`) }))}
            value={f.channel}
            onChange={(v) => set({ channel: (v as OrderChannel | null) ?? null })}
            clearable
            w={140}
            data-testid="orders-filter-channel"
          />
          <Group gap={6} wrap="nowrap" align="center">
            <Text size="sm" c="dimmed">
              {t('orders.filter.from')}
            </Text>
            <DateField value={f.from} onChange={(d) => set({ from: d })} aria-label={t('orders.filter.from')} w={140} data-testid="orders-filter-from" />
            <Text size="sm" c="dimmed">
              {t('orders.filter.to')}
            </Text>
            <DateField value={f.to} onChange={(d) => set({ to: d })} aria-label={t('orders.filter.to')} w={140} data-testid="orders-filter-to" />
          </Group>
        </Group>
        <Group gap={6} wrap="wrap">
          <Chip checked={f.lateOnly} onChange={(v) => set({ lateOnly: v })} size="xs" color="red" variant={f.lateOnly ? 'filled' : 'outline'} wrapperProps={{ 'data-testid': 'orders-filter-late' }}>
            {t('orders.filter.lateOnly')}
          </Chip>
          <Text c="gray.4" size="sm" aria-hidden>
            |
          </Text>
          <Chip.Group multiple value={f.statuses} onChange={(v) => set({ statuses: v as OrderStatus[] })}>
            <Group gap={6}>
              {STATUS_FILTERS.map((s) => (
                <Chip key={s} value={s} size="xs" variant="outline" wrapperProps={{ 'data-testid': `status-chip-${s}` }}>
                  {t(`orders.status.${s}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {filtered ? (
            <Button variant="subtle" size="compact-sm" color="gray" onClick={() => setF(NO_FILTERS)} data-testid="orders-filter-reset">
              {t('orders.filter.reset')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      <ListResults
        list={list}
        empty={
          filtered ? (
            <EmptyScreen icon={<IconSearch size={28} />} title={t('orders.noMatch.title')} description={t('orders.noMatch.body')} testId="orders-no-match" />
          ) : (
            <EmptyScreen icon={<IconOrders size={28} />} title={t('orders.empty.title')} description={t('orders.empty.body')} action={newButton('orders-empty-new')} testId="orders-empty" />
          )
        }
      >
        <VirtualTable
          rows={list.rows}
          columns={columns}
          rowKey={(r) => r.id}
          onOpen={(r) => navigate(`/orders/${r.id}`)}
          onNearEnd={onNearEnd}
          height="calc(100dvh - 270px)"
          testId="orders-table"
          rowTestId={(r) => `order-row-${r.number}`}
          dimmed={(r) => r.status === 'cancelled'}
        />
      </ListResults>
      <FulfilDialog
        orderIds={[...selected.keys()]}
        label={selected.size === 1 ? t('orders.fulfil.oneOrder', { number: [...selected.values()][0]!.number }) : t('orders.fulfil.manyOrders', { count: selected.size })}
        opened={fulfilOpen}
        onClose={() => setFulfilOpen(false)}
        onDone={() => {
          setFulfilOpen(false);
          setSelected(new Map());
        }}
      />
    </>
  );
}
