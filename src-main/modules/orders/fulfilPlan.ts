import type { z } from 'zod';
import type { fulfilPlan, ProposalOut } from '../../../src-shared/contract/orders';
import { componentNeed, type RecipeDef } from '../../../src-shared/domain/recipeTree';
import { mulDivRound } from '../../../src-shared/domain/decimal';
import { freeMilli, fefoCompare, lotUnusableReason, type FefoLot } from '../../../src-shared/domain/fefo';
import { localDate } from '../../../src-shared/domain/dates';
import type { ReadCtx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { freeByExpiryOf, freeLotsOf, freeStockOf } from '../inventory/lotQueries';
import { itemLevelReservedMilli } from '../inventory/ledger';
import { planStatic } from '../planning/planStatic';
import { loadLineFacts, type LineFactsOf } from './lineFacts';

type Plan = z.infer<typeof fulfilPlan>;
type ItemRef = ProposalOut['item'];

export interface OpenLine {
  lineId: number;
  orderId: number;
  orderNumber: string;
  itemId: number;
  needDate: string;
  openMilli: number;
}

/**
 * Stock as the plan sees it while it hands it out: each item's lots and what the plan
 * has already taken of them and of the item, so two lines never get the same kilo.
 */
class StockView {
  private lots = new Map<number, FefoLot[]>();
  /** items only counted, never taken lot by lot (materials): their released lots' free stock per expiry date */
  private sums = new Map<number, [string | null, number][]>();
  private takenFromLot = new Map<number, number>();
  private takenFromItem = new Map<number, number>();
  private itemReserved = new Map<number, number>();
  constructor(private ctx: ReadCtx) {}

  private lotsOf(itemId: number): FefoLot[] {
    let l = this.lots.get(itemId);
    if (!l) {
      l = freeLotsOf(this.ctx, itemId).sort(fefoCompare);
      this.lots.set(itemId, l);
    }
    return l;
  }

  available(itemId: number, date: string): number {
    if (!this.itemReserved.has(itemId)) this.itemReserved.set(itemId, itemLevelReservedMilli(this.ctx, itemId));
    const sums = this.lots.has(itemId) ? undefined : this.sums.get(itemId);
    let free = 0;
    // the same filter as lotUnusableReason: released (only those were summed), not expired on the date
    if (sums) for (const [expiresOn, f] of sums) free += expiresOn === null || expiresOn >= date ? f : 0;
    else
      free = this.lotsOf(itemId)
        .filter((l) => lotUnusableReason(l, date) === null)
        .reduce((s, l) => s + Math.max(0, freeMilli(l) - (this.takenFromLot.get(l.lotId) ?? 0)), 0);
    return Math.max(0, free - this.itemReserved.get(itemId)! - (this.takenFromItem.get(itemId) ?? 0));
  }

  /**
   * Reads the free lots and item-level holds of several items at once (a recipe's
   * components), where reading them one by one took two statements an item.
   */
  prefetch(itemIds: number[]): void {
    const missing = [...new Set(itemIds)].filter((id) => !this.lots.has(id) || !this.itemReserved.has(id));
    if (missing.length < 2) return;
    for (const [id, s] of freeStockOf(this.ctx, missing)) {
      if (!this.lots.has(id)) this.lots.set(id, s.lots.sort(fefoCompare));
      if (!this.itemReserved.has(id)) this.itemReserved.set(id, s.itemLevelReservedMilli);
    }
  }

  /**
   * As prefetch, for items whose lots are only counted (components: takeLots is for the
   * order lines' items, read by prefetch first): their free stock summed per expiry date,
   * for availability asked on days from `from` to `upTo` only.
   */
  prefetchCounted(itemIds: number[], from: string, upTo: string): void {
    const missing = [...new Set(itemIds)].filter((id) => !this.lots.has(id) && !this.sums.has(id));
    if (missing.length < 2) return;
    for (const [id, s] of freeByExpiryOf(this.ctx, missing, from, upTo)) {
      this.sums.set(id, s.sums);
      if (!this.itemReserved.has(id)) this.itemReserved.set(id, s.itemLevelReservedMilli);
    }
  }

  /** Takes up to `qty` by FEFO; returns the lots taken. */
  takeLots(itemId: number, qty: number, date: string): { lotId: number; code: string; qtyMilli: number }[] {
    let left = Math.min(qty, this.available(itemId, date));
    const out: { lotId: number; code: string; qtyMilli: number }[] = [];
    for (const l of this.lotsOf(itemId)) {
      if (left <= 0) break;
      if (lotUnusableReason(l, date) !== null) continue;
      const free = freeMilli(l) - (this.takenFromLot.get(l.lotId) ?? 0);
      if (free <= 0) continue;
      const take = Math.min(free, left);
      this.takenFromLot.set(l.lotId, (this.takenFromLot.get(l.lotId) ?? 0) + take);
      out.push({ lotId: l.lotId, code: l.code, qtyMilli: take });
      left -= take;
    }
    return out;
  }

  /** Counts demand on an item without choosing lots yet (materials of planned production). */
  takeQuantity(itemId: number, qty: number): void {
    this.takenFromItem.set(itemId, (this.takenFromItem.get(itemId) ?? 0) + qty);
  }
}

/**
 * The lines of these orders that still need something: not shipped, allocated or in
 * production; with the facts they were worked out from (every line, allocation and
 * production of the orders, all confirmed), what a fulfil's refresh of their status starts from.
 */
function openLines(ctx: ReadCtx, orderIds: number[]): { lines: OpenLine[]; facts: LineFactsOf } {
  const orders = ctx.sqlite
    .prepare(`SELECT id, number, state, requested_on AS requestedOn FROM customer_orders WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(orderIds)) as { id: number; number: string; state: string; requestedOn: string | null }[];
  const missing = orderIds.filter((id) => !orders.some((o) => o.id === id));
  if (missing.length > 0) throw new DomainError('NOT_FOUND', `No order with id ${missing.join(', ')}`, { what: 'order', ids: missing });
  const notConfirmed = orders.filter((o) => o.state !== 'confirmed');
  if (notConfirmed.length > 0) {
    throw new DomainError('CONFLICT', `Only confirmed orders can be fulfilled: ${notConfirmed.map((o) => `${o.number} is ${o.state}`).join(', ')}`, {
      orders: notConfirmed.map((o) => ({ id: o.id, number: o.number, state: o.state })),
    });
  }
  const today = localDate(ctx.now());
  const byId = new Map(orders.map((o) => [o.id, o]));
  const facts = loadLineFacts(ctx, orderIds);
  const { lines, allocations, production } = facts;
  const open = lines
    // a service line (shipping, a surcharge) is neither stocked nor made
    .filter((l) => l.service !== 1)
    .map((l) => {
      const o = byId.get(l.orderId)!;
      const allocated = allocations.filter((a) => a.lineId === l.id).reduce((s, a) => s + a.qtyMilli, 0);
      const inProduction = production.filter((p) => p.lineId === l.id && p.status !== 'cancelled' && p.status !== 'completed').reduce((s, p) => s + p.qtyMilli, 0);
      return { lineId: l.id, orderId: l.orderId, orderNumber: o.number, itemId: l.itemId, needDate: o.requestedOn && o.requestedOn > today ? o.requestedOn : today, openMilli: l.qtyMilli - l.shippedMilli - allocated - inProduction };
    })
    .filter((l) => l.openMilli > 0)
    .sort((a, b) => (a.needDate < b.needDate ? -1 : a.needDate > b.needDate ? 1 : a.orderId - b.orderId || a.lineId - b.lineId));
  return { lines: open, facts };
}

/**
 * Fulfilment, planned without writing: finished stock first (FEFO, released lots), then
 * production rounded up to whole batches, grouped by product when asked; each proposal's
 * materials checked down through intermediates — an intermediate that is short gets its
 * own proposal, made first.
 */
export function planFulfilment(ctx: ReadCtx, orderIds: number[], group: boolean): Plan {
  return planWithFacts(ctx, orderIds, group).plan;
}

/** planFulfilment, with the orders' line facts as read before the plan (fulfil refreshes the orders' status from them). */
export function planWithFacts(ctx: ReadCtx, orderIds: number[], group: boolean): { plan: Plan; facts: LineFactsOf } {
  const { lines, facts } = openLines(ctx, orderIds);
  const stock = new StockView(ctx);
  // items and active recipes change only with the catalog: the plan's kept static part
  // (planStatic.ts: read again only after a write to their tables or another connection's commit)
  const fixed = planStatic(ctx);
  const lookup = (itemId: number): RecipeDef | undefined => fixed.active.get(itemId);
  const refs = new Map<number, ItemRef>();
  const ref = (id: number): ItemRef => {
    let r = refs.get(id);
    if (!r) {
      const i = fixed.itemRows.get(id)!;
      refs.set(id, (r = { id: i.id, sku: i.sku, name: i.name, kind: i.kind, unit: i.unit }));
    }
    return r;
  };

  // every line's item: its stock lot by lot (FEFO takes from them) in two reads for the whole order, not two per line
  stock.prefetch(lines.map((l) => l.itemId));

  const reservations: Plan['reservations'] = [];
  const needs: { itemId: number; needDate: string; lines: { orderLineId: number; orderNumber: string; qtyMilli: number }[] }[] = [];
  for (const line of lines) {
    const taken = stock.takeLots(line.itemId, line.openMilli, line.needDate);
    for (const t of taken) reservations.push({ orderLineId: line.lineId, orderNumber: line.orderNumber, item: ref(line.itemId), lotId: t.lotId, lotCode: t.code, qtyMilli: t.qtyMilli });
    const rest = line.openMilli - taken.reduce((s, t) => s + t.qtyMilli, 0);
    if (rest <= 0) continue;
    const entry = { orderLineId: line.lineId, orderNumber: line.orderNumber, qtyMilli: rest };
    const existing = group ? needs.find((n) => n.itemId === line.itemId) : undefined;
    if (existing) existing.lines.push(entry);
    else needs.push({ itemId: line.itemId, needDate: line.needDate, lines: [entry] });
  }

  const unmakeable: Plan['unmakeable'] = [];
  let seq = 0;
  const propose = (itemId: number, qtyMilli: number, needDate: string, linesServed: ProposalOut['lines'], depth: number): ProposalOut | null => {
    const recipe: RecipeDef | undefined = lookup(itemId);
    if (!recipe || depth > 20) return null;
    const batches = Math.max(1, Math.ceil(qtyMilli / recipe.yieldMilli));
    const children: ProposalOut[] = [];
    const materials = recipe.components.map((c) => {
      const needed = componentNeed(c, batches);
      const available = stock.available(c.itemId, needDate);
      const short = Math.max(0, needed - available);
      stock.takeQuantity(c.itemId, Math.min(needed, available));
      if (short > 0 && lookup(c.itemId)) {
        const child = propose(c.itemId, short, needDate, [], depth + 1);
        if (child) {
          children.push(child);
          // what the child makes beyond the shortfall is free for the next proposals
          stock.takeQuantity(c.itemId, -(child.qtyMilli - short));
        }
      }
      return { item: ref(c.itemId), neededMilli: needed, availableMilli: Math.min(available, needed), shortMilli: short };
    });
    const coveredByChildren = new Set(children.map((ch) => ch.item.id));
    const materialsShort = materials.some((m) => m.shortMilli > 0 && !coveredByChildren.has(m.item.id)) || children.some((ch) => ch.materialsShort);
    return {
      key: `p${++seq}`,
      item: ref(itemId),
      recipeId: recipe.recipeId,
      recipeVersion: recipe.version,
      batches,
      qtyMilli: mulDivRound(recipe.yieldMilli, batches, 1, 'half_up'),
      lines: linesServed,
      materials,
      materialsShort,
      children,
    };
  };

  const proposals: ProposalOut[] = [];
  // the components of every tree that may be made, all levels, counted in two reads (what is
  // read and not used is the stock of a component a proposal finds enough of, deeper down)
  const components = new Set<number>();
  let level = [...new Set(needs.map((n) => n.itemId))];
  for (let depth = 0; level.length > 0 && depth <= 20; depth++) {
    const next = new Set<number>();
    for (const id of level) for (const c of lookup(id)?.components ?? []) if (!components.has(c.itemId)) next.add(c.itemId);
    for (const id of next) components.add(id);
    level = [...next].filter((id) => lookup(id) !== undefined);
  }
  // the days their availability is asked on: the needs' own
  const days = needs.map((n) => n.needDate).sort();
  if (days.length > 0) stock.prefetchCounted([...components], days[0]!, days[days.length - 1]!);
  for (const n of needs) {
    const qty = n.lines.reduce((s, l) => s + l.qtyMilli, 0);
    const p = propose(n.itemId, qty, n.needDate, n.lines, 0);
    if (p) proposals.push(p);
    else for (const l of n.lines) unmakeable.push({ orderLineId: l.orderLineId, orderNumber: l.orderNumber, item: ref(n.itemId), missingMilli: l.qtyMilli });
  }
  return { plan: { reservations, proposals, unmakeable }, facts };
}
