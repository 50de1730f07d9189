/**
 * Every screen refreshes what other devices changed: every few seconds the window asks
 * `system.changes` what happened since the counter it last saw, and invalidates the
 * queries that show those documents (TanStack refetches the ones on screen; the others
 * load fresh when next shown). Polling rather than server-sent events: it goes through
 * every door the same way (Electron IPC, the local browser door, the LAN door with its
 * session) with no new door code, and when nothing changed it costs one read of the
 * activity log's largest id.
 */
import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from './client';

export const CHANGE_POLL_MS = 3000;

/** Screens that show every kind of document (the dashboard, the plan, reports, search, the log): refreshed on any change. */
const ALWAYS = ['reports.', 'planning.', 'search.', 'audit.', 'notifications.'];

/** A changed document's kind (as the activity log names it) → the query families that show it. */
const SHOWN_BY: Record<string, string[]> = {
  orders: ['orders.', 'shipping.', 'production.', 'inventory.', 'invoicing.', 'trace.'],
  shipments: ['shipping.', 'orders.', 'inventory.', 'invoicing.', 'trace.', 'labels.'],
  production: ['production.', 'orders.', 'inventory.', 'trace.', 'labels.'],
  lots: ['inventory.', 'production.', 'orders.', 'shipping.', 'trace.', 'labels.'],
  'stock-documents': ['inventory.'],
  movements: ['inventory.', 'trace.'],
  reservations: ['inventory.', 'orders.', 'production.', 'shipping.'],
  locations: ['inventory.'],
  items: ['catalog.', 'inventory.', 'prices.', 'orders.', 'production.', 'labels.'],
  recipes: ['catalog.', 'production.'],
  customers: ['parties.', 'orders.', 'prices.', 'invoicing.', 'shipping.'],
  suppliers: ['parties.', 'purchasing.'],
  'purchase-orders': ['purchasing.', 'inventory.'],
  'supplier-terms': ['purchasing.'],
  invoices: ['invoicing.', 'orders.'],
  returns: ['shipping.', 'inventory.'],
};

function invalidate(qc: QueryClient, changed: { docs: string[]; everything: boolean }): void {
  const families = new Set(ALWAYS);
  for (const doc of changed.docs) {
    const shown = SHOWN_BY[doc.slice(0, doc.indexOf('/'))];
    // a kind this map does not know (settings, price lists…): everything, rather than a stale screen
    if (!shown) return void qc.invalidateQueries();
    for (const f of shown) families.add(f);
  }
  if (changed.everything) return void qc.invalidateQueries();
  const list = [...families];
  void qc.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && list.some((f) => (q.queryKey[0] as string).startsWith(f)) });
}

/** Mounted once, at the top of the window. */
export function useChangeFeed(): void {
  const qc = useQueryClient();
  useEffect(() => {
    let since: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      try {
        const r = await call('system.changes', since === undefined ? {} : { since });
        if (since !== undefined && r.counter !== since) invalidate(qc, r);
        since = r.counter;
      } catch {
        // the app closing, the network gone a moment: ask again next time
      }
      if (!stopped) timer = setTimeout(() => void tick(), CHANGE_POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [qc]);
}
