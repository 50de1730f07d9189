/**
 * The plan: netting of every open demand (order lines, planned production) and the
 * finite-capacity queue of the production already planned, earliest due first. Shortages,
 * promises and the schedule are all read from one plan, so they never disagree.
 */
import { componentNeed } from '../../../../src-shared/domain/recipe';
import { CapacityBoard, type Slot } from './capacity';
import type { WorkCalendar } from '../../../../src-shared/domain/planning/calendar';
import { Netting, type Demand } from './netting';
import type { DemandSource, OpenProduction, PlanningSnapshot } from '../../../../src-shared/domain/planning/types';

/** Something the plan cannot date, named instead of guessed. */
export type Unknown = { reason: 'no_lead_time'; itemId: number } | { reason: 'purchase_without_date'; itemId: number; purchaseOrderNumber: string };

/** When a demand's goods can be used, and what that depends on. */
export interface Readiness {
  /** null when something is unknown */
  on: string | null;
  unknown: Unknown[];
  /** the latest purchase the date waits for (for the words: "materials ready 14 Oct (PO …)") */
  materialsOn: string | null;
  materialsBy: string | null;
}

/** New production booked for a demand: when it ends, and what its inputs depend on. */
export interface MadeSlot {
  end: string | null;
  slot: Slot | null;
  inputs: Readiness;
}

export interface ScheduledJob {
  production: OpenProduction;
  slot: Slot;
  dueOn: string;
  materials: Readiness;
}

export class Plan {
  readonly netting: Netting;
  private readonly queue: CapacityBoard;
  private scheduled = false;
  readonly lineDemands = new Map<number, Demand[]>();
  readonly productionDemands = new Map<number, Demand[]>();
  readonly jobs = new Map<number, ScheduledJob>();
  private readonly productionById = new Map<number, OpenProduction>();
  /** production orders making an intermediate for another one: they run first */
  private readonly childrenOf = new Map<number, OpenProduction[]>();
  private readonly visiting = new Set<number>();

  constructor(
    readonly snap: PlanningSnapshot,
    readonly cal: WorkCalendar,
  ) {
    this.netting = new Netting(snap);
    this.queue = new CapacityBoard(cal, snap.today);
    for (const p of snap.production) {
      this.productionById.set(p.id, p);
      if (p.parentId !== null) push(this.childrenOf, p.parentId, p);
      if (p.status !== 'planned') continue; // released and started orders hold their materials already
      const sources = [{ kind: 'production' as const, id: p.id, number: p.number }, ...p.orders.map((o) => ({ kind: 'order' as const, ...o }))];
      const needOn = p.plannedOn;
      this.productionDemands.set(
        p.id,
        p.recipe.components.map((c) => this.netting.newDemand(c.itemId, componentNeed(c, p.batches), needOn, sources)),
      );
    }
    // the lines of one order share one list of causes (nothing changes it): 20,000 lines, a few thousand lists
    const causeOf = new Map<number, DemandSource[]>();
    for (const l of snap.lines) {
      if (l.openMilli <= 0) continue;
      let sources = causeOf.get(l.orderId);
      if (!sources) causeOf.set(l.orderId, (sources = [{ kind: 'order', id: l.orderId, number: l.orderNumber }]));
      const d = this.netting.newDemand(l.itemId, l.openMilli, l.requestedOn ?? snap.today, sources);
      push(this.lineDemands, l.orderId, d);
    }
    this.netting.run();
  }

  /** The capacity left after the queue of existing production (queued on first use: shortages do not need it). */
  get board(): CapacityBoard {
    if (!this.scheduled) {
      this.scheduled = true;
      const due = this.effectiveDue();
      const order = [...this.productionById.values()].sort((a, b) => cmp(due.get(a.id)!, due.get(b.id)!) || this.depth(b) - this.depth(a) || a.id - b.id);
      for (const p of order) this.scheduleExisting(p, due);
    }
    return this.queue;
  }

  /** The date a demand's goods are there to use (stock today, a purchase, existing production, a new purchase by lead time). */
  readiness(d: Demand, extraMake?: (d: Demand) => MadeSlot): Readiness {
    const r: Readiness = { on: this.snap.today, unknown: [], materialsOn: null, materialsBy: null };
    const later = (date: string | null) => {
      if (date === null) r.on = null;
      else if (r.on !== null && date > r.on) r.on = date;
    };
    for (const t of d.takes) {
      if (t.kind === 'stock') continue;
      if (t.ref.kind === 'production') {
        const job = this.job(t.ref.id);
        later(job ? this.cal.nextWorkingDay(job.slot.to) : null);
        if (job) mergeFacts(r, job.materials);
        continue;
      }
      if (t.date === null) r.unknown.push({ reason: 'purchase_without_date', itemId: d.itemId, purchaseOrderNumber: t.ref.number });
      else if (r.materialsOn === null || t.date > r.materialsOn) [r.materialsOn, r.materialsBy] = [t.date, t.ref.number];
      later(t.date === null ? null : this.usableAfter(t.date));
    }
    if (d.toBuyMilli > 0) {
      const lt = this.snap.supply.leadTimeDays(d.itemId);
      if (lt === null) r.unknown.push({ reason: 'no_lead_time', itemId: d.itemId });
      else {
        const on = this.cal.addWorkingDays(this.snap.today, lt);
        if (r.materialsOn === null || on > r.materialsOn) [r.materialsOn, r.materialsBy] = [on, null];
        later(this.usableAfter(on));
      }
    }
    // the batch whose surplus covers part of it, then its own (both, since the fix after issue 18)
    for (const makeOf of [d.fromMakeOf, d.make ? d : null]) {
      if (!makeOf) continue;
      const made = extraMake ? extraMake(makeOf) : null;
      later(made?.end ? this.cal.nextWorkingDay(made.end) : null);
      if (made) mergeFacts(r, made.inputs);
    }
    if (r.unknown.length > 0) r.on = null;
    return r;
  }

  /** Materials of a set of demands: the latest of them, and everything unknown. */
  readinessOfAll(list: Demand[], extraMake?: (d: Demand) => MadeSlot): Readiness {
    return this.latestOf(list.map((d) => this.readiness(d, extraMake)));
  }

  /** The latest of readinesses already worked out, and everything unknown in them. */
  latestOf(list: Readiness[]): Readiness {
    const all: Readiness = { on: this.snap.today, unknown: [], materialsOn: null, materialsBy: null };
    for (const r of list) {
      mergeFacts(all, r);
      if (r.on === null) all.on = null;
      else if (all.on !== null && r.on > all.on) all.on = r.on;
    }
    if (all.unknown.length > 0) all.on = null;
    return all;
  }

  /**
   * What arrives or is finished on a day is used from the next working day; only what is
   * on hand now is usable today. Readiness dates are such "usable from" dates.
   */
  usableAfter(arrival: string): string {
    return arrival < this.snap.today ? this.cal.onOrAfter(this.snap.today) : this.cal.nextWorkingDay(arrival);
  }

  /** The first working day something usable from `on` can be worked on or shipped. */
  startOn(on: string): string {
    return this.cal.onOrAfter(on < this.snap.today ? this.snap.today : on);
  }

  /** new production the queue booked (read by promiseAll: the promises book on a copy of the queue) */
  readonly baseMakes = new Map<Demand, MadeSlot>();

  /**
   * Books the new production a demand needs (after its own inputs are usable) on a board,
   * once per demand; returns the day it ends, null when its inputs cannot be dated.
   */
  makeEnd(d: Demand, board: CapacityBoard, memo: Map<Demand, MadeSlot>): MadeSlot {
    const known = memo.get(d);
    if (known) return known;
    const pending: MadeSlot = { end: null, slot: null, inputs: { on: null, unknown: [], materialsOn: null, materialsBy: null } };
    memo.set(d, pending); // recipes are acyclic; this only keeps a broken ring finite
    const inputs = this.readinessOfAll(d.children, (c) => this.makeEnd(c, board, memo));
    const made: MadeSlot = { end: null, slot: null, inputs };
    if (inputs.on !== null && d.make) {
      made.slot = board.place(d.make.batches, d.make.recipe.batchMinutes, this.startOn(inputs.on));
      made.end = made.slot.to;
    }
    memo.set(d, made);
    return made;
  }

  job(productionId: number): ScheduledJob | undefined {
    void this.board; // the whole queue, earliest due first, before any one job is read
    const done = this.jobs.get(productionId);
    if (done) return done;
    const p = this.productionById.get(productionId);
    return p ? this.scheduleExisting(p, this.effectiveDue()) : undefined;
  }

  private scheduleExisting(p: OpenProduction, due: Map<number, string>): ScheduledJob | undefined {
    const done = this.jobs.get(p.id);
    if (done || this.visiting.has(p.id)) return done;
    this.visiting.add(p.id);
    // an intermediate this order needs and nobody makes yet is booked in the queue before it
    const materials = this.readinessOfAll(this.productionDemands.get(p.id) ?? [], (d) => this.makeEnd(d, this.queue, this.baseMakes));
    let earliest = p.status === 'in_progress' ? this.snap.today : maxDate(this.snap.today, p.plannedOn);
    // unknown materials do not hold the queue: the job keeps its place, the promise says what is unknown
    if (materials.on !== null) earliest = maxDate(earliest, materials.on);
    for (const c of this.childrenOf.get(p.id) ?? []) {
      const child = this.scheduleExisting(c, due);
      if (child) earliest = maxDate(earliest, this.cal.nextWorkingDay(child.slot.to));
    }
    const slot = this.queue.place(p.batches, p.recipe.batchMinutes, earliest);
    const job = { production: p, slot, dueOn: due.get(p.id) ?? p.plannedOn, materials };
    this.jobs.set(p.id, job);
    this.visiting.delete(p.id);
    return job;
  }

  private dueCache: Map<number, string> | null = null;
  /** A component's production is due when the order it feeds is: it inherits its parent's due date. */
  private effectiveDue(): Map<number, string> {
    if (this.dueCache) return this.dueCache;
    const due = new Map<number, string>();
    const of = (p: OpenProduction, guard: number): string => {
      const known = due.get(p.id);
      if (known) return known;
      let d = p.dueOn ?? p.plannedOn;
      const parent = p.parentId !== null ? this.productionById.get(p.parentId) : undefined;
      if (parent && guard < 50) d = minDate(d, of(parent, guard + 1));
      due.set(p.id, d);
      return d;
    };
    for (const p of this.productionById.values()) of(p, 0);
    this.dueCache = due;
    return due;
  }

  private depth(p: OpenProduction): number {
    let n = 0;
    for (let q = p; q.parentId !== null && n < 50; n++) {
      const parent = this.productionById.get(q.parentId);
      if (!parent) break;
      q = parent;
    }
    return n;
  }
}

/** What a date depends on travels up: unknown facts, and the latest material arrival. */
function mergeFacts(into: Readiness, r: Readiness): void {
  for (const u of r.unknown) if (!into.unknown.some((x) => x.itemId === u.itemId && x.reason === u.reason)) into.unknown.push(u);
  if (r.materialsOn !== null && (into.materialsOn === null || r.materialsOn > into.materialsOn)) [into.materialsOn, into.materialsBy] = [r.materialsOn, r.materialsBy];
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
function push<K, V>(map: Map<K, V[]>, key: K, v: V): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}
