import { localDate } from '../../../src-shared/domain/dates';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { costRollup } from '../../../src-shared/domain/recipeTree';
import type { Unit } from '../../../src-shared/domain/units';
import type { ReadCtx } from '../../api/context';
import { notFound } from '../../api/domainError';
import type { Handler } from '../../api/handlers';
import { FieldProblems } from '../fieldParsing';
import { lazyItemCosts, lazyRecipeLookup } from '../catalog/recipeLookup';
import { customerPricing, decide } from './decide';

/** prices.quote / quoteBatch: the decision at the doors (CLI, editor, scripts). */

function parseLines(ctx: ReadCtx, lines: { itemId: number; quantity: string }[], path: (i: number) => (string | number)[]): number[] {
  const p = new FieldProblems();
  const unitStmt = ctx.sqlite.prepare('SELECT unit FROM items WHERE id = ?');
  const out = lines.map((l, i) => {
    const item = unitStmt.get(l.itemId) as { unit: Unit } | undefined;
    if (!item) {
      p.add([...path(i), 'itemId'], 'not_found', `No item with id ${l.itemId}`, { id: l.itemId });
      return 0;
    }
    const q = p.parse([...path(i), 'quantity'], 'quantity', () => parseQuantity(l.quantity, item.unit), { unit: item.unit });
    if (q !== null && q <= 0) p.add([...path(i), 'quantity'], 'positive', 'The quantity must be more than zero');
    return q ?? 0;
  });
  p.throwIfAny('Cannot quote: invalid fields');
  return out;
}

function assertCustomer(ctx: ReadCtx, id: number): void {
  if (!ctx.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(id)) throw notFound('customer', id);
}

export const quote: Handler<'prices.quote'> = (ctx, input) => {
  assertCustomer(ctx, input.customerId);
  const [qty] = parseLines(ctx, [input], () => []);
  return decide(ctx, customerPricing(ctx, input.customerId), input.itemId, qty!, input.date ?? localDate(ctx.now()));
};

export const quoteBatch: Handler<'prices.quoteBatch'> = (ctx, input) => {
  assertCustomer(ctx, input.customerId);
  const qtys = parseLines(ctx, input.lines, (i) => ['lines', i]);
  const who = customerPricing(ctx, input.customerId);
  const date = input.date ?? localDate(ctx.now());
  return { quotes: input.lines.map((l, i) => decide(ctx, who, l.itemId, qtys[i]!, date)) };
};

export const itemCosts: Handler<'prices.itemCosts'> = (ctx, input) => {
  const costs = costRollup(lazyRecipeLookup(ctx), lazyItemCosts(ctx), input.itemIds);
  return { costs: input.itemIds.map((itemId) => ({ itemId, unitCostMicros: costs.get(itemId)?.unitCostMicros ?? null })) };
};
