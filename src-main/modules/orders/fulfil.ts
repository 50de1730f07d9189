import type { ProposalOut } from '../../../src-shared/contract/orders';
import { localDate } from '../../../src-shared/domain/dates';
import type { Handler } from '../../api/handlers';
import { holdStockMany } from '../inventory/reservations';
import { productionForOrders, type PlannedForLines } from './productionPort';
import { CUSTOMER_ORDER, storeStatuses, type LineFactsOf } from './lineFacts';
import { planFulfilment, planWithFacts } from './fulfilPlan';
import { ordersShortByItem } from '../planning/materialsShort';
import { nextNumbers } from '../numbering/next';

/**
 * The dialog's plan, with its materials short as the plan nets them (the shortage list's
 * numbers for these orders): what it proposes to make is the fulfil's, whether a material
 * is there in time is the plan's, so the dialog and the order's promise say the same.
 */
export const fulfilPreview: Handler<'orders.fulfilPreview'> = (ctx, input) => {
  const plan = planFulfilment(ctx, input.orderIds, input.group);
  const short = ordersShortByItem(ctx, input.orderIds);
  return { ...plan, proposals: plan.proposals.map((p) => withPlanShortages(p, short)) };
};

/** Bought materials short by what the plan leaves short of them (shared out in proposal order); intermediates keep their own proposal. */
function withPlanShortages(p: ProposalOut, short: Map<number, number>): ProposalOut {
  const children = p.children.map((c) => withPlanShortages(c, short));
  const made = new Set(children.map((c) => c.item.id));
  const materials = p.materials.map((m) => {
    if (made.has(m.item.id) || m.item.kind === 'intermediate' || m.item.kind === 'product') return m;
    const s = Math.min(m.neededMilli, short.get(m.item.id) ?? 0);
    if (s > 0) short.set(m.item.id, short.get(m.item.id)! - s);
    return { ...m, availableMilli: m.neededMilli - s, shortMilli: s };
  });
  // its own materials, like the production order it becomes (an intermediate's shortage is its child's)
  const materialsShort = materials.some((m) => m.shortMilli > 0 && !made.has(m.item.id));
  return { ...p, children, materials, materialsShort };
}

/** A proposal and, after it, the production of the intermediates it lacks, as the rows to write (parents before their children). */
function plannedRows(p: ProposalOut, plannedOn: string, parent: number | null, sequence: () => number, out: PlannedForLines[]): void {
  const at = out.length;
  out.push({
    itemId: p.item.id,
    recipeId: p.recipeId,
    batches: p.batches,
    // the plan made qtyMilli as yield × batches (whole numbers): the recipe's yield, without reading it again
    yieldMilli: p.qtyMilli / p.batches,
    sequence: sequence(),
    plannedOn,
    parent,
    materialsShort: p.materialsShort,
    links: p.lines.map((l) => ({ orderLineId: l.orderLineId, qtyMilli: l.qtyMilli })),
  });
  for (const child of p.children) plannedRows(child, plannedOn, at, sequence, out);
}

const proposalCount = (ps: readonly ProposalOut[]): number => ps.reduce((n, p) => n + 1 + proposalCount(p.children), 0);

/**
 * Fulfil, in one transaction: exactly the preview's plan — finished stock reserved lot by
 * lot for each line, planned production orders linked to the lines for the rest.
 */
export const fulfil: Handler<'orders.fulfil'> = (ctx, input) => {
  const { plan, facts } = planWithFacts(ctx, input.orderIds, input.group);
  const orderOfLine = new Map(facts.lines.map((l) => [l.id, l.orderId]));
  // the plan's own reads in this transaction prove what reserveStock would check again: each
  // lot released, in date on the day and free for what is taken of it, the item's
  // availability counted for every line (StockView) — so the holds are written as release writes them
  holdStockMany(
    ctx,
    plan.reservations.map((r) => ({ itemId: r.item.id, lotId: r.lotId, qtyMilli: r.qtyMilli, docType: CUSTOMER_ORDER, docId: orderOfLine.get(r.orderLineId)!, docLineId: r.orderLineId })),
  );
  const today = localDate(ctx.now());
  // the year's production numbers for every proposal in one statement, handed out in the order they are written
  const count = proposalCount(plan.proposals);
  let next = count > 0 ? nextNumbers(ctx, `production:${today.slice(0, 4)}`, count) : 0;
  const rows: PlannedForLines[] = [];
  for (const p of plan.proposals) plannedRows(p, today, null, () => next++, rows);
  const created = productionForOrders().insertPlanned(ctx, rows);
  // the orders' status from what was read before the plan and what was just written (all confirmed: the plan checked)
  storeStatuses(ctx, [...new Set(input.orderIds)].map((id) => ({ id, state: 'confirmed' as const })), afterFulfil(facts, plan), false);
  return { ...plan, productionOrderIds: created };
};

/** The orders' line facts once the plan is written: its holds allocated, its production planned for the lines it serves. */
function afterFulfil(before: LineFactsOf, plan: ReturnType<typeof planFulfilment>): LineFactsOf {
  return {
    lines: before.lines,
    allocations: [
      ...before.allocations,
      ...plan.reservations.map((r) => ({ reservationId: 0, lineId: r.orderLineId, lotId: r.lotId, lotCode: r.lotCode, qtyMilli: r.qtyMilli, expiresOn: null })),
    ],
    production: [
      ...before.production,
      ...plan.proposals.flatMap((p) => p.lines.map((l) => ({ lineId: l.orderLineId, id: 0, number: '', status: 'planned' as const, materialsShort: p.materialsShort, qtyMilli: l.qtyMilli, plannedOn: '' }))),
    ],
  };
}
