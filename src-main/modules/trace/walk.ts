/**
 * The genealogy read from SQLite: one recursive CTE per direction collects the lots a
 * trace reaches (UNION, so a lot reached by two paths is walked once), then the edges
 * between them come out by the genealogy's own indexes (input, output). Each edge is a
 * genealogy row, so its quantity is the one the completion recorded: nothing is summed
 * twice, however many ways lead to a lot.
 */
import type { TraceEdge, TraceLot } from '../../../src-shared/contract/trace';
import type { WalkDirection } from '../../../src-shared/domain/traceGraph';
import type { ReadCtx } from '../../api/context';
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
 * One direction's lots with their facts and nearest depth in one statement: the walk
 * carries the depth (UNION keeps each lot-depth pair once; min() picks the nearest), so
 * no list of ids goes back and forth. No row when the lot does not exist.
 */
function lotsReachedSql(direction: WalkDirection): string {
  const [from, to] = direction === 'backward' ? ['output_lot_id', 'input_lot_id'] : ['input_lot_id', 'output_lot_id'];
  return `WITH RECURSIVE walk(lot_id, depth) AS (
      SELECT @lotId, 0
      UNION SELECT g.${to}, w.depth + 1 FROM lot_genealogy g JOIN walk w ON g.${from} = w.lot_id
    ),
    reached AS (SELECT lot_id, min(depth) AS depth FROM walk GROUP BY lot_id)
  SELECT ${LOT_FACT_COLUMNS}, r.depth
  FROM reached r CROSS JOIN lots l ON l.id = r.lot_id
  ${LOT_FACT_JOINS}`;
}

export const BACKWARD_LOTS_SQL = lotsReachedSql('backward');
export const FORWARD_LOTS_SQL = lotsReachedSql('forward');

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
  depth?: number;
}

/** The facts of each lot, in the order of `depths` (nearest first, then by code). */
export function lotFacts(ctx: ReadCtx, depths: Map<number, number>): TraceLot[] {
  const rows = preparedOnce(ctx.sqlite, LOT_FACTS_SQL).all({ ids: JSON.stringify([...depths.keys()]) }) as LotFactsRow[];
  return toTraceLots(rows, (id) => depths.get(id) ?? 0);
}

/** The lots one direction's walk reaches from `lotId` (itself at depth 0), nearest first: none when the lot does not exist. */
export function lotsReached(ctx: ReadCtx, lotId: number, direction: WalkDirection): TraceLot[] {
  const rows = preparedOnce(ctx.sqlite, direction === 'backward' ? BACKWARD_LOTS_SQL : FORWARD_LOTS_SQL).all({ lotId }) as LotFactsRow[];
  const depth = new Map(rows.map((r) => [r.id, r.depth ?? 0]));
  return toTraceLots(rows, (id) => depth.get(id) ?? 0);
}

function toTraceLots(rows: LotFactsRow[], depthOf: (id: number) => number): TraceLot[] {
  return rows
    .map(
      (r): TraceLot => ({
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
        depth: depthOf(r.id),
      }),
    )
    .sort((a, b) => a.depth - b.depth || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
