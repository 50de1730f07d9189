/**
 * Traceability figures (BENCH.md): backward and forward trace of random lots (p95
 * counts: the slow ones are what a person on the phone waits for), and the recall report
 * PDF of a material lot used in 500 batches (BENCH.md's case, made in setup) and of the
 * dataset's own widest lot.
 */
import { defineFigure, type BenchEnv } from '../harness';
import { call } from './support';
import { backwardSqlFigure, forwardSqlFigure, warmedLots } from './traceSql';

/** The material lot of the dataset that went into the most batches, directly and through intermediates. */
function widestDatasetLot(env: BenchEnv): number {
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
}

const RECALL_BATCHES = 500;

/** A DDT needs the sender's name, VAT number and address: the fields the dataset left empty get a workshop's. */
function fillCompany(env: BenchEnv): void {
  const have = call(env, 'settings.get', {}).company;
  const workshop = { name: 'Saponificio Bench', vatNumber: 'IT01234567890', street: 'Via del Bucato 1', postcode: '50100', city: 'Firenze', province: 'FI' };
  const missing = Object.fromEntries(Object.entries(workshop).filter(([k]) => !have[k as keyof typeof workshop]));
  if (Object.keys(missing).length > 0) call(env, 'settings.update', { company: missing });
}

/**
 * The dataset has no material lot used directly in 500 batches (its busiest: about 300),
 * so one is made here, on the bench's copy, the way a workshop makes it: one big lot of
 * oil received and released, then 500 shop orders of a soap made from it, each fulfilled
 * (a batch planned), released (the oil reserved from that lot), completed; every fourth
 * order is shipped with a DDT, so the report also lists customers and shipments.
 */
export function materialLotInManyBatches(env: BenchEnv): number {
  const db = env.app.ctx.sqlite;
  const oil = call(env, 'catalog.createItem', { sku: 'BENCH-RC-OLIO', name: 'Olio extravergine (bench richiamo)', kind: 'material', unit: 'kg', unitCost: '4,2' }).id;
  const soap = call(env, 'catalog.createItem', { sku: 'BENCH-RC-SAP', name: "Sapone all'olio (bench richiamo)", kind: 'product', unit: 'pcs', shelfLifeDays: 365, salePrice: '6,50' }).id;
  call(env, 'catalog.saveRecipe', { itemId: soap, yield: '10', components: [{ itemId: oil, quantity: '2 kg' }] });
  const supplierId = db.prepare('SELECT id FROM suppliers ORDER BY id LIMIT 1').pluck().get() as number;
  const received = call(env, 'inventory.receive', {
    supplierId,
    supplierDdtNumber: 'BENCH-RC 1',
    lines: [{ itemId: oil, quantity: String(2 * RECALL_BATCHES + 100), supplierLotCode: 'RC-OLIO-2026', unitCost: '4,2' }],
  });
  const lot = received.lots[0]!;
  if (lot.status === 'quarantine') call(env, 'inventory.releaseLot', { lotId: lot.id });
  fillCompany(env);
  const customers = db.prepare('SELECT id FROM customers ORDER BY id LIMIT 40').pluck().all() as number[];
  const t0 = performance.now();
  for (let i = 0; i < RECALL_BATCHES; i++) {
    const order = call(env, 'orders.create', { customerId: customers[i % customers.length]!, channel: 'shopify', lines: [{ itemId: soap, quantity: '10' }], confirm: true });
    for (const id of call(env, 'orders.fulfil', { orderIds: [order.id] }).productionOrderIds) {
      call(env, 'production.release', { id });
      call(env, 'production.complete', { id });
    }
    if (i % 4 === 0) {
      const proposal = call(env, 'shipping.proposal', { orderIds: [order.id] });
      const lines = proposal.lines.flatMap((l) => l.lots.map((x) => ({ orderLineId: l.orderLineId, lotId: x.lotId, quantity: String(x.qtyMilli / 1000) })));
      call(env, 'shipping.confirm', { id: call(env, 'shipping.create', { lines, packages: [{ count: 1, appearance: 'scatola' }], grossWeight: '5,5' }).id });
    }
  }
  const direct = db.prepare('SELECT count(DISTINCT production_order_id) FROM lot_genealogy WHERE input_lot_id = ?').pluck().get(lot.id) as number;
  const shipped = call(env, 'trace.lot', { lotId: lot.id, direction: 'forward' });
  env.log(`lot ${lot.id} (${lot.code}): ${direct} batches directly, ${shipped.lots.length} affected lots, ${shipped.shipments.length} shipment lines; made in ${Math.round((performance.now() - t0) / 1000)} s`);
  if (direct < RECALL_BATCHES) throw new Error(`the bench lot went into ${direct} batches, not ${RECALL_BATCHES}`);
  return lot.id;
}

/**
 * The recall report's PDF, timed to its last byte and its base64 (the answer a caller gets).
 * A failed render fails the figure: when it only logged the failure, the dataset's widest lot
 * timed a stack overflow (a customer row taller than a page) and looked like a figure.
 */
async function recallPdf(env: BenchEnv, lotId: number): Promise<void> {
  const res = await env.app.invokeAsync('trace.recallReportPdf', { lotId, language: 'it' });
  if (!res.ok) throw new Error(`trace.recallReportPdf: ${res.error.code} ${res.error.message}`);
}

export const figures = [
  defineFigure({
    name: 'trace.backward',
    what: 'backward trace of a random lot: every input lot down to raw materials, with suppliers and receipts (its lots read once in setup, as warm as trace.backward_sql finds them)',
    n: 1000,
    warmup: 50,
    goal: { p95_ms: 20 },
    setup: (env) => warmedLots(env, 'trace.backward', 'backward'),
    run: (env, lots, i) => {
      call(env, 'trace.lot', { lotId: lots[i % lots.length]!, direction: 'backward' });
    },
  }),
  defineFigure(backwardSqlFigure),
  defineFigure({
    name: 'trace.forward',
    what: 'forward trace of a random lot: every lot containing it, shipments, stock on hand, open reservations (its lots read once in setup, as warm as trace.forward_sql finds them)',
    n: 1000,
    warmup: 50,
    goal: { p95_ms: 20 },
    setup: (env) => warmedLots(env, 'trace.forward', 'forward'),
    run: (env, lots, i) => {
      call(env, 'trace.lot', { lotId: lots[i % lots.length]!, direction: 'forward' });
    },
  }),
  defineFigure(forwardSqlFigure),
  defineFigure({
    name: 'trace.recall_pdf',
    what: `recall report PDF of a material lot used directly in ${RECALL_BATCHES} batches (made in setup through orders, production and shipping)`,
    n: 10,
    warmup: 2,
    goal: { median_ms: 1000 },
    setup: (env) => materialLotInManyBatches(env),
    run: (env, lotId) => recallPdf(env, lotId),
  }),
  defineFigure({
    name: 'trace.recall_pdf_dataset',
    what: 'recall report PDF of the dataset material lot that reaches the most batches (directly and through intermediates)',
    n: 5,
    warmup: 1,
    goal: { median_ms: 1000 },
    setup: (env) => widestDatasetLot(env),
    run: (env, lotId) => recallPdf(env, lotId),
  }),
];
