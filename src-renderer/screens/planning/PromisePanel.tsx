/** The delivery promise as a card: for an order being typed (debounced) and for a saved order. */
import { useMemo, type ReactNode } from 'react';
import { Alert, Button, Card, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useApiCommand, useApiQueries, useApiQuery, type Out } from '../../api/hooks';
import { notifySaved } from '../../components/notify';
import type { DeliveryPromiseOut } from '../../../src-shared/contract/planning';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import type { Column } from '../../components/VirtualTable';
import { PromiseSummary } from './PromiseSummary';
import { QueryError } from '../../components/QueryState';

interface DraftProps {
  customerId: number | null;
  requestedOn: string;
  lines: { itemId: number | null; quantity: string }[];
}

function PanelFrame({ children, loading }: { children: ReactNode; loading?: boolean }) {
  const { t } = useI18n();
  return (
    <Card withBorder radius="md" padding="sm" mb="md" data-testid="promise-panel">
      <Group gap="xs" mb={4}>
        <Text size="sm" fw={600} c="dimmed">
          {t('planning.promise.title')}
        </Text>
        {loading ? <Loader size={12} /> : null}
      </Group>
      {children}
    </Card>
  );
}

/** While the order is typed: asked again 400 ms after the last keystroke. */
export function DraftPromisePanel({ customerId, requestedOn, lines }: DraftProps) {
  const { t } = useI18n();
  const filled = lines.filter((l): l is { itemId: number; quantity: string } => l.itemId !== null && l.quantity.trim() !== '');
  const input = {
    ...(customerId ? { customerId } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(requestedOn) ? { requestedOn } : {}),
    lines: filled.map((l) => ({ itemId: l.itemId, quantity: l.quantity })),
  };
  // debounced as text: a new object each render would restart the timer forever
  const [debouncedText] = useDebouncedValue(JSON.stringify(input), 400);
  const debounced = useMemo(() => JSON.parse(debouncedText) as typeof input, [debouncedText]);
  const q = useApiQuery('planning.promise', debounced, { enabled: debounced.lines.length > 0, placeholderData: keepPreviousData });
  if (filled.length === 0) {
    return (
      <PanelFrame>
        <Text size="sm" c="dimmed">
          {t('planning.promise.empty')}
        </Text>
      </PanelFrame>
    );
  }
  return (
    <PanelFrame loading={q.isFetching}>
      {q.error ? <QueryError query={q} /> : q.data ? <PromiseSummary p={q.data} /> : <Text size="sm" c="dimmed">{t('planning.promise.loading')}</Text>}
    </PanelFrame>
  );
}

/** A saved open order: its promise, why it moved from the date promised, "Promise this date", and its shortages. */
export function OrderPromisePanel({ orderId, orderNumber, promisedOn }: { orderId: number; orderNumber: string; promisedOn: string | null }) {
  const { t, fmt } = useI18n();
  const q = useApiQuery('planning.promise', { orderId });
  const shortages = useApiQuery('planning.shortages', { orderId });
  const promise = useApiCommand('orders.setPromisedDate', { onSuccess: (o) => notifySaved(t('planning.promise.promisedSaved', { date: fmt.date(o.promisedOn!), number: o.number })) });
  const p = q.data;
  return (
    <PanelFrame loading={q.isFetching}>
      {q.error ? <QueryError query={q} /> : p ? <PromiseSummary p={p} /> : null}
      {p?.change ? <PromiseChanged change={p.change} /> : null}
      {p?.deliveryOn && p.deliveryOn !== promisedOn ? (
        <Group gap="xs" mt={6}>
          <Button size="compact-sm" variant="light" loading={promise.isPending} onClick={() => promise.mutate({ id: orderId, promisedOn: p.deliveryOn })} data-testid="promise-this-date">
            {t('planning.promise.promiseThis')}
          </Button>
          {promise.error ? (
            <Text size="sm" c="red.7">
              {promise.error.message}
            </Text>
          ) : null}
        </Group>
      ) : promisedOn && !p?.change ? (
        <Text size="sm" c="dimmed" mt={4} data-testid="promise-promised">
          {t('planning.promise.promised', { date: fmt.date(promisedOn) })}
        </Text>
      ) : null}
      <QueryError query={shortages} compact />
      {shortages.data && shortages.data.rows.length > 0 ? (
        <Link to={`/planning?order=${orderId}&number=${encodeURIComponent(orderNumber)}`} size="sm" data-testid="order-shortages-link">
          {t('planning.promise.shortages')} ({shortages.data.rows.map((r) => r.item.sku).join(', ')})
        </Link>
      ) : null}
    </PanelFrame>
  );
}

/** The promise is no longer the date promised to the customer: say so, and what the data shows since. */
function PromiseChanged({ change }: { change: NonNullable<DeliveryPromiseOut['change']> }) {
  const { t, fmt } = useI18n();
  return (
    <Alert color="orange" variant="light" p="xs" mt={6} data-testid="promise-changed">
      <Text size="sm" fw={600}>
        {t('planning.promise.changed', { date: fmt.date(change.promisedOn) })}
      </Text>
      {change.causes.map((c) => (
        <Text size="sm" key={c.kind} data-testid={`promise-cause-${c.kind}`}>
          {t(`planning.promise.cause.${c.kind}`, { refs: c.refs.join(', ') })}
        </Text>
      ))}
    </Alert>
  );
}

type Estimate = { deliveryOn: string | null; late: boolean };

/**
 * The order list's column: the estimated dates of the orders loaded, a request per page of
 * the list (the list's pages of 200 rows), not every open order's whole promise. While a
 * page's answer is on its way (a filter changed the page's orders, a new order shifted them),
 * its orders keep the dates an earlier answer gave them, as the column did when it was one
 * request: a page asked anew has no previous data of its own to keep (its key is new).
 */
export function usePromiseByOrder(pages: readonly (readonly { id: number }[])[]): Map<number, Estimate> {
  const qc = useQueryClient();
  const inputs = useMemo(() => pages.map((rows) => ({ orderIds: rows.map((r) => r.id) })), [pages]);
  // query-error: an estimate column of the order list; without it the column shows "—" and the list works
  const results = useApiQueries('planning.estimates', inputs, { staleTime: 30_000 });
  const map = new Map<number, Estimate>();
  let earlier: Map<number, Estimate> | null = null;
  results.forEach((r, i) => {
    if (r.data) {
      for (const e of r.data.estimates) map.set(e.orderId, e);
      return;
    }
    earlier ??= estimatesKnown(qc);
    for (const id of inputs[i]!.orderIds) {
      const e = earlier.get(id);
      if (e) map.set(id, e);
    }
  });
  return map;
}

/** Every estimate the query cache holds (answers to earlier pages), by order. */
function estimatesKnown(qc: QueryClient): Map<number, Estimate> {
  const known = new Map<number, Estimate>();
  for (const [, data] of qc.getQueriesData<Out<'planning.estimates'>>({ queryKey: ['planning.estimates'] })) {
    for (const e of data?.estimates ?? []) known.set(e.orderId, e);
  }
  return known;
}

/** The order list's "estimated delivery" column; red when after the requested date. */
export function promiseColumn<R extends { id: number }>(promises: Map<number, { deliveryOn: string | null; late: boolean }>, date: (iso: string) => string, header: string): Column<R> {
  return {
    key: 'promise',
    header,
    width: 120,
    render: (r) => {
      const p = promises.get(r.id);
      if (!p) return <Text c="dimmed" size="sm">—</Text>;
      return (
        <Text size="sm" className="num" c={p.late ? 'red.7' : undefined} fw={p.late ? 600 : undefined} data-testid={`order-promise-${r.id}`}>
          {p.deliveryOn ? date(p.deliveryOn) : '?'}
        </Text>
      );
    },
  };
}

/** On a planned production order: its materials short, on the planning screen (only when there are some). */
export function ProductionShortagesLink({ id, number }: { id: number; number: string }) {
  const { t } = useI18n();
  const q = useApiQuery('planning.shortages', { productionOrderId: id });
  if (!q.data || q.data.rows.length === 0) return <QueryError query={q} compact />;
  return (
    <Link to={`/planning?production=${id}&number=${encodeURIComponent(number)}`} size="sm" data-testid="po-shortages-link">
      {t('planning.shortages.summary', { count: q.data.rows.length })}
    </Link>
  );
}
