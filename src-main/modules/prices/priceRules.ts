import type { z } from 'zod';
import type { priceEntryInput } from '../../../src-shared/contract/prices';
import { parseMoneyCents } from '../../../src-shared/domain/money';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { isChainProblem, parseDiscountChain, type DiscountBp, type PriceStep } from '../../../src-shared/domain/pricing';
import type { Unit } from '../../../src-shared/domain/units';
import type { ReadCtx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import type { FieldProblems } from '../fieldParsing';

/**
 * The rules for bad input (issue 14): a negative or non-numeric price, breaks whose
 * quantities do not increase, a discount over 100 %, two lists of one customer (or group)
 * valid on the same day. Each problem names its field; nothing is saved while any.
 */

/** A price as typed → cents, or null with the problem recorded under `path`. */
export function parsePrice(p: FieldProblems, path: (string | number)[], text: string, params: Record<string, string | number> = {}): number | null {
  const cents = p.parse(path, 'money', () => parseMoneyCents(text), params);
  if (cents !== null && cents < 0) {
    p.add(path, 'negative', 'The price cannot be negative', params);
    return null;
  }
  return cents;
}

export type EntryInput = z.output<typeof priceEntryInput>;

/** One item's price and breaks → its steps (the first from 0), problems under `base`. */
export function parseEntry(p: FieldProblems, base: (string | number)[], e: EntryInput, unit: Unit): PriceStep[] | null {
  const first = parsePrice(p, [...base, 'price'], e.price);
  const steps: PriceStep[] = first === null ? [] : [{ fromMilli: 0, priceCents: first }];
  let last = 0;
  let ok = first !== null;
  e.breaks.forEach((b, j) => {
    const at = [...base, 'breaks', j];
    const qty = p.parse([...at, 'fromQuantity'], 'quantity', () => parseQuantity(b.fromQuantity, unit), { unit });
    const price = parsePrice(p, [...at, 'price'], b.price);
    if (qty !== null && qty <= last) {
      p.add([...at, 'fromQuantity'], 'break_not_increasing', `Break ${j + 1}: the quantity must be more than the one before`, { break: j + 1 });
      ok = false;
    } else if (qty !== null) last = qty;
    if (qty === null || price === null) ok = false;
    else steps.push({ fromMilli: qty, priceCents: price });
  });
  return ok ? steps : null;
}

/** "10+5" → chain, or null with the problem recorded (each step 0..100 %). */
export function parseChainField(p: FieldProblems, path: (string | number)[], text: string): DiscountBp[] | null {
  const chain = parseDiscountChain(text);
  if (!isChainProblem(chain)) return chain;
  if (chain.reason === 'range') p.add(path, 'discount_range', `Discount "${chain.part}" must be from 0 to 100 %`, { part: chain.part });
  else p.add(path, 'discount_not_a_number', `Discount "${chain.part}" is not a number (write e.g. 10+5)`, { part: chain.part });
  return null;
}

interface Validity {
  id: number;
  name: string;
  validFrom: string | null;
  validTo: string | null;
}

function overlaps(a: Validity, b: Validity): boolean {
  const aFrom = a.validFrom ?? '0000-00-00';
  const aTo = a.validTo ?? '9999-99-99';
  const bFrom = b.validFrom ?? '0000-00-00';
  const bTo = b.validTo ?? '9999-99-99';
  return aFrom <= bTo && bFrom <= aTo;
}

export function listValidities(ctx: ReadCtx, ids: number[]): Validity[] {
  return ctx.sqlite
    .prepare(`SELECT id, name, valid_from AS validFrom, valid_to AS validTo FROM price_lists WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(JSON.stringify(ids)) as Validity[];
}

/** Refuses a set of lists (one customer's or one group's) two of which are valid on a same day. */
export function assertNoOverlap(lists: Validity[], field: string, whose: string): void {
  for (let i = 0; i < lists.length; i++) {
    for (let j = i + 1; j < lists.length; j++) {
      const [a, b] = [lists[i]!, lists[j]!];
      if (overlaps(a, b)) {
        throw new DomainError('VALIDATION', `${whose}: lists "${a.name}" and "${b.name}" are valid on the same days`, {
          issues: [{ path: [field], key: 'lists_overlap', message: `"${a.name}" and "${b.name}" are valid on the same days`, params: { a: a.name, b: b.name } }],
        });
      }
    }
  }
}

/**
 * A list's new validity against the other lists of every customer and group using it.
 * Called when a list's dates change.
 */
export function assertListFitsItsUsers(ctx: ReadCtx, list: Validity): void {
  const users = [
    ...(ctx.sqlite.prepare('SELECT customer_id AS id FROM customer_price_lists WHERE list_id = ?').all(list.id) as { id: number }[]).map((u) => ({ table: 'customer', ...u })),
    ...(ctx.sqlite.prepare('SELECT group_id AS id FROM group_price_lists WHERE list_id = ?').all(list.id) as { id: number }[]).map((u) => ({ table: 'group', ...u })),
  ];
  for (const u of users) {
    const others =
      u.table === 'customer'
        ? (ctx.sqlite.prepare('SELECT list_id AS id FROM customer_price_lists WHERE customer_id = ? AND list_id <> ?').all(u.id, list.id) as { id: number }[])
        : (ctx.sqlite.prepare('SELECT list_id AS id FROM group_price_lists WHERE group_id = ? AND list_id <> ?').all(u.id, list.id) as { id: number }[]);
    const mates = listValidities(ctx, others.map((o) => o.id));
    for (const m of mates) {
      if (overlaps(list, m)) {
        throw new DomainError('VALIDATION', `The new dates overlap list "${m.name}", used by the same ${u.table}`, {
          issues: [{ path: ['validFrom'], key: 'lists_overlap', message: `Overlaps "${m.name}" for the same ${u.table}`, params: { a: list.name, b: m.name } }],
        });
      }
    }
  }
}
