/**
 * #/inventory: on hand, reserved, available and incoming per item, with its alerts.
 * The server filters (search, kind, chip); sorting happens here on the loaded rows.
 */
import { useMemo, useState } from 'react';
import { Badge, Button, Chip, Group, NativeSelect, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ItemKind } from '../../../src-shared/contract/common';
import type { Out } from '../../api/hooks';
import { useApiQuery } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconChevronDown, IconInventory, IconPlus, IconSearch } from '../../components/icons';
import { CountBadge, PageHeader } from '../../components/PageHeader';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/I18nProvider';
import { ITEM_KINDS } from '../../kinds';
import { navigate } from '../../router';
import { ExpiryText, Qty } from './common';
import { FindLot } from './FindLot';
import { ExportMenu } from '../../components/ExportMenu';
import { invErrorText } from './invErrors';
import { QueryError } from '../../components/QueryState';

type Row = Out<'inventory.stockOverview'>['rows'][number];
export const STOCK_FILTERS = ['all', 'in_stock', 'below_reorder', 'expiring', 'expired', 'quarantine'] as const;
type Filter = (typeof STOCK_FILTERS)[number];
type SortKey = 'sku' | 'name' | 'onHand' | 'reserved' | 'available' | 'incoming' | 'lots' | 'expiry';

const SORT_VALUE: Record<SortKey, (r: Row) => string | number> = {
  sku: (r) => r.item.sku,
  name: (r) => r.item.name,
  onHand: (r) => r.onHandMilli,
  reserved: (r) => r.reservedMilli,
  available: (r) => r.availableMilli,
  incoming: (r) => r.incomingMilli,
  lots: (r) => r.openLots,
  // no expiry sorts after every date
  expiry: (r) => r.nextExpiry ?? '9999-12-31',
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function sortRows(rows: Row[], key: SortKey | null, desc: boolean): Row[] {
  if (!key) return rows;
  const value = SORT_VALUE[key];
  const sorted = [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return c !== 0 ? c : collator.compare(a.item.sku, b.item.sku);
  });
  return desc ? sorted.reverse() : sorted;
}

function Alerts({ row }: { row: Row }) {
  const { t } = useI18n();
  const all = [
    row.expired ? <Badge key="x" color="red" variant="filled" size="xs">{t('inventory.badge.expired')}</Badge> : null,
    row.expiringSoon ? <Badge key="s" color="orange" variant="light" size="xs">{t('inventory.badge.expiring')}</Badge> : null,
    row.belowReorder ? <Badge key="r" color="yellow" variant="light" size="xs" c="yellow.9">{t('inventory.badge.belowReorder')}</Badge> : null,
    row.quarantined ? <Badge key="q" color="grape" variant="light" size="xs">{t('inventory.badge.quarantine')}</Badge> : null,
  ].filter(Boolean);
  // two fit; the rest are behind "+n" with all of them in the tooltip
  return (
    <Group gap={4} wrap="nowrap">
      {all.slice(0, 2)}
      {all.length > 2 ? (
        <Tooltip label={<Group gap={4}>{all}</Group>}>
          <Badge color="gray" variant="outline" size="xs">
            +{all.length - 2}
          </Badge>
        </Tooltip>
      ) : null}
    </Group>
  );
}

export function StockOverview({ query }: { query: URLSearchParams }) {
  const { t, fmt } = useI18n();
  const [q, setQ] = useState(query.get('q') ?? '');
  const [kind, setKind] = useState<ItemKind | ''>((ITEM_KINDS as readonly string[]).includes(query.get('kind') ?? '') ? (query.get('kind') as ItemKind) : '');
  const [filter, setFilter] = useState<Filter>((STOCK_FILTERS as readonly string[]).includes(query.get('filter') ?? '') ? (query.get('filter') as Filter) : 'all');
  const [sort, setSort] = useState<{ key: SortKey | null; desc: boolean }>({ key: null, desc: false });
  const [debounced] = useDebouncedValue(q.trim(), 150);
  const stock = useApiQuery('inventory.stockOverview', { q: debounced, kinds: kind ? [kind] : undefined, filter }, { placeholderData: (prev) => prev });
  const soonDays = stock.data?.expiringSoonDays ?? 30;
  const rows = useMemo(() => sortRows(stock.data?.rows ?? [], sort.key, sort.desc), [stock.data, sort]);

  // the filters live in the address too, so "back" from an item returns to the same list
  const remember = (next: { q?: string; kind?: string; filter?: string }) => {
    const p = new URLSearchParams();
    const all = { q: debounced, kind, filter, ...next };
    if (all.q) p.set('q', all.q);
    if (all.kind) p.set('kind', all.kind);
    if (all.filter && all.filter !== 'all') p.set('filter', all.filter);
    const s = p.toString();
    navigate(`/inventory${s ? `?${s}` : ''}`, { replace: true });
  };

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <UnstyledButton
        className="inv-sort"
        data-active={active || undefined}
        onClick={() => setSort((s) => (s.key !== key ? { key, desc: false } : s.desc ? { key: null, desc: false } : { key, desc: true }))}
        aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined}
        data-testid={`stock-sort-${key}`}
      >
        {label}
        {active ? <IconChevronDown size={12} style={{ transform: sort.desc ? undefined : 'rotate(180deg)' }} /> : null}
      </UnstyledButton>
    );
  };

  const columns: Column<Row>[] = [
    {
      key: 'item',
      // the name column takes what the numbers leave: at 1366 px about 300 px
      minWidth: 260,
      header: (
        <Group gap={6} wrap="nowrap">
          {header('name', t('inventory.col.name'))}
          <Text span c="dimmed" size="xs">·</Text>
          {header('sku', t('inventory.col.sku'))}
        </Group>
      ),
      render: (r) => (
        <Group gap="xs" wrap="nowrap">
          <span className="kind-dot" data-kind={r.item.kind} title={t(`kind.${r.item.kind}`)} />
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} truncate title={r.item.name} lh={1.3}>
              {r.item.name}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace" truncate lh={1.3}>
              {r.item.sku}
            </Text>
          </div>
        </Group>
      ),
    },
    { key: 'onHand', header: header('onHand', t('inventory.col.onHand')), width: 110, align: 'right', render: (r) => <Qty milli={r.onHandMilli} unit={r.item.unit} strong /> },
    { key: 'reserved', header: header('reserved', t('inventory.col.reserved')), width: 100, align: 'right', render: (r) => <Qty milli={r.reservedMilli} unit={r.item.unit} zeroDash /> },
    {
      key: 'available',
      header: header('available', t('inventory.col.available')),
      width: 120,
      align: 'right',
      render: (r) => <Qty milli={r.availableMilli} unit={r.item.unit} strong color={r.belowReorder ? 'orange.8' : undefined} />,
    },
    { key: 'incoming', header: header('incoming', t('inventory.col.incoming')), width: 96, align: 'right', render: (r) => <Qty milli={r.incomingMilli} unit={r.item.unit} zeroDash /> },
    { key: 'lots', header: header('lots', t('inventory.col.lots')), width: 60, align: 'right', render: (r) => <Text span size="sm" className="num" c={r.openLots === 0 ? 'dimmed' : undefined}>{fmt.number(r.openLots)}</Text> },
    { key: 'expiry', header: header('expiry', t('inventory.col.nextExpiry')), width: 124, render: (r) => <ExpiryText date={r.nextExpiry} soonDays={soonDays} /> },
    { key: 'alerts', header: t('inventory.col.alerts'), width: 170, render: (r) => <Alerts row={r} /> },
  ];

  const filtered = debounced !== '' || kind !== '' || filter !== 'all';
  const receive = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/inventory/receive')} data-testid="inventory-receive">
      {t('inventory.receive.title')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('nav.inventory')}
        subtitle={t('inventory.subtitle')}
        badge={<CountBadge count={stock.data ? rows.length : null} />}
        actions={
          <>
            <FindLot key={query.get('find') ?? ''} initial={query.get('find') ?? undefined} />
            <Tooltip label={t('inventory.locations.subtitle')}>
              <Button variant="default" onClick={() => navigate('/inventory/locations')} data-testid="inventory-locations">
                {t('inventory.locations.title')}
              </Button>
            </Tooltip>
            <ExportMenu lists={['stock', 'lots', 'movements']} />
            {receive}
          </>
        }
      />
      <Group mb="sm" gap="sm" wrap="wrap">
        <TextInput
          placeholder={t('inventory.search')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
          }}
          onBlur={() => remember({ q: q.trim() })}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              document.querySelector<HTMLElement>('[data-row-index="0"]')?.focus();
            } else if (e.key === 'Enter' && rows[0]) {
              remember({ q: q.trim() });
              navigate(`/inventory/items/${rows[0].item.id}`);
            }
          }}
          w={280}
          data-page-search
          data-testid="stock-search"
          aria-label={t('common.search')}
        />
        <NativeSelect
          value={kind}
          onChange={(e) => {
            setKind(e.currentTarget.value as ItemKind | '');
            remember({ kind: e.currentTarget.value });
          }}
          data={[{ value: '', label: t('inventory.kind.all') }, ...ITEM_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
          aria-label={t('inventory.col.kind')}
          data-testid="stock-kind"
          w={170}
        />
        <Chip.Group
          value={filter}
          onChange={(v) => {
            setFilter(v as Filter);
            remember({ filter: v });
          }}
        >
          <Group gap={6}>
            {STOCK_FILTERS.map((f) => (
              <Chip key={f} value={f} size="sm" variant="outline" wrapperProps={{ 'data-testid': `stock-filter-${f}` }}>
                {t(`inventory.filter.${f}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      <QueryError query={stock} describe={(e) => invErrorText(e, { t, fmt })} />
      {stock.data && rows.length === 0 ? (
        filtered ? (
          <EmptyScreen icon={<IconSearch size={28} />} title={t('inventory.noMatch.title')} description={t('inventory.noMatch.body')} testId="stock-no-match" />
        ) : (
          <EmptyScreen icon={<IconInventory size={28} />} title={t('inventory.empty.title')} description={t('inventory.empty.body')} action={receive} testId="stock-empty" />
        )
      ) : (
        <VirtualTable
          rows={rows}
          columns={columns}
          rowKey={(r) => r.item.id}
          onOpen={(r) => navigate(`/inventory/items/${r.item.id}`)}
          height="calc(100dvh - 236px)"
          rowHeight={46}
          testId="stock-table"
          rowTestId={(r) => `stock-row-${r.item.sku}`}
          dimmed={(r) => r.onHandMilli === 0 && r.incomingMilli === 0 && !r.belowReorder}
        />
      )}
    </>
  );
}
