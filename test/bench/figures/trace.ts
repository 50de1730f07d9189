/**
 * Traceability figures (BENCH.md): backward and forward trace of random lots (p95
 * counts: the slow ones are what a person on the phone waits for), and the recall report
 * PDF of the material lot that went into the most batches.
 */
import { defineFigure, type BenchEnv } from '../harness';
import { call } from './support';

/** Random lots among all of them: received, produced, used up or still on hand. */
function randomLots(env: BenchEnv, n: number): number[] {
  const db = env.app.ctx.sqlite;
  const max = db.prepare('SELECT max(id) FROM lots').pluck().get() as number;
  const exists = db.prepare('SELECT 1 FROM lots WHERE id = ?').pluck();
  const out: number[] = [];
  while (out.length < n) {
    const id = env.rng.int(1, max);
    if (exists.get(id)) out.push(id);
  }
  return out;
}

export const figures = [
  defineFigure({
    name: 'trace.backward',
    what: 'backward trace of a random lot: every input lot down to raw materials, with suppliers and receipts',
    n: 1000,
    warmup: 50,
    goal: { p95_ms: 20 },
    setup: (env) => randomLots(env, 1050),
    run: (env, lots, i) => {
      call(env, 'trace.lot', { lotId: lots[i % lots.length]!, direction: 'backward' });
    },
  }),
  defineFigure({
    name: 'trace.forward',
    what: 'forward trace of a random lot: every lot containing it, shipments, stock on hand, open reservations',
    n: 1000,
    warmup: 50,
    goal: { p95_ms: 20 },
    setup: (env) => randomLots(env, 1050),
    run: (env, lots, i) => {
      call(env, 'trace.lot', { lotId: lots[i % lots.length]!, direction: 'forward' });
    },
  }),
  defineFigure({
    name: 'trace.recall_pdf',
    what: 'recall report PDF of the material lot used in the most batches (directly and through intermediates)',
    n: 10,
    warmup: 2,
    goal: { median_ms: 1000 },
    setup: (env) => {
      const db = env.app.ctx.sqlite;
      const top = db
        .prepare(
          `SELECT g.input_lot_id AS lotId, count(DISTINCT g.production_order_id) AS direct FROM lot_genealogy g JOIN lots l ON l.id = g.input_lot_id JOIN items i ON i.id = l.item_id
           WHERE i.kind = 'material' GROUP BY g.input_lot_id ORDER BY direct DESC LIMIT 20`,
        )
        .all() as { lotId: number; direct: number }[];
      // batches through intermediates count too: the forward trace's production orders
      let best = { lotId: top[0]!.lotId, direct: top[0]!.direct, batches: 0, lots: 0 };
      for (const t of top) {
        const tr = call(env, 'trace.lot', { lotId: t.lotId, direction: 'forward' });
        const batches = new Set(tr.forwardEdges.map((e) => e.productionOrderId)).size;
        if (batches > best.batches) best = { ...t, batches, lots: tr.lots.length };
      }
      env.log(`lot ${best.lotId}: ${best.direct} batches directly, ${best.batches} in all, ${best.lots} affected lots`);
      return best.lotId;
    },
    // the harness times synchronous work: the trace, the data and every page are drawn
    // inside this call; only pdfkit's hand-over of the finished buffer comes after it
    run: (env, lotId) => {
      void env.app.invokeAsync('trace.recallReportPdf', { lotId, language: 'it' }).then((res) => {
        if (!res.ok) env.log(`recall_pdf failed: ${res.error.message}`);
      });
    },
  }),
];
