import { parseQuantity } from '../../../src-shared/domain/quantity';
import { localDate } from '../../../src-shared/domain/dates';
import { proposeFefo, type FefoLot } from '../../../src-shared/domain/fefo';
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { notFound } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';
import { LOT_SELECT, loadLot, toLot, type LotRow } from './lotRows';
import { lotMovements } from './movementRows';
import { reservationsOfLot } from './reservations';
import { readSettings } from '../settings/store';
import { addDays } from '../../../src-shared/domain/dates';
import { stockRows } from './stockOverview';
import { sql } from '../../db/sql';

export const itemLots: Handler<'inventory.itemLots'> = (ctx, input) => {
  if (!ctx.sqlite.prepare('SELECT 1 FROM items WHERE id = ?').get(input.itemId)) throw notFound('item', input.itemId);
  const open = input.includeEmpty ? sql`` : sql`AND l.on_hand_milli <> 0`;
  const page = sql`${LOT_SELECT} WHERE l.item_id = ${input.itemId} ${open} ORDER BY (l.on_hand_milli = 0), l.expires_on IS NULL, l.expires_on, l.origin_date, l.id LIMIT ${input.limit} OFFSET ${input.offset}`;
  const count = sql`SELECT count(*) AS n FROM lots l WHERE l.item_id = ${input.itemId} ${open}`;
  const rows = ctx.sqlite.prepare(page.text).all(...page.values) as LotRow[];
  const total = (ctx.sqlite.prepare(count.text).get(...count.values) as { n: number }).n;
  return { lots: rows.map((r) => toLot(r, localDate(ctx.now()))), total };
};

export const lotPage: Handler<'inventory.lot'> = (ctx, input) => {
  const lot = loadLot(ctx, input.lotId);
  const balances = ctx.sqlite
    .prepare(
      `SELECT b.location_id AS locationId, loc.code AS locationCode, b.qty_milli AS qtyMilli
       FROM stock_balances b JOIN locations loc ON loc.id = b.location_id WHERE b.lot_id = ? AND b.qty_milli <> 0 ORDER BY loc.code`,
    )
    .all(input.lotId) as { locationId: number; locationCode: string; qtyMilli: number }[];
  const statusChanges = ctx.sqlite
    .prepare('SELECT from_status AS fromStatus, to_status AS toStatus, reason, by, at FROM lot_status_changes WHERE lot_id = ? ORDER BY id')
    .all(input.lotId) as { fromStatus: typeof lot.status; toStatus: typeof lot.status; reason: string; by: string; at: string }[];
  return { lot, balances, movements: lotMovements(ctx, input.lotId), reservations: reservationsOfLot(ctx, input.lotId), statusChanges };
};

/**
 * Our code (exact or its beginning, as a scanner or a person types it) or the supplier's
 * lot code. UNION ALL on purpose: with statistics, UNION is planned as a merge that scans
 * every lot; IN (…) removes duplicates anyway.
 */
export const findLots: Handler<'inventory.findLots'> = (ctx, input) => {
  const q = input.q.trim();
  const rows = ctx.sqlite
    .prepare(
      sql`${LOT_SELECT} WHERE l.id IN (
         SELECT id FROM lots WHERE code >= @q AND code < @q || char(1114111)
         UNION ALL SELECT id FROM lots WHERE supplier_lot_code = @q
       ) ORDER BY (l.code = @q) DESC, l.code LIMIT @limit`.text,
    )
    .all({ q, limit: input.limit }) as LotRow[];
  return { lots: rows.map((r) => toLot(r, localDate(ctx.now()))) };
};

/**
 * Every lot of the item with stock on hand, held or not: what an operator's own choice of lots is checked against.
 * (`= +?` here and in freeLotsOf: db/sql.ts says why; the lots' item indexes have stat4 samples on the large file.)
 */
export function fefoLotsOf(ctx: ReadCtx, itemId: number): FefoLot[] {
  return ctx.sqlite
    .prepare(
      `SELECT id AS lotId, code, status, expires_on AS expiresOn, origin_date AS originDate, on_hand_milli AS onHandMilli, reserved_milli AS reservedMilli
       FROM lots WHERE item_id = +? AND on_hand_milli <> 0`,
    )
    .all(itemId) as FefoLot[];
}

/** A lot as FEFO reads it (FefoLot), for freeLotsOf and freeStockOf. */
const FREE_LOT_COLUMNS = sql`id AS lotId, code, status, expires_on AS expiresOn, origin_date AS originDate, on_hand_milli AS onHandMilli, reserved_milli AS reservedMilli`;

/**
 * The lots of the item with something free (on hand above what is held): all a FEFO
 * proposal can take from. Read through their own index: a product that sells keeps one
 * fully allocated lot per order until it ships, and reading those was most of a fulfil.
 * (`= +?`: db/sql.ts says why.)
 */
export function freeLotsOf(ctx: ReadCtx, itemId: number): FefoLot[] {
  return ctx.sqlite
    .prepare(
      sql`SELECT ${FREE_LOT_COLUMNS} FROM lots INDEXED BY lots_free_item WHERE item_id = +? AND on_hand_milli > reserved_milli`.text,
    )
    .all(itemId) as FefoLot[];
}

/** What a document about to take several items finds of each: its free lots (as freeLotsOf) and what is held for it before lots are chosen. */
export interface FreeStock {
  lots: FefoLot[];
  itemLevelReservedMilli: number;
}

/**
 * freeLotsOf and itemLevelReservedMilli for several items in two reads, not two per item
 * (a fulfil's order lines; a release reads less: fefoTakesOf). An item with nothing free has no lots, held 0.
 */
export function freeStockOf(ctx: ReadCtx, itemIds: number[]): Map<number, FreeStock> {
  const ids = JSON.stringify(itemIds);
  const out = new Map<number, FreeStock>(itemIds.map((id) => [id, { lots: [], itemLevelReservedMilli: 0 }]));
  const lots = ctx.sqlite
    .prepare(
      sql`SELECT item_id AS itemId, ${FREE_LOT_COLUMNS} FROM lots INDEXED BY lots_free_item
       WHERE item_id IN (SELECT value FROM json_each(?)) AND on_hand_milli > reserved_milli`.text,
    )
    .all(ids) as (FefoLot & { itemId: number })[];
  // each row as read (its itemId along): a copy without it per lot cost more than the query
  for (const lot of lots) out.get(lot.itemId)?.lots.push(lot);
  for (const h of heldOf(ctx, ids)) out.get(h.itemId)!.itemLevelReservedMilli = h.r;
  return out;
}

/** What FEFO takes of one item for a release, and what the item has available on the day (fefoTakesOf). */
export interface FefoOfItem {
  /** the lots FEFO takes, in its order, and how much of each */
  picks: { lotId: number; qtyMilli: number }[];
  /** how much the usable lots could not cover; 0 when they cover the need */
  shortMilli: number;
  /** availableOf on the day: the usable lots' free stock less the item-level holds (may be negative) */
  availableMilli: number;
}

/**
 * proposeFefo and availableOf for several items at once, each for its own need on `date`,
 * reading only what they need. freeStockOf answered every free lot of every item with its
 * code, status and dates, each a row object, for the caller to filter and sort; an
 * intermediate keeps one leftover lot per batch made, so a release read some seventy lots
 * (more each order) to take six. Here one read sums each item's usable free stock and its
 * item-level holds (index ranges, no row per lot), and each item's usable lots come in
 * FEFO's order, id and free quantity only, read until its need is covered: SQLite sorts an
 * item's lots, JavaScript sees the few it takes.
 * Usable: lotUnusableReason's and freeMilli's filter (released, not expired on `date`,
 * something free). Order: fefoCompare's (expiry, no expiry last, then origin date, then id;
 * the dates are ASCII, so SQLite's byte order is JavaScript's). (`= +?`: db/sql.ts says why.)
 */
export function fefoTakesOf(ctx: ReadCtx, needs: ReadonlyMap<number, number>, date: string): Map<number, FefoOfItem> {
  const totals = ctx.sqlite
    .prepare(
      `SELECT j.value,
              (SELECT coalesce(sum(on_hand_milli - reserved_milli), 0) FROM lots INDEXED BY lots_free_item
               WHERE item_id = j.value AND status = 'released' AND on_hand_milli > reserved_milli AND (expires_on IS NULL OR expires_on >= ?)),
              (SELECT coalesce(sum(qty_milli), 0) FROM reservations WHERE item_id = j.value AND lot_id IS NULL AND qty_milli > 0)
       FROM json_each(?) j`,
    )
    .raw()
    .all(date, JSON.stringify([...needs.keys()])) as [number, number, number][];
  const lots = ctx.sqlite.prepare(
    `SELECT id, on_hand_milli - reserved_milli FROM lots INDEXED BY lots_free_item
     WHERE item_id = +? AND status = 'released' AND on_hand_milli > reserved_milli AND (expires_on IS NULL OR expires_on >= ?)
     ORDER BY expires_on IS NULL, expires_on, origin_date, id`,
  );
  const out = new Map<number, FefoOfItem>();
  for (const [itemId, free, held] of totals) {
    const needed = needs.get(itemId)!;
    const picks: { lotId: number; qtyMilli: number }[] = [];
    let left = needed;
    // proposeFefo's walk: each lot in order, as much as is left to cover, until nothing is
    if (left > 0 && free > 0) {
      for (const [lotId, lotFree] of lots.raw().iterate(itemId, date) as IterableIterator<[number, number]>) {
        const take = Math.min(left, lotFree);
        picks.push({ lotId, qtyMilli: take });
        left -= take;
        if (left <= 0) break;
      }
    }
    out.set(itemId, { picks, shortMilli: Math.max(0, left), availableMilli: free - held });
  }
  return out;
}

/** What is free of an item's released lots, summed per expiry date: all a component's availability needs (no lot is chosen for it). */
export interface FreeByExpiry {
  /** [expires_on (null: usable on every day asked), free milli of the released lots with that date] */
  sums: [string | null, number][];
  itemLevelReservedMilli: number;
}

/**
 * freeStockOf's answer summed per item and expiry date for the released lots, for items whose
 * lots are only counted (a fulfil's materials): a material with hundreds of free lots was read
 * lot by lot, each a row object, then sorted, to be added up (a fifth of a 5-line fulfil's CPU).
 * Only days from `from` to `upTo` will be asked: lots expired before `from` are left out, and
 * those usable on `upTo` (never expiring, or on or after it) are one sum with a null date, so
 * a material whose every lot has its own date comes back as one row, not one per lot. That
 * sum is read item by item (one index range each, no sort: a third less than grouping); the lots expiring between the
 * first and the last day asked, only when those differ, per date.
 */
export function freeByExpiryOf(ctx: ReadCtx, itemIds: number[], from: string, upTo: string): Map<number, FreeByExpiry> {
  const ids = JSON.stringify(itemIds);
  const out = new Map<number, FreeByExpiry>(itemIds.map((id) => [id, { sums: [], itemLevelReservedMilli: 0 }]));
  const usableOnLast = ctx.sqlite
    .prepare(
      `SELECT j.value, (SELECT sum(on_hand_milli - reserved_milli) FROM lots INDEXED BY lots_free_item
                        WHERE item_id = j.value AND status = 'released' AND on_hand_milli > reserved_milli AND (expires_on IS NULL OR expires_on >= ?))
       FROM json_each(?) j`,
    )
    .raw()
    .all(upTo, ids) as [number, number | null][];
  for (const [itemId, free] of usableOnLast) if (free !== null) out.get(itemId)?.sums.push([null, free]);
  if (from < upTo) {
    const between = ctx.sqlite
      .prepare(
        `SELECT item_id, expires_on, sum(on_hand_milli - reserved_milli) FROM lots INDEXED BY lots_free_item
         WHERE item_id IN (SELECT value FROM json_each(?)) AND status = 'released' AND on_hand_milli > reserved_milli AND expires_on >= ? AND expires_on < ?
         GROUP BY item_id, expires_on`,
      )
      .raw()
      .all(ids, from, upTo) as [number, string, number][];
    for (const [itemId, expiresOn, free] of between) out.get(itemId)?.sums.push([expiresOn, free]);
  }
  for (const h of heldOf(ctx, ids)) out.get(h.itemId)!.itemLevelReservedMilli = h.r;
  return out;
}

/** What is held for each item without a lot (item-level reservations), by a JSON array of item ids. */
function heldOf(ctx: ReadCtx, ids: string): { itemId: number; r: number }[] {
  return ctx.sqlite
    .prepare('SELECT item_id AS itemId, sum(qty_milli) AS r FROM reservations WHERE item_id IN (SELECT value FROM json_each(?)) AND lot_id IS NULL AND qty_milli > 0 GROUP BY item_id')
    .all(ids) as { itemId: number; r: number }[];
}

/**
 * itemAvailableMilli from what freeStockOf read: released lots in date on `date`, less
 * what lots hold, less what is held for the item. The two must agree (the same filter).
 */
export function availableOf(stock: FreeStock, date: string): number {
  let free = 0;
  for (const l of stock.lots) if (l.status === 'released' && (l.expiresOn === null || l.expiresOn >= date)) free += l.onHandMilli - l.reservedMilli;
  return free - stock.itemLevelReservedMilli;
}

export const fefo: Handler<'inventory.fefo'> = (ctx, input) => {
  const item = ctx.sqlite.prepare('SELECT unit FROM items WHERE id = ?').get(input.itemId) as { unit: 'kg' } | undefined;
  if (!item) throw notFound('item', input.itemId);
  const p = new FieldProblems();
  const qty = p.parse(['quantity'], 'quantity', () => parseQuantity(input.quantity, item.unit), { unit: item.unit });
  if (qty !== null && qty <= 0) p.add(['quantity'], 'positive', 'The quantity must be more than zero');
  p.throwIfAny('Invalid quantity');
  const needDate = input.needDate ?? localDate(ctx.now());
  const proposal = proposeFefo(freeLotsOf(ctx, input.itemId), qty!, needDate);
  return { ...proposal, requestedMilli: qty!, needDate };
};

export const alerts: Handler<'inventory.alerts'> = (ctx, input) => {
  const days = input.days ?? readSettings(ctx).inventory.expiringSoonDays;
  const today = localDate(ctx.now());
  const expiring = ctx.sqlite
    .prepare(sql`${LOT_SELECT} WHERE l.id IN (SELECT id FROM lots WHERE on_hand_milli <> 0 AND on_hand_milli > 0 AND expires_on <= ? ORDER BY expires_on LIMIT ?) ORDER BY l.expires_on, l.code`.text)
    .all(addDays(today, days), input.limit) as LotRow[];
  const quarantine = ctx.sqlite
    .prepare(sql`${LOT_SELECT} WHERE l.status = 'quarantine' AND l.on_hand_milli <> 0 AND l.on_hand_milli > 0 ORDER BY l.origin_date, l.code LIMIT ?`.text)
    .all(input.limit) as LotRow[];
  const belowReorder = stockRows(ctx, { filter: 'below_reorder', today, soonDays: days })
    .slice(0, input.limit)
    .map((r) => ({ item: r.item, availableMilli: r.availableMilli, reorderPointMilli: r.reorderPointMilli! }));
  const day = localDate(ctx.now());
  return { expiring: expiring.map((r) => toLot(r, day)), quarantine: quarantine.map((r) => toLot(r, day)), belowReorder, days };
};
