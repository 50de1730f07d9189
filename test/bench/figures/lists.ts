/**
 * The list screens as they open (issue 18, reads): the first page each asks, with its total,
 * as the screen asks it (its default filters, pages of 200), and a search typed in the
 * shipment and order lists. Before these figures the shipment list took 2.2 s to open on
 * the large dataset (its count joined 509,000 shipments to their customers and DDTs) and
 * 5 s for each search; the production board 42 ms (a JSON list of statuses kept SQLite
 * off the status index).
 */
import type { BenchEnv } from '../harness';
import { defineFigure } from '../harness';
import { call } from './support';

const PAGE = 200;

/** A piece of a customer's name that many customers share (a search a person types), e.g. "Ross". */
function nameFragment(env: BenchEnv): string {
  const name = env.app.ctx.sqlite.prepare('SELECT c.name FROM shipments s JOIN customers c ON c.id = s.customer_id ORDER BY s.id DESC LIMIT 1').pluck().get() as string;
  return name.slice(0, 5);
}

export const figures = [
  defineFigure({
    name: 'lists.shipments_page',
    what: 'the shipment list as it opens: newest 200 shipments and the total',
    n: 100,
    warmup: 10,
    goal: { median_ms: 20 },
    run: (env) => {
      call(env, 'shipping.list', { q: '', limit: PAGE, offset: 0 });
    },
  }),
  defineFigure({
    name: 'lists.shipments_search',
    what: "the shipment list searched by a piece of a customer's name, a DDT number's beginning, an order number's end (taking turns)",
    n: 30,
    warmup: 3,
    goal: { median_ms: 300 },
    setup: (env) => {
      const db = env.app.ctx.sqlite;
      const ddt = db.prepare("SELECT number FROM ddts WHERE kind = 'shipment' ORDER BY id DESC LIMIT 1").pluck().get() as string;
      const order = db.prepare('SELECT number FROM customer_orders ORDER BY id DESC LIMIT 1').pluck().get() as string;
      return { searches: [nameFragment(env), ddt.slice(0, 3), order.slice(-4)] };
    },
    run: (env, s, i) => {
      call(env, 'shipping.list', { q: s.searches[i % s.searches.length]!, limit: PAGE, offset: 0 });
    },
  }),
  defineFigure({
    name: 'lists.production_board',
    what: 'the production board as it opens: open production (planned, released, in progress) by date, 200 and the total',
    n: 100,
    warmup: 10,
    goal: { median_ms: 20 },
    run: (env) => {
      call(env, 'production.list', { q: '', statuses: ['planned', 'released', 'in_progress'], limit: PAGE, offset: 0 });
    },
  }),
  defineFigure({
    name: 'lists.purchases_page',
    what: 'the purchase order list as it opens: 200 and the total',
    n: 100,
    warmup: 10,
    goal: { median_ms: 20 },
    run: (env) => {
      call(env, 'purchasing.list', { limit: PAGE, offset: 0 });
    },
  }),
  defineFigure({
    name: 'lists.invoices_page',
    what: 'the invoice list as it opens: 200 and the total',
    n: 100,
    warmup: 10,
    goal: { median_ms: 20 },
    run: (env) => {
      call(env, 'invoicing.list', { limit: PAGE, offset: 0 });
    },
  }),
  defineFigure({
    name: 'lists.orders_search',
    what: "the order list searched by a piece of a customer's name (every order, 200 and the total)",
    n: 30,
    warmup: 3,
    goal: { median_ms: 300 },
    setup: (env) => ({ q: nameFragment(env) }),
    run: (env, s) => {
      call(env, 'orders.list', { q: s.q, limit: PAGE, offset: 0 });
    },
  }),
];
