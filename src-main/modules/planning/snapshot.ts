/**
 * Loads what the planner reads in a handful of set-based queries (no query per line or
 * per lot): free stock of released lots, open production, open order lines net of what is
 * shipped and allocated, and incoming supply; items, recipes and lead times come from the
 * static part kept across plans (planStatic.ts).
 */
import type { RecipeDef } from '../../../src-shared/domain/recipe';
import { small } from '../../../src-shared/domain/planning/netting';
import { openLinesByColumn, type OpenLine, type OpenProduction, type PlanningSnapshot, type StockLot } from '../../../src-shared/domain/planning/types';
import type { ReadCtx } from '../../api/context';
import { planStatic, type ItemRow, type PlanStatic } from './planStatic';
import { linksInOrder, servedByMap, servedWalking } from './productionServed';
import { indexInAscending } from '../../../src-shared/domain/planning/ascending';
import { heldPerLine } from './heldPerLine';
import { loadSupply } from './supplySource';
import { jsonColumns, jsonColumnsWithTexts, jsonList, rawRows } from './statements';

export type { ItemRow } from './planStatic';

/** Order states whose lines still wait for goods (the derived statuses kept on the order). */
export const OPEN_ORDER_STATUSES = ['waiting', 'materials_short', 'in_production', 'ready_to_ship', 'partially_shipped'];
// written into the SQL (our own constants): with json_each SQLite does not use the status index and reads every order
const OPEN_STATUS_LIST = OPEN_ORDER_STATUSES.map((s) => `'${s}'`).join(', ');

/** `lines`: only those still asking for goods (a line all held is in `allocated` and its order's lines, not here). */
export interface LoadedSnapshot extends PlanningSnapshot {
  itemRows: Map<number, ItemRow>;
  /** finished goods already held for open lines, per order and item (orders holding nothing are absent) */
  allocated: Map<number, Map<number, number>>;
  openOrders: OpenOrder[];
}

/** the free quantity of each released lot, flat: item, lot, free, expiry */
const FREE_LOTS = `SELECT '[' || group_concat(item_id || ',' || id || ',' || (on_hand_milli - reserved_milli) || ',' || json_quote(expires_on)) || ']'
  FROM lots WHERE on_hand_milli <> 0 AND status = 'released' AND on_hand_milli > reserved_milli`;

export function loadSnapshot(ctx: ReadCtx, today: string): LoadedSnapshot {
  const db = ctx.sqlite;
  const fixed = planStatic(ctx);
  const { itemRows } = fixed;
  const lots: StockLot[] = [];
  const free = jsonList<number | string | null>(db, FREE_LOTS);
  for (let k = 0; k < free.length; k += 4) lots.push({ itemId: free[k] as number, lotId: free[k + 1] as number, freeMilli: free[k + 2] as number, expiresOn: free[k + 3] as string | null });
  const unlotted = new Map(rawRows<[number, number]>(db, 'SELECT item_id, sum(qty_milli) FROM reservations WHERE qty_milli > 0 AND lot_id IS NULL GROUP BY item_id'));
  const { asking, allocatedOf, orders, heads } = loadOpenLines(ctx, fixed.itemOf);
  const production = loadOpenProduction(ctx, fixed, heads);
  let lines: OpenLine[] | null = null;
  const snap: LoadedSnapshot = {
    today,
    items: itemRows,
    itemRows,
    recipeOf: fixed.recipeOf,
    lots,
    unlottedReservedMilli: unlotted,
    supply: loadSupply(ctx, fixed.leadTimeDays),
    production,
    // the plan walks the columns (openLinesByColumn); the objects are made only if something else reads them
    get lines(): OpenLine[] {
      if (!lines) {
        const made: OpenLine[] = [];
        asking.each((orderId, orderNumber, itemId, openMilli, requestedOn, lineId) => made.push({ orderId, orderNumber, lineId, itemId, openMilli, requestedOn }));
        lines = made;
      }
      return lines;
    },
    // only promises read what is held per order: summed when first asked
    get allocated(): Map<number, Map<number, number>> {
      return allocatedOf();
    },
    // only promises read the open orders one by one: made when first asked (a shortage list never does)
    get openOrders(): OpenOrder[] {
      return (openOrders ??= orders.make());
    },
  };
  let openOrders: OpenOrder[] | null = null;
  openLinesByColumn.set(snap, asking.each);
  return snap;
}

/**
 * Open production, one JSON array per column (no row arrays cell by cell): id, number,
 * item, recipe version, batches, quantity, planned date, status, parent; by id. The ids
 * come from the status index and the rows by id in that order (the IN list is sorted), so
 * SQLite sorts no rows: with the open orders quadrupled (26,000 open production orders)
 * the sort of whole rows by id was a third of this read.
 */
const OPEN_PRODUCTION = `SELECT json_group_array(id), json_group_array(number), json_group_array(item_id), json_group_array(recipe_id), json_group_array(batches),
    json_group_array(planned_qty_milli), json_group_array(planned_on), json_group_array(status), json_group_array(parent_id)
  FROM (SELECT id, number, item_id, recipe_id, batches, planned_qty_milli, planned_on, status, parent_id FROM production_orders
    WHERE id IN (SELECT id FROM production_orders WHERE status IN ('planned', 'released', 'in_progress')) ORDER BY id)`;
type ProductionColumns = [number[], string[], number[], number[], number[], number[], string[], OpenProduction['status'][], (number | null)[]];
/**
 * The orders open production serves, two columns: production id, order id (one per linked
 * line). Their numbers and dates are the open orders' already read (heads), so no order row
 * is opened for them; an order no longer open is read by ORDERS_BY_ID.
 */
const PRODUCTION_LINKS = `SELECT json_group_array(k.production_order_id), json_group_array(l.order_id)
  FROM production_links k JOIN order_lines l ON l.id = k.order_line_id
  WHERE k.production_order_id IN (SELECT id FROM production_orders WHERE status IN ('planned', 'released', 'in_progress'))`;
const ORDERS_BY_ID = `SELECT json_group_array(id), json_group_array(number), json_group_array(coalesce(requested_on, promised_on))
  FROM customer_orders WHERE id IN (SELECT value FROM json_each(?))`;

/** Open orders as ORDER_HEADS read them, by id: id, number, requested (or promised) date. */
interface OrderHeads {
  ids: number[];
  numbers: string[];
  dues: (string | null)[];
}

/** Number and date of each order asked: from the heads read (a binary search by id), else read. */
function ordersById(ctx: ReadCtx, heads: OrderHeads, ids: Iterable<number>): Map<number, { number: string; dueOn: string | null }> {
  const found = new Map<number, { number: string; dueOn: string | null }>();
  const missing: number[] = [];
  for (const id of ids) {
    const at = indexInAscending(heads.ids.length, (i) => heads.ids[i]!, id);
    if (at >= 0) found.set(id, { number: heads.numbers[at]!, dueOn: heads.dues[at]! });
    else missing.push(id);
  }
  if (missing.length > 0) {
    const [more, numbers, dues] = jsonColumns<[number[], string[], (string | null)[]]>(ctx.sqlite, ORDERS_BY_ID, JSON.stringify(missing));
    for (let k = 0; k < more.length; k++) found.set(more[k]!, { number: numbers[k]!, dueOn: dues[k]! });
  }
  return found;
}

function loadOpenProduction(ctx: ReadCtx, fixed: PlanStatic, heads: OrderHeads): OpenProduction[] {
  const db = ctx.sqlite;
  const [ids, numbers, itemIds, recipeIds, batches, qtyMilli, plannedOn, status, parentIds] = jsonColumns<ProductionColumns>(db, OPEN_PRODUCTION);
  // the versions open production was planned with (the active ones, and older ones kept with the static part)
  const recipes: Map<number, RecipeDef> = fixed.versions(recipeIds);
  // the orders each production order serves (by number, each once) and the earliest date they ask
  const [linkProduction, linkOrder] = jsonColumns<[number[], number[]]>(db, PRODUCTION_LINKS);
  const order = ordersById(ctx, heads, new Set(linkOrder));
  const servedBy = linksInOrder(ids, linkProduction) ? servedWalking(ids, linkProduction, linkOrder, order) : servedByMap(linkProduction, linkOrder, order);
  const open: OpenProduction[] = [];
  for (let k = 0; k < ids.length; k++) {
    const s = servedBy(ids[k]!);
    open.push({
      id: ids[k]!,
      number: numbers[k]!,
      itemId: itemIds[k]!,
      recipe: recipes.get(recipeIds[k]!)!,
      batches: batches[k]!,
      qtyMilli: qtyMilli[k]!,
      plannedOn: plannedOn[k]!,
      status: status[k]!,
      parentId: parentIds[k]!,
      orders: s?.orders ?? [],
      dueOn: s?.dueOn ?? null,
    });
  }
  inheritOrders(open);
  return open;
}

/**
 * An intermediate's production order is linked to no order line (its parent is), yet it
 * works for the parent's orders: it inherits them, so a shortage in its materials is the
 * order's shortage too (the order page and the shortage list name it before and after fulfil).
 * The list is by id (OPEN_PRODUCTION): a parent is found by a binary search, not a map of all.
 */
function inheritOrders(list: OpenProduction[]): void {
  const byId = (id: number): OpenProduction | undefined => list[indexInAscending(list.length, (i) => list[i]!.id, id)];
  const ordersOf = (p: OpenProduction, guard: number): OpenProduction['orders'] => {
    if (p.orders.length > 0 || p.parentId === null || guard > 50) return p.orders;
    const parent = byId(p.parentId);
    return parent ? ordersOf(parent, guard + 1) : p.orders;
  };
  for (const p of list) if (p.orders.length === 0 && p.parentId !== null) p.orders = ordersOf(p, 0);
}

// the partial covering index of open orders (migration 0019) holds exactly these rows: the planner, not knowing
// it is small, would rather read the status index and every open order's row
const OPEN_ORDERS = `customer_orders o INDEXED BY customer_orders_open WHERE o.state = 'confirmed' AND o.status IN (${OPEN_STATUS_LIST})`;

/**
 * Open orders, one JSON array per column: ids, numbers, customers, requested (or promised)
 * dates; by id, the order of the index (no sort). A column each, not one flat text: SQLite
 * then builds no string per row (a third less time for the 94,000 lines of a full bench run).
 */
const ORDER_HEADS = `SELECT json_group_array(id), json_group_array(number), json_group_array(customer_id), json_group_array(due) FROM (
  SELECT o.id, o.number, o.customer_id, coalesce(o.requested_on, o.promised_on) AS due FROM ${OPEN_ORDERS} ORDER BY o.id)`;
/** ORDER_HEADS with the numbers as one text, split (jsonColumnsWithTexts: each number not an internalized string); ORDER_HEADS when a number holds the separator */
const ORDER_HEADS_SPLIT = ORDER_HEADS.replace('json_group_array(number)', 'group_concat(number, char(31))').replace(
  ' FROM (',
  ', sum(number IS NULL OR instr(number, char(31)) > 0) FROM (',
);
/**
 * Their lines still to ship, one array per column: order id, line id, item id, quantity
 * still to ship; by order and position (both indexes are read in that order: no sort),
 * the order the plan registers its demands in.
 */
const OPEN_LINES = `SELECT json_group_array(order_id), json_group_array(id), json_group_array(item_id), json_group_array(open) FROM (
  SELECT l.order_id, l.id, l.item_id, l.qty_milli - l.shipped_milli AS open
  FROM ${OPEN_ORDERS.replace(' WHERE ', ' JOIN order_lines l ON l.order_id = o.id WHERE ')} AND l.qty_milli > l.shipped_milli
  ORDER BY o.id, l.position)`;
/**
 * The same columns read as one range of the order index, for when the open orders are most
 * of the orders between the first and the last of them (the usual case: orders are shipped
 * about in the order they came; 36,214 open of the 36,641 ids in a full bench run's range).
 * A range of the covering index is one pass, where OPEN_LINES seeks each open order's lines
 * (100,000 lines: the read took ~65 ms of CPU in the sqlite3 shell, ~50 ms as a range, most
 * of it building the JSON); the lines of orders not open in the range are skipped while
 * walking the heads (loadOpenLines). `+?`:
 * the bounds change with every plan (db/sql.ts: the stat4 trap).
 */
const LINES_IN_RANGE = `SELECT json_group_array(order_id), json_group_array(id), json_group_array(item_id), json_group_array(open) FROM (
  SELECT order_id, id, item_id, qty_milli - shipped_milli AS open FROM order_lines INDEXED BY order_lines_order
  WHERE order_id >= +? AND order_id <= +? AND qty_milli > shipped_milli
  ORDER BY order_id, position)`;

/**
 * The open orders' lines still to ship (by order and position), and whether lines of orders
 * not open may be among them (the range read): at least every other id of the open orders'
 * range an open order, else each open order's lines sought.
 */
function linesToShip(db: ReadCtx['sqlite'], headIds: number[]): { columns: [number[], number[], number[], number[]]; ranged: boolean } {
  const n = headIds.length;
  if (n > 0 && 2 * n >= headIds[n - 1]! - headIds[0]! + 1) {
    return { columns: jsonColumns<[number[], number[], number[], number[]]>(db, LINES_IN_RANGE, headIds[0]!, headIds[n - 1]!), ranged: true };
  }
  return { columns: jsonColumns<[number[], number[], number[], number[]]>(db, OPEN_LINES), ranged: false };
}
/**
 * Finished goods held for order lines, two columns: line id, quantity, one pair per
 * reservation (one pass over the open reservations, not a look-up per line; summed per line
 * here: SQLite's GROUP BY sorted them first and cost twice as much). Sought by document
 * type in reservations_doc, not a scan of the table: the table keeps every production
 * order's reservations after they are used up (140,000 of 167,000 rows after a full bench
 * run, and more with every batch completed), while the orders' own are only the open work.
 */
const HELD = `SELECT json_group_array(doc_line_id), json_group_array(qty_milli) FROM reservations INDEXED BY reservations_doc
  WHERE doc_type = 'customer_order' AND qty_milli > 0 AND doc_line_id IS NOT NULL`;

/** OPEN_LINES as read: the same index in each column is one line */
interface LineColumns {
  itemIds: number[];
  openMilli: number[];
  /** 1 where the line is a service (a shipping charge, a surcharge): it asks the plan for nothing */
  service: Uint8Array;
}

/** An open order as the promises read it; its lines are made the first time a promise asks (a shortage list never does). */
export class OpenOrder {
  private own: { itemId: number; qtyMilli: number }[] | null = null;

  constructor(
    readonly id: number,
    readonly number: string,
    readonly customerId: number,
    readonly requestedOn: string | null,
    /** OPEN_LINES as read, and where this order's lines are in it */
    private readonly read: LineColumns,
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** what each open line still asks (before what is held for it), in line order */
  get lines(): { itemId: number; qtyMilli: number }[] {
    if (!this.own) {
      const own: { itemId: number; qtyMilli: number }[] = [];
      for (let k = this.from; k < this.to; k++) if (this.read.service[k] === 0) own.push({ itemId: this.read.itemIds[k]!, qtyMilli: this.read.openMilli[k]! });
      this.own = own;
    }
    return this.own;
  }
}

/**
 * Open order lines in three reads, each a few JSON arrays (statements.ts: 94,000 lines of a
 * full bench run cost a third of what row arrays cost): the open orders from their partial
 * covering index, their lines still to ship from the order index, which covers them, and
 * what is held for them. Customers' names are not read here: only the promise list shows them.
 * A service line (a shop's shipping charge, a surcharge) is never stocked, made nor shipped:
 * it asks the plan for nothing, as it is no part of the order's status (orders/lineFacts).
 */
function loadOpenLines(ctx: ReadCtx, itemOf: PlanStatic['itemOf']) {
  const db = ctx.sqlite;
  type Heads = [number[], string[], number[], (string | null)[]];
  const [headIds, numbers, customers, dues] = jsonColumnsWithTexts<Heads>(db, ORDER_HEADS_SPLIT, 1) ?? jsonColumns<Heads>(db, ORDER_HEADS);
  const {
    columns: [orderIds, lineIds, itemIds, openMilli],
    ranged,
  } = linesToShip(db, headIds);
  const [heldLines, heldMilli] = jsonColumns<[number[], number[]]>(db, HELD);
  const service = new Uint8Array(orderIds.length);
  for (let k = 0; k < itemIds.length; k++) if (itemOf(itemIds[k]!)?.kind === 'service') service[k] = 1;
  const read: LineColumns = { itemIds, openMilli, service };
  const held = heldPerLine(lineIds, heldLines, heldMilli);
  // the lines still asking for goods, as places in the columns read: line k of order head h asks `asked`
  // (typed columns sized to the lines read, filled up to `kept`: no list grown a line at a time)
  const keptLine = new Int32Array(orderIds.length);
  const keptHead = new Int32Array(orderIds.length);
  const asked = new Float64Array(orderIds.length);
  let kept = 0;
  let holding = false;
  // each open order as places in the columns: its head, its first line and the one after its last
  // (typed, sized to the heads read: an order with lines has a head; no list grown an order at a time)
  const orderHead = new Int32Array(headIds.length);
  const orderFrom = new Int32Array(headIds.length);
  const orderTo = new Int32Array(headIds.length);
  let withLines = 0;
  // both lists are by order id: the head of each order's lines is found walking forward (by a map, should it not be there)
  let h = 0;
  let headAt: Map<number, number> | null = null;
  for (let k = 0; k < orderIds.length; ) {
    const orderId = orderIds[k]!;
    while (h < headIds.length && headIds[h]! < orderId) h++;
    if (headIds[h] !== orderId) {
      // read as a range, the lines of an order not open come with them: passed (both lists go up by order id)
      const at = ranged && (h === headIds.length || headIds[h]! > orderId) ? undefined : (headAt ??= new Map(headIds.map((id, i) => [id, i]))).get(orderId);
      if (at === undefined) {
        // confirmed by another connection between the two reads (a query is no transaction): left to the next plan,
        // which that commit's data_version makes
        while (k < orderIds.length && orderIds[k] === orderId) k++;
        continue;
      }
      h = at;
    }
    const from = k;
    for (; k < orderIds.length && orderIds[k] === orderId; k++) {
      const open = openMilli[k]!;
      const heldOn = held[k]!;
      // a line whose goods are all held asks nothing of the plan (it skipped them): most lines of a quiet day
      if (open > heldOn && service[k] === 0) {
        keptLine[kept] = k;
        keptHead[kept] = h;
        asked[kept++] = open - heldOn;
      }
      if (heldOn > 0) holding = true;
    }
    orderHead[withLines] = h;
    orderFrom[withLines] = from;
    orderTo[withLines++] = k;
  }
  /**
   * The finished goods held per order and item (orders holding nothing are absent): only
   * promises read them, so they are summed when first asked, from the same columns.
   */
  let allocated: Map<number, Map<number, number>> | null = null;
  const allocatedOf = (): Map<number, Map<number, number>> => {
    if (allocated) return allocated;
    allocated = new Map();
    if (!holding) return allocated;
    for (let i = 0; i < withLines; i++) {
      for (let k = orderFrom[i]!; k < orderTo[i]!; k++) {
        const heldOn = held[k]!;
        if (heldOn <= 0) continue;
        // only orders holding something get a map: a missing order or item means nothing held
        const orderId = orderIds[k]!;
        let a = allocated.get(orderId);
        if (!a) allocated.set(orderId, (a = new Map()));
        a.set(itemIds[k]!, (a.get(itemIds[k]!) ?? 0) + Math.min(openMilli[k]!, heldOn));
      }
    }
    return allocated;
  };
  const make = (): OpenOrder[] => {
    const made: OpenOrder[] = [];
    for (let i = 0; i < withLines; i++) {
      const h = orderHead[i]!;
      made.push(new OpenOrder(orderIds[orderFrom[i]!]!, numbers[h]!, customers[h]!, dues[h]!, read, orderFrom[i]!, orderTo[i]!));
    }
    return made;
  };
  const each = (visit: (orderId: number, orderNumber: string, itemId: number, openMilli: number, requestedOn: string | null, lineId: number) => void): void => {
    for (let i = 0; i < kept; i++) {
      const k = keptLine[i]!;
      const h = keptHead[i]!;
      visit(orderIds[k]!, numbers[h]!, itemIds[k]!, small(asked[i]!), dues[h]!, lineIds[k]!);
    }
  };
  return { asking: { each }, allocatedOf, orders: { make }, heads: { ids: headIds, numbers, dues } satisfies OrderHeads };
}

/** Customers' names by id, for the promise list (read once per plan, when first asked). */
export function customerNames(ctx: ReadCtx): Map<number, string> {
  return new Map(rawRows<[number, string]>(ctx.sqlite, 'SELECT id, name FROM customers'));
}
