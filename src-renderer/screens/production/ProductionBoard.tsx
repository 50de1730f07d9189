/**
 * #/production: the board — production orders grouped by planned day (a day heading with
 * how many orders and how much bench time), each with its product, batches and quantity,
 * status, a red flag when materials are short, and the customer orders it serves.
 * Virtualised, fetched page by page.
 */
import { DateField } from '../../components/DateField';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Button, Chip, Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { usePagedList, type Out } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconPlus, IconProduction, IconSearch } from '../../components/icons';
import { CountBadge, PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { today } from '../orders/orderBits';
import { NewProductionDialog } from './NewProductionDialog';
import { ExportMenu } from '../../components/ExportMenu';
import { duration, MaterialsShortBadge, OPEN_STATUSES, PRODUCTION_STATUSES, ProductionStatusBadge, type ProductionStatus } from './productionBits';
import { ListResults } from '../../components/ListResults';

type Row = Out<'production.list'>['orders'][number];
type BoardLine = { kind: 'day'; date: string; count: number; minutes: number } | { kind: 'po'; row: Row };

// number, product (the one that shrinks: at 1366 px it gets ~300 px, whole name on hover),
// quantity, status (two badges), orders served, time
const GRID = '120px minmax(260px, 1fr) 120px 220px 160px 90px';
const DAY_HEIGHT = 40;
const ROW_HEIGHT = 54;

let remembered: { q: string; statuses: ProductionStatus[]; from: string; to: string } = { q: '', statuses: OPEN_STATUSES, from: '', to: '' };

function groupByDay(rows: Row[]): BoardLine[] {
  const out: BoardLine[] = [];
  let head: Extract<BoardLine, { kind: 'day' }> | null = null;
  for (const r of rows) {
    if (!head || head.date !== r.plannedOn) {
      head = { kind: 'day', date: r.plannedOn, count: 0, minutes: 0 };
      out.push(head);
    }
    head.count++;
    head.minutes += r.batchMinutes;
    out.push({ kind: 'po', row: r });
  }
  return out;
}

function weekday(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const text = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

function BoardRow({ row, onOpen }: { row: Row; onOpen(): void }) {
  const { t, fmt } = useI18n();
  const dim = row.status === 'cancelled' || row.status === 'completed';
  return (
    <div
      role="row"
      tabIndex={0}
      className="virtual-row"
      data-testid={`production-row-${row.number}`}
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen();
      }}
      style={{ display: 'grid', gridTemplateColumns: GRID, alignItems: 'center', gap: 12, height: ROW_HEIGHT, padding: '0 12px', borderBottom: '1px solid var(--mantine-color-gray-2)', cursor: 'pointer', opacity: dim ? 0.62 : 1 }}
    >
      <Text size="sm" ff="monospace" fw={600}>
        {row.number}
      </Text>
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} truncate title={row.item.name}>
          {row.item.name}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace" truncate>
          {row.item.sku}
        </Text>
      </div>
      <div>
        <Text size="sm" className="num">
          {fmt.qty(row.plannedQtyMilli, row.item.unit)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('orders.fulfil.batches', { count: row.batches })}
        </Text>
      </div>
      <Group gap={6} wrap="nowrap">
        <ProductionStatusBadge status={row.status} />
        {row.materialsShort && row.status === 'planned' ? <MaterialsShortBadge size="xs" /> : null}
      </Group>
      <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
        {row.orderNumbers.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('production.stock')}
          </Text>
        ) : (
          row.orderNumbers.slice(0, 3).map((n) => (
            <Badge key={n} variant="outline" color="gray" size="sm" radius="sm" ff="monospace" tt="none">
              {n}
            </Badge>
          ))
        )}
        {row.orderNumbers.length > 3 ? (
          <Text size="xs" c="dimmed">
            +{row.orderNumbers.length - 3}
          </Text>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" ta="right" className="num">
        {duration(row.batchMinutes, t)}
      </Text>
    </div>
  );
}

/** #/production?to=2026-11-10 (the home screen's "production today"), or from= too: the open orders of those days. */
function filtersOfUrl(query: URLSearchParams): typeof remembered | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  if (!iso.test(from) && !iso.test(to)) return null;
  return { q: '', statuses: OPEN_STATUSES, from: iso.test(from) ? from : '', to: iso.test(to) ? to : '' };
}

export function ProductionBoard({ creating, query }: { creating: boolean; query: URLSearchParams }) {
  const { t, locale } = useI18n();
  const [f, setF] = useState(() => filtersOfUrl(query) ?? remembered);
  useEffect(() => {
    remembered = f;
  }, [f]);
  const [q] = useDebouncedValue(f.q.trim(), 150);
  const input = { q, statuses: f.statuses.length > 0 ? f.statuses : undefined, from: f.from || undefined, to: f.to || undefined };
  const list = usePagedList('production.list', input, (out) => ({ rows: out.orders, total: out.total }));
  const lines = useMemo(() => groupByDay(list.rows), [list.rows]);
  const now = today();

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (lines[i]?.kind === 'day' ? DAY_HEIGHT : ROW_HEIGHT),
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.length > 0 ? items[items.length - 1]!.index : -1;
  const fetchMore = useCallback(() => {
    if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }, [list]);
  useEffect(() => {
    if (lines.length > 0 && last >= lines.length - 20) fetchMore();
  }, [last, lines.length, fetchMore]);

  const newButton = (testId: string) => (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/production?new=1')} data-testid={testId}>
      {t('production.new')}
    </Button>
  );
  const filtered = q !== '' || f.from !== '' || f.to !== '';

  return (
    <>
      <PageHeader badge={<CountBadge count={list.data ? list.total : null} />} title={t('production.board.title')} subtitle={t('production.board.subtitle')} actions={
          <>
            <ExportMenu lists={['production']} filters={{ from: f.from || undefined, to: f.to || undefined }} />
            {newButton('production-new')}
          </>
        }
      />
      <Group mb="sm" gap="sm" wrap="wrap">
        <TextInput
          placeholder={t('production.search')}
          leftSection={<IconSearch size={16} />}
          value={f.q}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setF((o) => ({ ...o, q: v }));
          }}
          w={240}
          data-page-search
          data-testid="production-search"
          aria-label={t('common.search')}
        />
        <Chip.Group multiple value={f.statuses} onChange={(v) => setF((o) => ({ ...o, statuses: v as ProductionStatus[] }))}>
          <Group gap={6}>
            {PRODUCTION_STATUSES.map((s) => (
              <Chip key={s} value={s} size="xs" variant="outline" wrapperProps={{ 'data-testid': `po-chip-${s}` }}>
                {t(`production.status.${s}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Group gap={6} wrap="nowrap">
          <DateField value={f.from} onChange={(d) => { const v = d; setF((o) => ({ ...o, from: v })); }} aria-label={t('orders.filter.from')} w={140} />
          <Text size="sm" c="dimmed">
            –
          </Text>
          <DateField value={f.to} onChange={(d) => { const v = d; setF((o) => ({ ...o, to: v })); }} aria-label={t('orders.filter.to')} w={140} />
        </Group>
      </Group>
      <ListResults
        list={list}
        empty={
          filtered || f.statuses.length > 0 ? (
            <EmptyScreen icon={<IconSearch size={28} />} title={t('production.noMatch.title')} description={t('production.noMatch.body')} action={newButton('production-empty-new')} testId="production-no-match" />
          ) : (
            <EmptyScreen icon={<IconProduction size={28} />} title={t('production.empty.title')} description={t('production.empty.body')} action={newButton('production-empty-new')} testId="production-empty" />
          )
        }
      >
        <div ref={scrollRef} className="virtual-scroll" style={{ height: 'calc(100dvh - 230px)' }} data-testid="production-board">
          <div
            className="virtual-th"
            style={{ display: 'grid', gridTemplateColumns: GRID, gap: 12, alignItems: 'center', padding: '0 12px', position: 'sticky', top: 0, zIndex: 2, fontWeight: 700, borderBottom: '1px solid var(--mantine-color-gray-3)' }}
          >
            <span>{t('production.col.number')}</span>
            <span>{t('production.col.product')}</span>
            <span>{t('production.col.quantity')}</span>
            <span>{t('production.col.status')}</span>
            <span>{t('production.col.orders')}</span>
            <span style={{ textAlign: 'right' }}>{t('production.col.time')}</span>
          </div>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((vi) => {
              const line = lines[vi.index]!;
              return (
                <div key={vi.key} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${vi.start}px)` }}>
                  {line.kind === 'day' ? (
                    <Group
                      justify="space-between"
                      px="sm"
                      h={DAY_HEIGHT}
                      wrap="nowrap"
                      data-testid={`production-day-${line.date}`}
                      style={{ background: line.date === now ? 'var(--mantine-color-teal-0)' : 'var(--mantine-color-gray-0)', borderBottom: '1px solid var(--mantine-color-gray-3)', borderTop: vi.index > 0 ? '1px solid var(--mantine-color-gray-3)' : undefined }}
                    >
                      <Group gap={8}>
                        <Text fw={650} size="sm">
                          {weekday(line.date, locale)}
                        </Text>
                        {line.date === now ? (
                          <Badge size="xs" color="teal" variant="filled">
                            {t('production.day.today')}
                          </Badge>
                        ) : null}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t('production.day.count', { count: line.count })} · {duration(line.minutes, t)}
                      </Text>
                    </Group>
                  ) : (
                    <BoardRow row={line.row} onOpen={() => navigate(`/production/${line.row.id}`)} />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </ListResults>
      <NewProductionDialog opened={creating} onClose={() => navigate('/production', { replace: true })} />
    </>
  );
}
