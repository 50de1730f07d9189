/**
 * An order being typed, netted on top of the plan of the open orders already made instead
 * of making the whole plan again with it (issue 18: 74 ms a keystroke on the large file).
 *
 * The plan made again with the typed lines differs from the plan without them only in the
 * items those lines reach (their items and, through what must be made, their materials):
 * each such item is netted again on the side, with copies of its demands, the typed ones
 * placed where the full plan would place them (by date, then by order of making: `seq`).
 * When every demand already there gets exactly what it got in the plan, the typed order's
 * demands are the only difference and the plan can promise them as it stands. When one
 * does not (the typed order takes stock or a batch's surplus from a later demand), the
 * answer is null and the caller plans everything again: the answer is never approximate.
 */
import { componentNeed, type RecipeDef } from '../recipe';
import { LINES } from './lineGroups';
import { GROUPED } from './materialGroups';
import { dayNumber, makeDemand, netList, unnetted, type Demand } from './netting';
import type { Plan } from './plan';
import type { Take } from './supply';
import type { DemandSource } from './types';

/**
 * What the typed order makes sorts between two demands of the plan made one after the other
 * (seq n and n + 1) at n + ½ + k·STEP, k counting what it made so far (far below ½).
 */
const STEP = 1e-6;

/**
 * The typed lines' demands (in line order, lines of zero left out) netted as the full plan
 * would net them, or null when they change what any demand of the plan gets.
 */
export function typedDemands(plan: Plan, lines: { itemId: number; qtyMilli: number }[], requestedOn: string | null, sources: DemandSource[]): Demand[] | null {
  const net = plan.netting;
  const snap = plan.snap;
  const order = itemOrder(plan, lines);
  if (!order) return null;
  const on = requestedOn ?? snap.today;
  const day = dayNumber(on);
  const pending = new Map<number, Demand[]>();
  // typed lines come after the plan's order lines (seq below initialCount − ½) and before anything the netting explodes
  const typed = lines.map((l, j) => makeDemand(snap.today, net.todayNumber, l.itemId, l.qtyMilli, on, sources, 0, day, net.initialCount - 1 + (j + 1) / (2 * lines.length + 2)));
  for (const d of typed) push(pending, d.itemId, d);
  let made = 0;
  for (const [itemId, start] of order) {
    const mine = pending.get(itemId);
    if (!mine) continue;
    const baseOf = new Map<Demand, Demand>();
    const list = merged(plan, net.demands.get(itemId) ?? [], mine.sort(bySortKey), baseOf);
    // what the netting explodes from this item follows what it exploded from the demands before it
    let cursor = start - 1;
    let changed = false;
    const explode = (d: Demand, recipe: RecipeDef, batches: number): Demand[] => {
      const was = baseOf.get(d);
      if (was) {
        const made = plan.materialsOf(was);
        const last = made[made.length - 1];
        if (last) cursor = last.seq;
        else changed = true; // it did not make in the plan
        return [];
      }
      return recipe.components.map((c) => {
        const child = makeDemand(snap.today, net.todayNumber, c.itemId, componentNeed(c, batches), d.needOn, d.sources, d.priority, d.day, cursor + 0.5 + ++made * STEP);
        push(pending, c.itemId, child);
        return child;
      });
    };
    netList(list, net.freshSupplyOf(itemId), snap.recipeOf(itemId), explode);
    if (changed) return null;
    for (const d of list) {
      const was = baseOf.get(d);
      const from = d.fromMakeOf === null ? null : (baseOf.get(d.fromMakeOf) ?? d.fromMakeOf);
      if (!was) {
        d.fromMakeOf = from; // the surplus of a batch the plan already makes
        continue;
      }
      if (!sameResult(d, was, from)) return null;
    }
  }
  return typed;
}

/**
 * The items the full plan nets, in its order, each with the seq the netting reaches when it
 * starts the item. An item no open demand reaches joins the order (with what it is made
 * from) and starts where the next item of the plan starts. Joining can move items of the
 * plan past each other: that is harmless unless an item gets materials exploded from two
 * parents whose starts are no longer in the order the full plan would make them (then what
 * they explode sorts another way among equal dates): null, plan again.
 */
function itemOrder(plan: Plan, lines: { itemId: number }[]): [number, number][] | null {
  const net = plan.netting;
  const added = lines.filter((l) => !net.startSeq.has(l.itemId)).map((l) => l.itemId);
  if (added.length === 0) return net.order.map((id) => [id, net.startSeq.get(id)!]);
  const order = net.topDown([...net.order, ...added]);
  const out: [number, number][] = [];
  for (let i = order.length - 1, next = net.seqCount; i >= 0; i--) {
    const id = order[i]!;
    const start = net.startSeq.get(id);
    if (start !== undefined) next = start;
    out.push([id, next]);
  }
  out.reverse();
  // each item's parents, in the order they explode into it: their starts must not go down
  const lastStartInto = new Map<number, number>();
  for (const [id, start] of out) {
    for (const c of plan.snap.recipeOf(id)?.components ?? []) {
      if ((lastStartInto.get(c.itemId) ?? -1) > start) return null;
      lastStartInto.set(c.itemId, start);
    }
  }
  return out;
}

/** The same netting result as in the plan (its materials follow from the same make). */
function sameResult(d: Demand, was: Demand, fromMakeOf: Demand | null): boolean {
  if (d.onTimeMilli !== was.onTimeMilli || d.toBuyMilli !== was.toBuyMilli || fromMakeOf !== was.fromMakeOf) return false;
  if ((d.make === null) !== (was.make === null)) return false;
  // (a different surplus left is no difference of its own: only the netting reads it, and the demands after show what it changed)
  if (d.make && d.make.batches !== was.make!.batches) return false;
  return sameTakes(d.takes, was.takes);
}

function sameTakes(a: Take[], b: Take[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.kind !== y.kind || x.qtyMilli !== y.qtyMilli) return false;
    if (x.kind === 'incoming' && y.kind === 'incoming' && (x.ref !== y.ref || x.date !== y.date || x.late !== y.late)) return false;
  }
  return true;
}

/** The plan's sort: priority, date, order of making. */
function bySortKey(a: Demand, b: Demand): number {
  return a.priority - b.priority || a.day - b.day || a.seq - b.seq;
}

/**
 * The item's sorted demands with the new ones (sorted) placed among them, as one sort of
 * all would place them; the plan's own demands as copies to net again (`baseOf` maps each
 * copy to its original). A group of exploded materials (materialGroups.ts) on a day a new
 * one asks for too is netted as its members, each in its place: a new one may sort between
 * them (the plan made again puts it among them).
 */
function merged(plan: Plan, base: Demand[], added: Demand[], baseOf: Map<Demand, Demand>): Demand[] {
  const out: Demand[] = [];
  let j = 0;
  const place = (d: Demand): void => {
    while (j < added.length && bySortKey(added[j]!, d) < 0) out.push(added[j++]!);
    const copy = unnetted(d);
    baseOf.set(copy, d);
    out.push(copy);
  };
  for (const d of base) {
    // a group of order lines: always its members (each may make, or take a batch's surplus, on its own)
    const lines = d.sources === LINES ? plan.lineMembersOf(d) : null;
    if (lines) {
      for (const m of lines) place(m);
      continue;
    }
    const g = d.sources === GROUPED ? plan.groupOf(d) : undefined;
    if (g?.seqs && added.some((a) => a.priority === d.priority && a.day === d.day)) {
      for (const m of plan.productionDemandsOfGroup(g)) place(m);
      continue;
    }
    place(d);
  }
  while (j < added.length) out.push(added[j++]!);
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, v: V): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}
