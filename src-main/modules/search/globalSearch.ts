/**
 * `search.global`: one FTS5 query per kind, each on that kind's own index (kinds.ts), so a
 * common word or number ("2025" is in 70,000 orders) streams a few rows per kind and
 * stops, never a scan or a sort of every match. Orders are also found by their
 * customer: the customers each word names, then the orders carrying their tokens.
 * Master data (customers, suppliers, items: few rows) is ranked by bm25 with codes
 * weighing most; orders, lots, DDTs and the other documents newest first (what people
 * look for, and the cheap order).
 *
 * Groups come in the contract's kind order, except that kinds found only through another
 * thing's name (orders by their customer's name) come after those found by their own
 * words, and a lot whose code was typed or scanned (a GS1 label, lotScan.ts) comes first.
 */
import { SEARCH_KINDS, type SearchHit, type SearchKind } from '../../../src-shared/contract/search';
import { lotCodeFromScan } from '../../../src-shared/domain/lotScan';
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { preparedOnce } from '../../db/statementCache';
import { ident, sql } from '../../db/sql';
import { INDEX_OF, RANKED_KINDS } from './kinds';
import { hitDetails } from './hitDetails';
import { matchPhrases, orderExpression, ownExpression } from './matchExpression';

/** per kind: its ranked query text (code, name, ctx: a code or number weighs most, a related name least) */
const KEYS_SQL = Object.fromEntries(
  SEARCH_KINDS.map((kind) => {
    const t = ident(INDEX_OF[kind].table);
    const order = RANKED_KINDS.has(kind) ? sql`bm25(${t}, 10.0, 5.0, 1.0), rowid DESC` : sql`rowid DESC`;
    return [kind, sql`SELECT rowid AS key FROM ${t} WHERE ${t} MATCH @match ORDER BY ${order} LIMIT @limit`.text];
  }),
) as Record<SearchKind, string>;
/** the customers one word names (by name or city), best first; an order search ORs their tokens */
const CUSTOMERS_NAMED = `SELECT rowid AS id FROM search_customer WHERE search_customer MATCH @match
  ORDER BY bm25(search_customer, 10.0, 5.0, 1.0) LIMIT @limit`;
/** the customers a word names, at most (the most relevant): the OR of their tokens stays short */
const MAX_CUSTOMERS_PER_WORD = 60;
const LOT_BY_CODE = `SELECT id FROM lots WHERE code IN (@code, @upper)
  UNION SELECT id FROM lots WHERE supplier_lot_code IN (@code, @upper) LIMIT 5`;

/** Every statement a search runs, for the query-plan test. */
export const SEARCH_STATEMENTS: readonly string[] = [...Object.values(KEYS_SQL), CUSTOMERS_NAMED, LOT_BY_CODE];

function keysOf(ctx: ReadCtx, kind: SearchKind, match: string, limit: number): number[] {
  const rows = preparedOnce(ctx.sqlite, KEYS_SQL[kind]).all({ match, limit }) as { key: number }[];
  return rows.map((r) => r.key);
}

function customersNamed(ctx: ReadCtx, phrase: string): number[] {
  const rows = preparedOnce(ctx.sqlite, CUSTOMERS_NAMED).all({ match: `name : ${phrase}`, limit: MAX_CUSTOMERS_PER_WORD }) as { id: number }[];
  return rows.map((r) => r.id);
}

/** Lots whose own or supplier's code is exactly the text (a scan, or a code typed whole). */
function lotsByCode(ctx: ReadCtx, code: string): number[] {
  if (!code || /\s/.test(code)) return [];
  return (preparedOnce(ctx.sqlite, LOT_BY_CODE).all({ code, upper: code.toUpperCase() }) as { id: number }[]).map((r) => r.id);
}

interface Group {
  kind: SearchKind;
  keys: number[];
  /** 0: a scanned or typed lot code; 1: found by its own words; 2: by a related name */
  tier: number;
}

export function searchGlobal(ctx: ReadCtx, q: string, limit: number): SearchHit[] {
  const scanned = lotCodeFromScan(q);
  const exactLots = lotsByCode(ctx, scanned);
  // a GS1 label is a lot, nothing else: its digits would only find noise
  const isLabel = scanned !== q.trim();
  const phrases = isLabel && exactLots.length > 0 ? [] : matchPhrases(isLabel ? scanned : q);
  const perKind = Math.min(limit, Math.max(5, Math.ceil(limit / 3)));
  const groups: Group[] = [];
  if (exactLots.length > 0) groups.push({ kind: 'lot', keys: exactLots, tier: 0 });
  if (phrases.length > 0) {
    const own = ownExpression(phrases);
    for (const kind of SEARCH_KINDS) {
      const seen = kind === 'lot' ? exactLots : [];
      const keys = keysOf(ctx, kind, own, perKind).filter((k) => !seen.includes(k));
      if (keys.length > 0) groups.push({ kind, keys, tier: 1 });
      // only orders are found through another thing (their customer): look there when their own words found too few
      if (kind === 'order' && keys.length < perKind) {
        const byCustomer = orderExpression(phrases, phrases.map((p) => customersNamed(ctx, p)));
        const more = byCustomer === null ? [] : keysOf(ctx, kind, byCustomer, perKind).filter((k) => !keys.includes(k));
        if (more.length > 0) groups.push({ kind, keys: more.slice(0, perKind - keys.length), tier: 2 });
      }
    }
  }
  groups.sort((a, b) => a.tier - b.tier);
  const hits: SearchHit[] = [];
  for (const g of groups) {
    const room = limit - hits.length;
    if (room <= 0) break;
    for (const r of hitDetails(ctx, g.kind, g.keys.slice(0, room))) hits.push({ kind: g.kind, id: r.id, title: r.title, subtitle: r.subtitle });
  }
  return mergeSameKind(hits);
}

/**
 * An order group found by its own words and one found by its customer's name read as one
 * group; a shipment found by its DDT and by its return's DDT is one hit.
 */
function mergeSameKind(hits: SearchHit[]): SearchHit[] {
  const order: SearchKind[] = [];
  const byKind = new Map<SearchKind, SearchHit[]>();
  const seen = new Set<string>();
  for (const h of hits) {
    if (seen.has(`${h.kind}/${h.id}`)) continue;
    seen.add(`${h.kind}/${h.id}`);
    if (!byKind.has(h.kind)) {
      byKind.set(h.kind, []);
      order.push(h.kind);
    }
    byKind.get(h.kind)!.push(h);
  }
  return order.flatMap((k) => byKind.get(k)!);
}

export const globalSearch: Handler<'search.global'> = (ctx, input) => ({ hits: searchGlobal(ctx, input.q, input.limit) });
