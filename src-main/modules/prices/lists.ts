import type { PriceList } from '../../../src-shared/contract/prices';
import { parseMoneyCents } from '../../../src-shared/domain/money';
import { parseDecimal } from '../../../src-shared/domain/decimal';
import { adjustCents, type PriceStep } from '../../../src-shared/domain/pricing';
import type { Unit } from '../../../src-shared/domain/units';
import type { Ctx, ReadCtx } from '../../api/context';
import { DomainError, notFound } from '../../api/domainError';
import type { Handler } from '../../api/handlers';
import { FieldProblems } from '../fieldParsing';
import { assertListFitsItsUsers, parseEntry } from './priceRules';

/** Price lists and their prices: the one writer of price_lists and price_list_prices. */

const LIST_COLUMNS = `l.id, l.name, l.vat_included AS vatIncluded, l.valid_from AS validFrom, l.valid_to AS validTo,
  l.free_shipping_over_cents AS freeShippingOverCents, l.notes, l.archived,
  (SELECT COUNT(DISTINCT item_id) FROM price_list_prices p WHERE p.list_id = l.id) AS itemCount,
  (SELECT COUNT(*) FROM group_price_lists g WHERE g.list_id = l.id) AS groupCount,
  (SELECT COUNT(*) FROM customer_price_lists c WHERE c.list_id = l.id) AS customerCount`;

type ListRow = Omit<PriceList, 'vatIncluded' | 'archived'> & { vatIncluded: number; archived: number };
const toList = (r: ListRow): PriceList => ({ ...r, vatIncluded: r.vatIncluded === 1, archived: r.archived === 1 });

export function loadList(ctx: ReadCtx, id: number): PriceList {
  const r = ctx.sqlite.prepare(`SELECT ${LIST_COLUMNS} FROM price_lists l WHERE l.id = ?`).get(id) as ListRow | undefined;
  if (!r) throw notFound('price list', id);
  return toList(r);
}

interface ListFields {
  name: string;
  vatIncluded: boolean;
  validFrom: string | null;
  validTo: string | null;
  freeShippingOver: string | null;
  notes: string;
}

function checkFields(input: ListFields): number | null {
  const p = new FieldProblems();
  const free = input.freeShippingOver === null ? null : p.parse(['freeShippingOver'], 'money', () => parseMoneyCents(input.freeShippingOver!));
  if (free !== null && free < 0) p.add(['freeShippingOver'], 'negative', 'The threshold cannot be negative');
  if (input.validFrom && input.validTo && input.validTo < input.validFrom) p.add(['validTo'], 'valid_to_before_from', 'The list ends before it starts');
  p.throwIfAny('The price list has invalid fields');
  return free;
}

export const createList: Handler<'prices.createList'> = (ctx, input) => {
  const free = checkFields(input);
  const stamp = ctx.now().toISOString();
  const id = Number(
    ctx.sqlite
      .prepare(`INSERT INTO price_lists (name, vat_included, valid_from, valid_to, free_shipping_over_cents, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(input.name, input.vatIncluded ? 1 : 0, input.validFrom, input.validTo, free, input.notes, stamp, stamp).lastInsertRowid,
  );
  return loadList(ctx, id);
};

export const updateList: Handler<'prices.updateList'> = (ctx, input) => {
  loadList(ctx, input.id);
  const free = checkFields(input);
  assertListFitsItsUsers(ctx, { id: input.id, name: input.name, validFrom: input.validFrom, validTo: input.validTo });
  ctx.sqlite
    .prepare(`UPDATE price_lists SET name = ?, vat_included = ?, valid_from = ?, valid_to = ?, free_shipping_over_cents = ?, notes = ?, updated_at = ? WHERE id = ?`)
    .run(input.name, input.vatIncluded ? 1 : 0, input.validFrom, input.validTo, free, input.notes, ctx.now().toISOString(), input.id);
  return loadList(ctx, input.id);
};

export const archiveList: Handler<'prices.archiveList'> = (ctx, input) => {
  loadList(ctx, input.id);
  ctx.sqlite.prepare('UPDATE price_lists SET archived = ?, updated_at = ? WHERE id = ?').run(input.archived ? 1 : 0, ctx.now().toISOString(), input.id);
  return loadList(ctx, input.id);
};

export const listLists: Handler<'prices.listLists'> = (ctx, input) => {
  const rows = ctx.sqlite
    .prepare(`SELECT ${LIST_COLUMNS} FROM price_lists l WHERE (? = 1 OR l.archived = 0) AND l.name LIKE ? ESCAPE '\\' ORDER BY l.name COLLATE NOCASE`)
    .all(input.includeArchived ? 1 : 0, `%${input.q.replace(/[\\%_]/g, '\\$&')}%`) as ListRow[];
  return { lists: rows.map(toList) };
};

export const getList: Handler<'prices.getList'> = (ctx, input) => {
  const list = loadList(ctx, input.id);
  const like = `%${input.q.replace(/[\\%_]/g, '\\$&')}%`;
  const rows = ctx.sqlite
    .prepare(
      `SELECT i.id, i.sku, i.name, i.kind, i.unit, i.sale_price_cents AS basePriceCents, p.from_milli AS fromMilli, p.price_cents AS priceCents
       FROM price_list_prices p JOIN items i ON i.id = p.item_id
       WHERE p.list_id = ? AND (i.sku LIKE ? ESCAPE '\\' OR i.name LIKE ? ESCAPE '\\') ORDER BY i.sku, p.from_milli`,
    )
    .all(input.id, like, like) as { id: number; sku: string; name: string; kind: 'product'; unit: Unit; basePriceCents: number | null; fromMilli: number; priceCents: number }[];
  const entries: Awaited<ReturnType<Handler<'prices.getList'>>>['entries'] = [];
  for (const r of rows) {
    const last = entries[entries.length - 1];
    if (last && last.item.id === r.id) last.breaks.push({ fromMilli: r.fromMilli, priceCents: r.priceCents });
    else entries.push({ item: { id: r.id, sku: r.sku, name: r.name, kind: r.kind, unit: r.unit }, basePriceCents: r.basePriceCents, priceCents: r.priceCents, breaks: [] });
  }
  const groups = ctx.sqlite.prepare('SELECT g.id, g.name FROM group_price_lists x JOIN customer_groups g ON g.id = x.group_id WHERE x.list_id = ? ORDER BY g.name').all(input.id) as { id: number; name: string }[];
  const customers = ctx.sqlite.prepare('SELECT c.id, c.name FROM customer_price_lists x JOIN customers c ON c.id = x.customer_id WHERE x.list_id = ? ORDER BY c.name').all(input.id) as { id: number; name: string }[];
  return { ...list, entries, groups, customers };
};

/** Replaces the steps of some items on a list (already checked). */
export function writeSteps(ctx: Ctx, listId: number, byItem: Map<number, PriceStep[]>): number {
  const del = ctx.sqlite.prepare('DELETE FROM price_list_prices WHERE list_id = ? AND item_id = ?');
  const ins = ctx.sqlite.prepare('INSERT INTO price_list_prices (list_id, item_id, from_milli, price_cents) VALUES (?, ?, ?, ?)');
  for (const [itemId, steps] of byItem) {
    del.run(listId, itemId);
    for (const s of steps) ins.run(listId, itemId, s.fromMilli, s.priceCents);
  }
  if (byItem.size > 0) ctx.sqlite.prepare('UPDATE price_lists SET updated_at = ? WHERE id = ?').run(ctx.now().toISOString(), listId);
  return byItem.size;
}

export const setPrices: Handler<'prices.setPrices'> = (ctx, input) => {
  loadList(ctx, input.listId);
  const p = new FieldProblems();
  const itemStmt = ctx.sqlite.prepare('SELECT unit FROM items WHERE id = ?');
  const byItem = new Map<number, PriceStep[]>();
  input.entries.forEach((e, i) => {
    const item = itemStmt.get(e.itemId) as { unit: Unit } | undefined;
    if (!item) {
      p.add(['entries', i, 'itemId'], 'not_found', `Row ${i + 1}: no item with id ${e.itemId}`, { row: i + 1, id: e.itemId });
      return;
    }
    if (byItem.has(e.itemId)) p.add(['entries', i, 'itemId'], 'duplicate_item', `Row ${i + 1}: the item is twice in the list`, { row: i + 1 });
    const steps = parseEntry(p, ['entries', i], e, item.unit);
    if (steps) byItem.set(e.itemId, steps);
  });
  p.throwIfAny('Some prices are not valid');
  return { changed: writeSteps(ctx, input.listId, byItem) };
};

export const removePrices: Handler<'prices.removePrices'> = (ctx, input) => {
  loadList(ctx, input.listId);
  const ids = JSON.stringify(input.itemIds);
  const { n } = ctx.sqlite
    .prepare('SELECT COUNT(DISTINCT item_id) AS n FROM price_list_prices WHERE list_id = ? AND item_id IN (SELECT value FROM json_each(?))')
    .get(input.listId, ids) as { n: number };
  ctx.sqlite.prepare('DELETE FROM price_list_prices WHERE list_id = ? AND item_id IN (SELECT value FROM json_each(?))').run(input.listId, ids);
  return { removed: n };
};

export const bulkAdjust: Handler<'prices.bulkAdjust'> = (ctx, input) => {
  loadList(ctx, input.listId);
  const p = new FieldProblems();
  const bp = p.parse(['percent'], 'number', () => parseDecimal(input.percent.replace(/\s*%$/, ''), 2));
  if (bp !== null && (bp <= -10_000 || bp > 100_000)) p.add(['percent'], 'percent_range', 'The change must be more than −100 % and at most +1000 %');
  p.throwIfAny('The percentage is not valid');
  const rows = ctx.sqlite
    .prepare(
      `SELECT item_id AS itemId, from_milli AS fromMilli, price_cents AS priceCents FROM price_list_prices
       WHERE list_id = ? AND (? IS NULL OR item_id IN (SELECT value FROM json_each(?)))`,
    )
    .all(input.listId, input.itemIds ? 1 : null, JSON.stringify(input.itemIds ?? [])) as { itemId: number; fromMilli: number; priceCents: number }[];
  if (rows.length === 0) throw new DomainError('VALIDATION', 'No prices to change on this list', { issues: [{ path: ['listId'], key: 'list_empty', message: 'The list has no prices' }] });
  const upd = ctx.sqlite.prepare('UPDATE price_list_prices SET price_cents = ? WHERE list_id = ? AND item_id = ? AND from_milli = ?');
  for (const r of rows) upd.run(adjustCents(r.priceCents, bp!), input.listId, r.itemId, r.fromMilli);
  ctx.sqlite.prepare('UPDATE price_lists SET updated_at = ? WHERE id = ?').run(ctx.now().toISOString(), input.listId);
  return { changed: new Set(rows.map((r) => r.itemId)).size };
};
