/**
 * Activity log figure (BENCH.md): one document's history. The large dataset was made
 * before the log existed, so setup gives it one of realistic size first (two entries per
 * order and one per lot, bulk-written as the registry writes them: ~1.4 M entries), then
 * gives 100 orders a real history through the commands (create and confirm, fulfil,
 * release and complete their production orders): the orders, their production orders,
 * the lots made and the material lots consumed by every batch. The timed runs read those.
 */
import { defineFigure, type BenchEnv } from '../harness';
import { customerId, makeToOrder, plenty, twoLevelProduct } from './orders';
import { call, stockUp } from './support';

/** The log the dataset would have had: the registry's two tables, written in bulk. */
function backgroundLog(env: BenchEnv): number {
  const db = env.app.ctx.sqlite;
  const before = db.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number;
  db.transaction(() => {
    for (const op of ['orders.create', 'orders.confirm']) {
      db.prepare(
        `INSERT INTO audit_log (at, door, actor_kind, actor, operation, input)
         SELECT ordered_on || 'T09:00:00.000Z', 'app', 'os_user', 'bench', ?, json_object('id', id) FROM customer_orders ORDER BY id`,
      ).run(op);
    }
    db.prepare(
      `INSERT INTO audit_log (at, door, actor_kind, actor, operation, input)
       SELECT origin_date || 'T09:00:00.000Z', 'app', 'os_user', 'bench', 'inventory.releaseLot', json_object('lotId', id) FROM lots ORDER BY id`,
    ).run();
    db.prepare(
      `INSERT INTO audit_docs (doc, audit_id)
       SELECT CASE operation WHEN 'inventory.releaseLot' THEN 'lots/' || json_extract(input, '$.lotId') ELSE 'orders/' || json_extract(input, '$.id') END, id
       FROM audit_log WHERE id > ?`,
    ).run(before);
  })();
  return (db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number) - before;
}

export const figures = [
  defineFigure({
    name: 'audit.document',
    what: "one document's history (orders, production orders, lots with a real history made in setup)",
    n: 1000,
    warmup: 100,
    goal: { median_ms: 10 },
    setup: (env) => {
      const t0 = performance.now();
      const bulk = backgroundLog(env);
      env.log(`background log: ${bulk} entries in ${Math.round(performance.now() - t0)} ms`);
      const p = twoLevelProduct(env);
      stockUp(env, p.leaves, plenty);
      const s = { ...p, customerId: customerId(env) };
      const docs: string[] = [];
      for (let i = 0; i < 100; i++) {
        const order = makeToOrder(env, s);
        docs.push(`orders/${order.id}`);
        const got = call(env, 'orders.get', { id: order.id });
        for (const l of got.lines) for (const pr of l.production) docs.push(`production/${pr.id}`);
      }
      // the material lots every batch consumed: the longest histories
      const heavy = env.app.ctx.sqlite
        .prepare("SELECT doc FROM audit_docs WHERE doc LIKE 'lots/%' GROUP BY doc ORDER BY count(*) DESC LIMIT 10")
        .pluck()
        .all() as string[];
      docs.push(...heavy);
      const longest = call(env, 'audit.document', { doc: heavy[0]! }).rows.length;
      env.log(`${docs.length} documents with a real history; the longest (${heavy[0]}) has ${longest} entries`);
      return { docs };
    },
    run: (env, s, i) => {
      const h = call(env, 'audit.document', { doc: s.docs[i % s.docs.length]! });
      if (h.rows.length === 0) throw new Error(`${h.doc} has no history`);
    },
  }),
];
