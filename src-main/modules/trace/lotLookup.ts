/**
 * Finding the lot a person means: our code, the supplier's lot code, or a scanned label
 * (plain code, or GS1-128 with the lot in (10)). Codes compare without regard to case —
 * people type "l26251-1" for L26251-1. Nothing found answers "no lot with code …" with
 * similar codes, found by index ranges on shorter and shorter prefixes (never a scan of
 * every lot).
 */
import type { OutputOf } from '../../../src-shared/contract/define';
import type { Contract } from '../../../src-shared/contract';
import { lotCodeFromScan } from '../../../src-shared/domain/lotScan';
import { similarCodes } from '../../../src-shared/domain/traceGraph';
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { DomainError, fieldError, notFound } from '../../api/domainError';
import { sql } from '../../db/sql';
import { preparedOnce } from '../../db/statementCache';

type FoundLot = OutputOf<Contract['trace.findLot']>['lots'][number];

const FOUND_SELECT = sql`SELECT l.id, l.code, l.supplier_lot_code AS supplierLotCode, i.sku, i.name AS itemName, l.status
  FROM lots l JOIN items i ON i.id = l.item_id`;

function exactMatches(ctx: ReadCtx, code: string): FoundLot[] {
  const upper = code.toUpperCase();
  return ctx.sqlite
    .prepare(
      sql`${FOUND_SELECT} WHERE l.id IN (
         SELECT id FROM lots WHERE code IN (@code, @upper)
         UNION SELECT id FROM lots WHERE supplier_lot_code IN (@code, @upper)
       ) ORDER BY (l.code = @upper OR l.code = @code) DESC, l.code LIMIT 20`.text,
    )
    .all({ code, upper }) as FoundLot[];
}

/** Lots whose code or supplier code starts like the one asked for, nearest first. */
function suggestionsFor(ctx: ReadCtx, code: string): FoundLot[] {
  const upper = code.toUpperCase();
  const byPrefix = ctx.sqlite.prepare(
    sql`${FOUND_SELECT} WHERE l.id IN (
       SELECT id FROM (SELECT id FROM lots WHERE code >= @p AND code < @p || char(1114111) LIMIT 200)
       UNION SELECT id FROM (SELECT id FROM lots WHERE supplier_lot_code >= @p AND supplier_lot_code < @p || char(1114111) LIMIT 200)
     )`.text,
  );
  const seen = new Map<string, FoundLot>();
  for (let len = upper.length; len >= Math.min(2, upper.length) && seen.size < 20; len--) {
    for (const p of new Set([upper.slice(0, len), code.slice(0, len)])) {
      for (const r of byPrefix.all({ p }) as FoundLot[]) {
        seen.set(r.code, r);
        if (r.supplierLotCode) seen.set(r.supplierLotCode, r);
      }
    }
  }
  const best = similarCodes(code, [...seen.keys()], 5);
  const out: FoundLot[] = [];
  for (const c of best) {
    const lot = seen.get(c)!;
    if (!out.some((o) => o.id === lot.id)) out.push(lot);
  }
  return out;
}

export const findLot: Handler<'trace.findLot'> = (ctx, input) => {
  const code = lotCodeFromScan(input.code);
  const lots = exactMatches(ctx, code);
  return { lots, suggestions: lots.length > 0 ? [] : suggestionsFor(ctx, code) };
};

/**
 * The one lot an id or a code names. An unknown code is NOT_FOUND with suggestions; a
 * supplier's code that several lots share (two items, two suppliers) is a CONFLICT
 * listing them, so the person picks one.
 */
export function resolveLot(ctx: ReadCtx, ref: { lotId?: number | undefined; code?: string | undefined }): number {
  if (ref.lotId !== undefined) {
    if (!preparedOnce(ctx.sqlite, 'SELECT 1 FROM lots WHERE id = ?').get(ref.lotId)) throw notFound('lot', ref.lotId);
    return ref.lotId;
  }
  if (ref.code === undefined) throw fieldError('Give the lot id or its code', [{ path: ['code'], key: 'required', message: 'Give the lot id or its code' }]);
  const code = lotCodeFromScan(ref.code);
  const lots = exactMatches(ctx, code);
  const own = lots.filter((l) => l.code.toUpperCase() === code.toUpperCase());
  if (own.length === 1) return own[0]!.id;
  if (lots.length === 1) return lots[0]!.id;
  if (lots.length > 1) {
    throw new DomainError('CONFLICT', `Several lots have the code ${code}: ${lots.map((l) => `${l.code} (${l.sku})`).join(', ')}`, { code, lots });
  }
  const suggestions = suggestionsFor(ctx, code);
  const hint = suggestions.length > 0 ? `; similar: ${suggestions.map((s) => s.code).join(', ')}` : '';
  throw new DomainError('NOT_FOUND', `No lot with code ${code}${hint}`, { what: 'lot', code, suggestions });
}
