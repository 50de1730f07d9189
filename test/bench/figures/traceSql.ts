/**
 * The trace as one raw recursive SQL statement (issue 18, "app overhead on reads"): the
 * same answer as trace.lot — the lots reached with their nearest depth and facts, the
 * genealogy edges between them, the recalls of the lot and, forward, the open
 * reservations and confirmed shipments of the affected lots — built as one JSON document
 * by SQLite. The figures time it on the same lots as trace.backward / trace.forward, so
 * the table shows what the app adds on top (goal: the app ≤ 2× this).
 */
import { Rng } from '../../../src-main/demo/rng';
import type { BenchEnv, BenchFigure } from '../harness';
import { call } from './support';

// its two figures are listed in trace.ts, beside the app's (run.ts loads every file here)
export const figures: BenchFigure[] = [];

/** Random lots among all of them, as trace.backward / trace.forward draw them (same generator, same seed). */
export function randomLots(env: BenchEnv, n: number, figureName: string): number[] {
  const rng = Rng.forStep(env.seed, `bench:${figureName}`);
  const db = env.app.ctx.sqlite;
  const max = db.prepare('SELECT max(id) FROM lots').pluck().get() as number;
  const exists = db.prepare('SELECT 1 FROM lots WHERE id = ?').pluck();
  const out: number[] = [];
  while (out.length < n) {
    const id = rng.int(1, max);
    if (exists.get(id)) out.push(id);
  }
  return out;
}

const LOT_JSON = `json_object('id', l.id, 'code', l.code, 'status', l.status, 'origin', l.origin, 'originDate', l.origin_date, 'expiresOn', l.expires_on,
    'onHandMilli', l.on_hand_milli, 'reservedMilli', l.reserved_milli, 'supplierLotCode', l.supplier_lot_code, 'depth', r.depth,
    'item', json_object('id', i.id, 'sku', i.sku, 'name', i.name, 'kind', i.kind, 'unit', i.unit),
    'supplier', CASE WHEN s.id IS NULL THEN NULL ELSE json_object('id', s.id, 'name', s.name) END,
    'receipt', CASE WHEN d.id IS NULL THEN NULL ELSE json_object('documentId', d.id, 'date', d.date, 'supplierDdtNumber', d.supplier_ddt_number, 'supplierDdtDate', d.supplier_ddt_date) END,
    'production', CASE WHEN p.id IS NULL THEN NULL ELSE json_object('id', p.id, 'number', p.number, 'recipeId', p.recipe_id, 'recipeVersion', coalesce(rc.version, 0), 'producedOn', p.produced_on) END)`;

/** One statement: the walk (with depths), then every part of the answer as one JSON document. */
export function traceSql(direction: 'backward' | 'forward'): string {
  const [from, to] = direction === 'backward' ? ['output_lot_id', 'input_lot_id'] : ['input_lot_id', 'output_lot_id'];
  const forwardParts =
    direction === 'backward'
      ? `'reservations', json('[]'), 'shipments', json('[]')`
      : `'reservations', (SELECT json_group_array(json_object('reservationId', x.id, 'lotId', x.lot_id, 'qtyMilli', x.qty_milli, 'docType', x.doc_type, 'docId', x.doc_id,
            'docLineId', x.doc_line_id, 'order', CASE WHEN o.id IS NULL THEN NULL ELSE json_object('id', o.id, 'number', o.number, 'customerId', c.id, 'customerName', c.name) END,
            'productionOrder', CASE WHEN po.id IS NULL THEN NULL ELSE json_object('id', po.id, 'number', po.number, 'status', po.status) END))
          FROM lots_reached r CROSS JOIN reservations x ON x.lot_id = r.lot_id AND x.qty_milli > 0
          LEFT JOIN customer_orders o ON x.doc_type = 'customer_order' AND o.id = x.doc_id LEFT JOIN customers c ON c.id = o.customer_id
          LEFT JOIN production_orders po ON x.doc_type = 'production_order' AND po.id = x.doc_id),
        'shipments', (SELECT json_group_array(json_object('lotId', sl.lot_id, 'shipmentId', sh.id, 'shipmentLineId', sl.id, 'ddtNumber', dd.number, 'ddtDate', dd.date,
            'customer', json_object('id', c.id, 'name', c.name, 'email', c.email, 'phone', c.phone), 'order', json_object('id', o.id, 'number', o.number),
            'shippedMilli', sl.qty_milli, 'returnedMilli', coalesce((SELECT sum(rl.qty_milli) FROM shipment_return_lines rl WHERE rl.shipment_line_id = sl.id), 0)))
          FROM lots_reached r CROSS JOIN shipment_lines sl ON sl.lot_id = r.lot_id JOIN shipments sh ON sh.id = sl.shipment_id AND sh.state = 'confirmed'
          JOIN ddts dd ON dd.id = sh.ddt_id JOIN customers c ON c.id = sh.customer_id JOIN customer_orders o ON o.id = sl.order_id)`;
  return `WITH RECURSIVE walk(lot_id, depth) AS (
      SELECT @lotId, 0
      UNION SELECT g.${to}, w.depth + 1 FROM lot_genealogy g JOIN walk w ON g.${from} = w.lot_id
    ),
    lots_reached AS (SELECT lot_id, min(depth) AS depth FROM walk GROUP BY lot_id)
    SELECT json_object(
      'lotId', @lotId, 'direction', '${direction}',
      'lots', (SELECT json_group_array(${LOT_JSON}) FROM lots_reached r JOIN lots l ON l.id = r.lot_id JOIN items i ON i.id = l.item_id
          LEFT JOIN suppliers s ON s.id = l.supplier_id
          LEFT JOIN stock_documents d ON l.doc_type = 'stock_document' AND d.id = l.doc_id AND d.kind = 'receipt'
          LEFT JOIN production_orders p ON l.doc_type = 'production_order' AND p.id = l.doc_id LEFT JOIN recipes rc ON rc.id = p.recipe_id),
      'edges', (SELECT json_group_array(json_object('inputLotId', g.input_lot_id, 'outputLotId', g.output_lot_id, 'productionOrderId', g.production_order_id,
            'productionNumber', p.number, 'qtyMilli', g.qty_milli))
          FROM lots_reached r JOIN lot_genealogy g ON g.${from} = r.lot_id JOIN production_orders p ON p.id = g.production_order_id),
      ${forwardParts},
      'recalls', (SELECT json_group_array(json_object('id', rr.id, 'lotId', rr.lot_id, 'lotCode', l.code, 'reason', rr.reason, 'date', rr.date))
          FROM recalls rr JOIN lots l ON l.id = rr.lot_id WHERE rr.lot_id = @lotId)
    ) AS trace`;
}

/**
 * Reads every lot's trace once with the raw statement, so the app's figure finds the pages
 * as warm as the raw figure (which runs after it, on the same lots) finds them: timed cold,
 * the app's figure paid the file's first reads and the ratio compared cache states, not code.
 */
export function warmedLots(env: BenchEnv, figureName: string, direction: 'backward' | 'forward'): number[] {
  const lots = randomLots(env, 1050, figureName);
  const stmt = env.app.ctx.sqlite.prepare(traceSql(direction)).pluck();
  for (const lotId of lots) stmt.get({ lotId });
  return lots;
}

/** How many lots, edges… the raw statement and the app find for a lot: the same, or the figure is not comparing like with like. */
function sameShape(env: BenchEnv, lotId: number, direction: 'backward' | 'forward', raw: string): void {
  const sqlSide = JSON.parse(raw) as Record<string, unknown[]>;
  const app = call(env, 'trace.lot', { lotId, direction }) as unknown as Record<string, unknown[]>;
  for (const part of ['lots', 'backwardEdges', 'forwardEdges', 'reservations', 'shipments', 'recalls']) {
    const rawPart = part.endsWith('Edges') ? (part.startsWith(direction) ? 'edges' : null) : part;
    const n = rawPart ? sqlSide[rawPart]!.length : 0;
    if (n !== app[part]!.length) throw new Error(`lot ${lotId} ${direction}: ${part} ${app[part]!.length} in the app, ${n} in the raw statement`);
  }
}

/** Times the app and the raw statement on the same few lots, alternating, and logs the ratio (the table shows both figures too). */
function logRatio(env: BenchEnv, lots: number[], direction: 'backward' | 'forward', stmt: { get(p: object): unknown }): void {
  let app = 0;
  let raw = 0;
  // each lot's pages come into the cache with whichever runs first: alternate which one that is
  lots.slice(0, 200).forEach((lotId, i) => {
    const timeApp = () => {
      const t = performance.now();
      call(env, 'trace.lot', { lotId, direction });
      app += performance.now() - t;
    };
    const timeRaw = () => {
      const t = performance.now();
      stmt.get({ lotId });
      raw += performance.now() - t;
    };
    if (i % 2 === 0) {
      timeApp();
      timeRaw();
    } else {
      timeRaw();
      timeApp();
    }
  });
  env.log(`${direction}: app ${(app / 200).toFixed(3)} ms, raw statement ${(raw / 200).toFixed(3)} ms per trace: app/SQL ${(app / raw).toFixed(2)}× (goal ≤ 2×)`);
}

function sqlFigure(direction: 'backward' | 'forward') {
  return {
    name: `trace.${direction}_sql`,
    what: `the ${direction} trace as one raw recursive SQL statement (JSON built by SQLite) on trace.${direction}'s lots: the floor the app's trace is compared with (goal: app ≤ 2×)`,
    n: 1000,
    warmup: 50,
    setup: (env: BenchEnv) => {
      const lots = randomLots(env, 1050, `trace.${direction}`);
      const stmt = env.app.ctx.sqlite.prepare(traceSql(direction)).pluck();
      for (const lotId of lots.slice(0, 20)) sameShape(env, lotId, direction, stmt.get({ lotId }) as string);
      logRatio(env, lots, direction, stmt);
      return { lots, stmt };
    },
    run: (_env: BenchEnv, s: { lots: number[]; stmt: { get(p: object): unknown } }, i: number) => {
      s.stmt.get({ lotId: s.lots[i % s.lots.length]! });
    },
  };
}

export const backwardSqlFigure = sqlFigure('backward');
export const forwardSqlFigure = sqlFigure('forward');
