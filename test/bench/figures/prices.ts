/** Price decision figures (issue 14): one quote, and a 50-line batch, for customers on lists. */
import { defineFigure, type BenchEnv } from '../harness';

function ok(env: BenchEnv, name: string, input: unknown): unknown {
  const res = env.app.invoke(name, input);
  if (!res.ok) throw new Error(`${name}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

interface Case {
  customerId: number;
  items: number[];
}

/**
 * Customers with a group (a third at large scale, some with their own list too), each with
 * items of their lists; quantities around the breaks so every step of the decision runs.
 */
function cases(env: BenchEnv): Case[] {
  const db = env.app.ctx.sqlite;
  const customers = db.prepare('SELECT customer_id AS id, group_id AS groupId FROM customer_terms WHERE group_id IS NOT NULL').all() as { id: number; groupId: number }[];
  if (customers.length === 0) throw new Error('no customer in a group: the dataset predates prices (generator < 7)');
  const items = db.prepare('SELECT DISTINCT p.item_id FROM group_price_lists g JOIN price_list_prices p ON p.list_id = g.list_id WHERE g.group_id = ?').pluck();
  const all = db.prepare("SELECT id FROM items WHERE kind = 'product' AND archived = 0").pluck().all() as number[];
  env.log(`${customers.length} customers in groups`);
  return customers.map((c) => {
    const mine = items.all(c.groupId) as number[];
    // mostly items of the list, some priced at the base
    return { customerId: c.id, items: [...mine, ...all.slice(0, Math.ceil(mine.length / 10))] };
  });
}

const QTYS = ['1', '12', '24', '30', '48', '100', '250'];

export const figures = [
  defineFigure({
    name: 'prices.quote',
    what: 'price decision for one line (customer list > group list > base, breaks, discount chain), registry',
    n: 2000,
    warmup: 200,
    goal: { median_ms: 1 },
    setup: cases,
    run: (env, cs, i) => {
      const c = cs[i % cs.length]!;
      ok(env, 'prices.quote', { customerId: c.customerId, itemId: c.items[(i * 7919) % c.items.length]!, quantity: QTYS[i % QTYS.length]!, date: '2026-01-15' });
    },
  }),
  defineFigure({
    name: 'prices.quote_batch_50',
    what: 'prices.quoteBatch of 50 lines for one customer, registry',
    n: 300,
    warmup: 30,
    goal: { median_ms: 10 },
    setup: cases,
    run: (env, cs, i) => {
      const c = cs[i % cs.length]!;
      const lines = Array.from({ length: 50 }, (_, k) => ({ itemId: c.items[(i * 31 + k * 7) % c.items.length]!, quantity: QTYS[k % QTYS.length]! }));
      ok(env, 'prices.quoteBatch', { customerId: c.customerId, date: '2026-01-15', lines });
    },
  }),
];
