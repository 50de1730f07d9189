import { parseQuantity } from '../../../src-shared/domain/quantity';
import { checkOverride } from '../../../src-shared/domain/fefo';
import type { Handler } from '../../api/handlers';
import { DomainError } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';
import { fefoLotsOf, fefoTakesOf, type FefoOfItem } from '../inventory/lotQueries';
import { holdStockMany, reserveStock } from '../inventory/reservations';
import { assertStatus } from './productionCreate';
import { materialNeedsWithItems, PRODUCTION_ORDER } from './productionRows';
import { changeOf, heldLots, productionHead, refreshServedOrders, servedOrders } from './productionChange';

/**
 * Release: the recipe version is frozen and every material is reserved lot by lot —
 * the operator's lots where given (checked: released, unexpired, enough), FEFO for the
 * rest. If anything is missing nothing is reserved and the refusal lists the shortages.
 */
export const releaseProduction: Handler<'production.release'> = (ctx, input) => {
  const po = productionHead(ctx, input.id);
  assertStatus(po, ['planned'], 'released');
  // every material's need, SKU and unit with the recipe, not read per material
  const { needs, items: units } = materialNeedsWithItems(ctx, po.recipeId, po.batches);
  // FEFO's lots and the day's availability of the materials the operator left to FEFO, in SQL (lotQueries says why)
  const fefoNeeds = new Map([...needs].filter(([itemId]) => !input.picks.some((x) => x.itemId === itemId)));
  const fefo = fefoNeeds.size > 0 ? fefoTakesOf(ctx, fefoNeeds, po.plannedOn) : new Map<number, FefoOfItem>();
  const p = new FieldProblems();
  // checked: the operator's picks; proposed: FEFO's, which its own reads already prove free and usable
  const plan: { itemId: number; lotId: number; qtyMilli: number; checked?: true }[] = [];
  const shortages: { itemId: number; sku: string; unit: string; neededMilli: number; availableMilli: number; shortMilli: number }[] = [];
  input.picks.forEach((pick, i) => {
    if (!needs.has(pick.itemId)) p.add(['picks', i, 'itemId'], 'not_in_recipe', `Item ${pick.itemId} is not in the recipe`, { id: pick.itemId });
  });
  for (const [itemId, needed] of needs) {
    const item = units.get(itemId)!;
    const pickIndex = input.picks.findIndex((x) => x.itemId === itemId);
    if (pickIndex >= 0) {
      // the operator's lots may be ones already held (by this order too): checked against all open lots
      const lots = fefoLotsOf(ctx, itemId);
      const chosen = input.picks[pickIndex]!.lots.map((l, j) => {
        const path = ['picks', pickIndex, 'lots', j, 'quantity'];
        const qtyMilli = p.parse(path, 'quantity', () => parseQuantity(l.quantity, item.unit), { unit: item.unit });
        // a negative pick would count against the total and show "Available -5 kg"
        if (qtyMilli !== null && qtyMilli <= 0) p.add(path, 'positive', `Lot quantity "${l.quantity}" for ${item.sku} must be more than zero`, { sku: item.sku });
        return { lotId: l.lotId, qtyMilli: qtyMilli ?? 0 };
      });
      const problems = checkOverride(new Map(lots.map((l) => [l.lotId, l])), chosen, po.plannedOn);
      for (const pr of problems) {
        const code = lots.find((l) => l.lotId === pr.lotId)?.code ?? String(pr.lotId);
        p.add(['picks', pickIndex, 'lots', pr.index, 'lotId'], `lot.${pr.reason}`, `Lot ${code} cannot be used: ${pr.reason}`, { code, sku: item.sku });
      }
      const total = chosen.reduce((s, c) => s + c.qtyMilli, 0);
      if (total < needed) shortages.push({ itemId, sku: item.sku, unit: item.unit, neededMilli: needed, availableMilli: total, shortMilli: needed - total });
      plan.push(...chosen.filter((c) => c.qtyMilli > 0).map((c) => ({ itemId, ...c })));
    } else {
      const proposal = fefo.get(itemId)!;
      // item-level reservations of other documents also hold part of what the lots show
      const available = Math.min(needed - proposal.shortMilli, Math.max(0, proposal.availableMilli));
      if (available < needed) shortages.push({ itemId, sku: item.sku, unit: item.unit, neededMilli: needed, availableMilli: available, shortMilli: needed - available });
      plan.push(...proposal.picks.map((x) => ({ itemId, lotId: x.lotId, qtyMilli: x.qtyMilli, checked: true as const })));
    }
  }
  // typing mistakes (a quantity that is no number, or not above zero) are VALIDATION on the field
  if (p.issues.some((i) => i.path.at(-1) === 'quantity')) p.throwIfAny('Some lot quantities are not valid');
  if (p.issues.length > 0) {
    throw new DomainError('LOT_NOT_RELEASED', 'Some chosen lots cannot be used', { issues: p.issues });
  }
  if (shortages.length > 0) {
    throw new DomainError('INSUFFICIENT_STOCK', `Materials missing for ${po.number}: ${shortages.map((s) => `${s.sku} short ${s.shortMilli / 1000} ${s.unit}`).join(', ')}`, {
      productionOrderId: po.id,
      shortages,
    });
  }
  // FEFO's holds, which need no check, are written together; an operator's pick is checked on the rows as held so far
  const holds: Parameters<typeof holdStockMany>[1][number][] = [];
  for (const x of plan) {
    const hold = { itemId: x.itemId, lotId: x.lotId, qtyMilli: x.qtyMilli, docType: PRODUCTION_ORDER, docId: po.id };
    if (x.checked) holds.push(hold);
    else {
      holdStockMany(ctx, holds.splice(0));
      reserveStock(ctx, { ...hold, needDate: po.plannedOn });
    }
  }
  holdStockMany(ctx, holds);
  ctx.sqlite.prepare("UPDATE production_orders SET status = 'released', materials_short = 0, released_at = ? WHERE id = ?").run(ctx.now().toISOString(), po.id);
  return changeOf(po, 'released', refreshServedOrders(ctx, po.id), { reserved: heldLots(ctx, po.id) });
};

export const startProduction: Handler<'production.start'> = (ctx, input) => {
  const po = productionHead(ctx, input.id);
  assertStatus(po, ['released'], 'started');
  ctx.sqlite.prepare("UPDATE production_orders SET status = 'in_progress', started_at = ? WHERE id = ?").run(ctx.now().toISOString(), po.id);
  // starting changes no order's status: the served orders are answered as they are
  return changeOf(po, 'in_progress', servedOrders(ctx, po.id), { reserved: heldLots(ctx, po.id) });
};
