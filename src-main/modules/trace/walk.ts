/**
 * The genealogy read from SQLite: one recursive CTE per direction collects the lots a
 * trace reaches (UNION, so a lot reached by two paths is walked once), then the edges
 * between them come out by the genealogy's own indexes (input, output). Each edge is a
 * genealogy row, so its quantity is the one the completion recorded: nothing is summed
 * twice, however many ways lead to a lot.
 */
import type { TraceEdge, TraceLot, TraceResult } from '../../../src-shared/contract/trace';
import type { WalkDirection } from '../../../src-shared/domain/traceGraph';
import type { ReadCtx, ReadSqlite, ReadStatement } from '../../api/context';
import { preparedOnce } from '../../db/statementCache';
import { STOCK_DOCUMENT } from '../inventory/documents';
import { PRODUCTION_ORDER } from '../production/productionRows';

const EDGE_COLUMNS = `g.input_lot_id AS inputLotId, g.output_lot_id AS outputLotId, g.production_order_id AS productionOrderId,
  p.number AS productionNumber, g.qty_milli AS qtyMilli`;

export const BACKWARD_EDGES_SQL = `WITH RECURSIVE reached(lot_id) AS (
    SELECT @lotId
    UNION SELECT g.input_lot_id FROM lot_genealogy g JOIN reached r ON g.output_lot_id = r.lot_id
  )
  SELECT ${EDGE_COLUMNS} FROM reached r JOIN lot_genealogy g ON g.output_lot_id = r.lot_id
  JOIN production_orders p ON p.id = g.production_order_id ORDER BY g.id`;

export const FORWARD_EDGES_SQL = `WITH RECURSIVE reached(lot_id) AS (
    SELECT @lotId
    UNION SELECT g.output_lot_id FROM lot_genealogy g JOIN reached r ON g.input_lot_id = r.lot_id
  )
  SELECT ${EDGE_COLUMNS} FROM reached r JOIN lot_genealogy g ON g.input_lot_id = r.lot_id
  JOIN production_orders p ON p.id = g.production_order_id ORDER BY g.id`;

export function genealogyEdges(ctx: ReadCtx, lotId: number, direction: WalkDirection): TraceEdge[] {
  return preparedOnce(ctx.sqlite, direction === 'backward' ? BACKWARD_EDGES_SQL : FORWARD_EDGES_SQL).all({ lotId }) as TraceEdge[];
}

const LOT_FACT_COLUMNS = `l.id, l.code, l.status, l.origin, l.origin_date AS originDate, l.expires_on AS expiresOn,
    l.on_hand_milli AS onHandMilli, l.reserved_milli AS reservedMilli, l.supplier_lot_code AS supplierLotCode,
    i.id AS itemId, i.sku, i.name AS itemName, i.kind, i.unit, s.id AS supplierId, s.name AS supplierName,
    d.id AS receiptId, d.date AS receiptDate, d.supplier_ddt_number AS ddtNumber, d.supplier_ddt_date AS ddtDate,
    p.id AS productionId, p.number AS productionNumber, p.recipe_id AS recipeId, rc.version AS recipeVersion, p.produced_on AS producedOn`;

const LOT_FACT_JOINS = `JOIN items i ON i.id = l.item_id
  LEFT JOIN suppliers s ON s.id = l.supplier_id
  LEFT JOIN stock_documents d ON l.doc_type = '${STOCK_DOCUMENT}' AND d.id = l.doc_id AND d.kind = 'receipt'
  LEFT JOIN production_orders p ON l.doc_type = '${PRODUCTION_ORDER}' AND p.id = l.doc_id
  LEFT JOIN recipes rc ON rc.id = p.recipe_id`;

export const LOT_FACTS_SQL = `SELECT ${LOT_FACT_COLUMNS}
  FROM json_each(@ids) j
  JOIN lots l ON l.id = j.value
  ${LOT_FACT_JOINS}`;

/**
 * One direction's whole walk in one statement: the lots reached with their facts and
 * nearest depth (the walk carries the depth; UNION keeps each lot-depth pair once, min()
 * picks the nearest), the genealogy edges between them (their row id in `ord`) and the recalls
 * made from the lot, as rows of one width (an edge or a recall fills the first columns;
 * `part` tells them apart). One walk instead of
 * a second one for the edges, and rows as arrays instead of an object per row with every
 * column named: what the trace cost above the same work run as one raw statement
 * (trace.backward was 2.3× the bench's raw recursive statement). No lot rows when the lot
 * does not exist.
 */
function oneWaySql(direction: WalkDirection): string {
  const [from, to] = direction === 'backward' ? ['output_lot_id', 'input_lot_id'] : ['input_lot_id', 'output_lot_id'];
  const padding = Array.from({ length: LOT_FACT_WIDTH - 5 }, () => 'NULL').join(', ');
  return `WITH RECURSIVE walk(lot_id, depth) AS (
      SELECT @lotId, 0
      UNION SELECT g.${to}, w.depth + 1 FROM lot_genealogy g JOIN walk w ON g.${from} = w.lot_id
    ),
    reached AS (SELECT lot_id, min(depth) AS depth FROM walk GROUP BY lot_id)
  SELECT 0 AS part, 0 AS ord, ${LOT_FACT_COLUMNS}, r.depth
  FROM reached r CROSS JOIN lots l ON l.id = r.lot_id
  ${LOT_FACT_JOINS}
  UNION ALL
  SELECT 1, g.id, g.input_lot_id, g.output_lot_id, g.production_order_id, p.number, g.qty_milli, ${padding}
  FROM reached r CROSS JOIN lot_genealogy g ON g.${from} = r.lot_id JOIN production_orders p ON p.id = g.production_order_id
  UNION ALL
  SELECT 2, rr.id, rr.id, rr.lot_id, l.code, rr.reason, rr.date, ${padding}
  FROM recalls rr JOIN lots l ON l.id = rr.lot_id WHERE rr.lot_id = @lotId`;
}

/** The columns of LOT_FACT_COLUMNS and the depth: the width of a walk row after `part` and `ord`. */
const LOT_FACT_WIDTH = 26;

export const BACKWARD_WALK_SQL = oneWaySql('backward');
export const FORWARD_WALK_SQL = oneWaySql('forward');

/**
 * The walk's lot rows alone (the first part of oneWaySql, the same columns): for what needs
 * the lots reached and not the edges between them — the recall report. The edges' rows are
 * the widest part of a wide walk: lot 357847 of the full bench run reaches 12,723 lots by
 * 19,077 edges, each a row padded to the lots' 28 columns, and read that way the walk took
 * ~270 ms CPU against ~110 ms for its lot rows.
 */
function lotsOnlySql(direction: WalkDirection): string {
  const sql = oneWaySql(direction);
  return sql.slice(0, sql.indexOf('UNION ALL')).trimEnd();
}

export const BACKWARD_LOTS_SQL = lotsOnlySql('backward');
export const FORWARD_LOTS_SQL = lotsOnlySql('forward');

// The walk's statements in array mode: the one statement cache resets a statement's
// sticky modes when it hands it out again, so asking for raw rows each time is safe.
function walkStatement(db: ReadSqlite, direction: WalkDirection): ReadStatement {
  return preparedOnce(db, direction === 'backward' ? BACKWARD_WALK_SQL : FORWARD_WALK_SQL).raw(true);
}

type Cell = string | number | null;

/** A lot row of the walk (after `part` and `ord`: LOT_FACT_COLUMNS' order, then the depth) as the trace shows it; the same object toTraceLot makes of a named row. */
function lotOf(r: Cell[]): TraceLot {
  return {
    id: r[2] as number,
    code: r[3] as string,
    item: { id: r[11] as number, sku: r[12] as string, name: r[13] as string, kind: r[14] as TraceLot['item']['kind'], unit: r[15] as TraceLot['item']['unit'] },
    status: r[4] as TraceLot['status'],
    origin: r[5] as TraceLot['origin'],
    originDate: r[6] as string,
    expiresOn: r[7] as string | null,
    onHandMilli: r[8] as number,
    reservedMilli: r[9] as number,
    supplier: r[16] === null ? null : { id: r[16] as number, name: (r[17] as string | null) ?? '' },
    supplierLotCode: r[10] as string | null,
    receipt: r[18] === null ? null : { documentId: r[18] as number, date: r[19] as string, supplierDdtNumber: r[20] as string | null, supplierDdtDate: r[21] as string | null },
    production:
      r[22] === null
        ? null
        : { id: r[22] as number, number: r[23] as string, recipeId: r[24] as number, recipeVersion: (r[25] as number | null) ?? 0, producedOn: r[26] as string | null },
    depth: r[27] as number,
  };
}

type RecallRef = TraceResult['recalls'][number];

/**
 * The lots one direction's walk reaches from `lotId` (itself at depth 0, nearest first; none
 * when the lot does not exist), the edges between them by genealogy row, and the recalls made
 * from the lot, newest first (as recallsOfLot lists them).
 */
export function walkOneWay(ctx: ReadCtx, lotId: number, direction: WalkDirection): { lots: TraceLot[]; edges: TraceEdge[]; recalls: RecallRef[] } {
  const lots: TraceLot[] = [];
  const edgeRows: Cell[][] = [];
  const recalls: RecallRef[] = [];
  for (const r of walkStatement(ctx.sqlite, direction).all({ lotId }) as Cell[][]) {
    if (r[0] === 0) lots.push(lotOf(r));
    else if (r[0] === 1) edgeRows.push(r);
    else recalls.push({ id: r[2] as number, lotId: r[3] as number, lotCode: r[4] as string, reason: r[5] as string, date: r[6] as string });
  }
  // by genealogy row, as the edges were always listed
  edgeRows.sort((a, b) => (a[1] as number) - (b[1] as number));
  const edges = edgeRows.map(
    (r): TraceEdge => ({ inputLotId: r[2] as number, outputLotId: r[3] as number, productionOrderId: r[4] as number, productionNumber: r[5] as string, qtyMilli: r[6] as number }),
  );
  return { lots: lots.sort(nearestFirst), edges, recalls: recalls.sort((a, b) => b.id - a.id) };
}

/** The lots one direction's walk reaches from `lotId`, as walkOneWay lists them (none when the lot does not exist). */
export function lotsReached(ctx: ReadCtx, lotId: number, direction: WalkDirection): TraceLot[] {
  const rows = preparedOnce(ctx.sqlite, direction === 'backward' ? BACKWARD_LOTS_SQL : FORWARD_LOTS_SQL).raw(true).all({ lotId }) as Cell[][];
  return rows.map(lotOf).sort(nearestFirst);
}

const nearestFirst = (a: TraceLot, b: TraceLot) => a.depth - b.depth || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

interface LotFactsRow {
  id: number;
  code: string;
  status: TraceLot['status'];
  origin: TraceLot['origin'];
  originDate: string;
  expiresOn: string | null;
  onHandMilli: number;
  reservedMilli: number;
  supplierLotCode: string | null;
  itemId: number;
  sku: string;
  itemName: string;
  kind: TraceLot['item']['kind'];
  unit: TraceLot['item']['unit'];
  supplierId: number | null;
  supplierName: string | null;
  receiptId: number | null;
  receiptDate: string | null;
  ddtNumber: string | null;
  ddtDate: string | null;
  productionId: number | null;
  productionNumber: string | null;
  recipeId: number | null;
  recipeVersion: number | null;
  producedOn: string | null;
}

/** The facts of each lot, in the order of `depths` (nearest first, then by code). */
export function lotFacts(ctx: ReadCtx, depths: Map<number, number>): TraceLot[] {
  const rows = preparedOnce(ctx.sqlite, LOT_FACTS_SQL).all({ ids: JSON.stringify([...depths.keys()]) }) as LotFactsRow[];
  return toTraceLots(rows, (id) => depths.get(id) ?? 0);
}

function toTraceLots(rows: LotFactsRow[], depthOf: (id: number) => number): TraceLot[] {
  return rows.map((r) => toTraceLot(r, depthOf(r.id))).sort(nearestFirst);
}

function toTraceLot(r: LotFactsRow, depth: number): TraceLot {
  return {
    id: r.id,
    code: r.code,
    item: { id: r.itemId, sku: r.sku, name: r.itemName, kind: r.kind, unit: r.unit },
    status: r.status,
    origin: r.origin,
    originDate: r.originDate,
    expiresOn: r.expiresOn,
    onHandMilli: r.onHandMilli,
    reservedMilli: r.reservedMilli,
    supplier: r.supplierId === null ? null : { id: r.supplierId, name: r.supplierName ?? '' },
    supplierLotCode: r.supplierLotCode,
    receipt: r.receiptId === null ? null : { documentId: r.receiptId, date: r.receiptDate!, supplierDdtNumber: r.ddtNumber, supplierDdtDate: r.ddtDate },
    production:
      r.productionId === null
        ? null
        : { id: r.productionId, number: r.productionNumber!, recipeId: r.recipeId!, recipeVersion: r.recipeVersion ?? 0, producedOn: r.producedOn },
    depth,
  };
}
