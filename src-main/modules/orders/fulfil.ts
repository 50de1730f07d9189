import type { ProposalOut } from '../../../src-shared/contract/orders';
import { localDate } from '../../../src-shared/domain/dates';
import type { Handler } from '../../api/handlers';
import type { Ctx } from '../../api/context';
import { reserveStock } from '../inventory/reservations';
import { productionForOrders } from './productionPort';
import { CUSTOMER_ORDER, refreshOrders } from './lineFacts';
import { planFulfilment } from './fulfilPlan';
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

/** Writes a proposal and, nested under it, the production of the intermediates it lacks. */
function createFromProposal(ctx: Ctx, p: ProposalOut, plannedOn: string, parentId: number | null, sequence: () => number, created: number[]): void {
  const id = productionForOrders().insertPlanned(ctx, {
    itemId: p.item.id,
    recipeId: p.recipeId,
    batches: p.batches,
    // the plan made qtyMilli as yield × batches (whole numbers): the recipe's yield, without reading it again
    yieldMilli: p.qtyMilli / p.batches,
    sequence: sequence(),
    plannedOn,
    parentId,
    materialsShort: p.materialsShort,
    links: p.lines.map((l) => ({ orderLineId: l.orderLineId, qtyMilli: l.qtyMilli })),
  });
  created.push(id);
  for (const child of p.children) createFromProposal(ctx, child, plannedOn, id, sequence, created);
}

const proposalCount = (ps: readonly ProposalOut[]): number => ps.reduce((n, p) => n + 1 + proposalCount(p.children), 0);

/**
 * Fulfil, in one transaction: exactly the preview's plan — finished stock reserved lot by
 * lot for each line, planned production orders linked to the lines for the rest.
 */
export const fulfil: Handler<'orders.fulfil'> = (ctx, input) => {
  const plan = planFulfilment(ctx, input.orderIds, input.group);
  const orderOfLine = ctx.sqlite.prepare('SELECT order_id AS orderId FROM order_lines WHERE id = ?');
  const today = localDate(ctx.now());
  for (const r of plan.reservations) {
    const { orderId } = orderOfLine.get(r.orderLineId) as { orderId: number };
    reserveStock(ctx, { itemId: r.item.id, lotId: r.lotId, qtyMilli: r.qtyMilli, docType: CUSTOMER_ORDER, docId: orderId, docLineId: r.orderLineId, needDate: today });
  }
  const created: number[] = [];
  // the year's production numbers for every proposal in one statement, handed out in the order they are written
  const count = proposalCount(plan.proposals);
  let next = count > 0 ? nextNumbers(ctx, `production:${today.slice(0, 4)}`, count) : 0;
  for (const p of plan.proposals) createFromProposal(ctx, p, today, null, () => next++, created);
  refreshOrders(ctx, input.orderIds, { linesChanged: false });
  return { ...plan, productionOrderIds: created };
};
