/**
 * The plan: netting of every open demand (order lines, planned production) and the
 * finite-capacity queue of the production already planned, earliest due first. Shortages,
 * promises and the schedule are all read from one plan, so they never disagree.
 */
import { CapacityBoard } from './capacity';
import type { WorkCalendar } from './calendar';
import { LineDemands } from './lineDemands';
import { LineGroups } from './lineGroups';
import { membersOf, type MaterialGroup } from './materialGroups';
import { dayNumber, Netting, type Demand } from './netting';
import { PlannedMaterials } from './plannedMaterials';
import { later, mergeFacts, type Bookings, type MadeSlot, type Readiness, type ScheduledJob } from './planResults';
import { inheritedDueDates, productionMaps, queueOrder, type ProductionMaps } from './productionTree';
import { productionUnder } from './productionUnder';
import { openLinesByColumn, type DemandSource, type OpenProduction, type PlanningSnapshot } from './types';

export type { Bookings, MadeSlot, Readiness, ScheduledJob, Unknown } from './planResults';

/** the queue placed to its end (job() asks it before every job it answers: one function, not a closure per call) */
const NEVER_ENOUGH = (): boolean => false;

export class Plan {
  readonly netting: Netting;
  private readonly queue: CapacityBoard;
  private scheduled = false;
  /** each open order's line demands (its lines of made items are members of their groups: lineGroups.ts) */
  readonly lineDemands: LineDemands;
  private readonly lineGroups: LineGroups;
  private readonly materials: PlannedMaterials;
  readonly jobs = new Map<number, ScheduledJob>();
  private readonly visiting = new Set<number>();

  constructor(
    readonly snap: PlanningSnapshot,
    readonly cal: WorkCalendar,
  ) {
    this.netting = new Netting(snap);
    this.lineGroups = new LineGroups(this.netting);
    this.lineDemands = new LineDemands(this.netting);
    this.materials = new PlannedMaterials(this.netting, snap);
    this.queue = new CapacityBoard(cal, snap.today);
    // one cause per order, whoever names it: its lines and every production order working for it
    // (an intermediate's production names its parent's orders: 25,000 planned orders with the open orders quadrupled)
    const orderSources = new Map<number, DemandSource>();
    const orderSource = (id: number, number: string): DemandSource => {
      let s = orderSources.get(id);
      if (!s) orderSources.set(id, (s = { kind: 'order', id, number }));
      return s;
    };
    for (const p of snap.production) {
      if (p.status !== 'planned') continue; // released and started orders hold their materials already
      const sources: DemandSource[] = [{ kind: 'production', id: p.id, number: p.number }];
      for (const o of p.orders) sources.push(orderSource(o.id, o.number));
      this.materials.addProduction(p, sources);
    }
    // the lines of one order share one list of causes (nothing changes it): 20,000 lines, a few thousand lists;
    // they come one order after another (an order whose lines came in two runs would get a list per run: the same causes)
    let orderId = NaN;
    let sources: DemandSource[] = [];
    let needOn = '';
    let day = 0;
    const lines = this.lineDemands;
    const line = (lineOrderId: number, orderNumber: string, itemId: number, openMilli: number, requestedOn: string | null): void => {
      if (openMilli <= 0) return;
      if (lineOrderId !== orderId) {
        orderId = lineOrderId;
        // the production orders' causes name some orders already; the others are named here once (no map entry per order)
        sources = [orderSources.get(orderId) ?? { kind: 'order', id: orderId, number: orderNumber }];
      }
      const on = requestedOn ?? snap.today;
      if (on !== needOn) {
        needOn = on;
        day = dayNumber(on);
      }
      // a made item's line joins its item and day's group (lineGroups.ts); a bought one is a demand of its own
      if (snap.recipeOf(itemId)) lines.addMember(orderId, this.lineGroups.add(itemId, openMilli, needOn, day, sources));
      else lines.addDemand(orderId, this.netting.newDemand(itemId, openMilli, needOn, sources, 0, day));
    };
    const byColumn = openLinesByColumn.get(snap);
    if (byColumn) byColumn(line);
    else for (const l of snap.lines) line(l.orderId, l.orderNumber, l.itemId, l.openMilli, l.requestedOn);
    this.netting.groupChild = this.materials.groupChild;
    this.netting.settleGroup = this.lineGroups.settle;
    this.netting.run();
  }

  /**
   * The materials of a demand's new make, each its own demand (a bought one stands as its
   * group's demand in the netting and is handed out when first asked: plannedMaterials.ts).
   */
  materialsOf(d: Demand): Demand[] {
    return this.materials.materialsOf(d);
  }

  /** A planned production order's material demands (undefined: not planned), each its own. */
  productionDemandsOf(productionId: number): Demand[] | undefined {
    return this.materials.productionDemandsOf(productionId);
  }

  /** The group a demand of the netting stands for (bought materials of planned production or new makes), if it is one. */
  groupOf(d: Demand): MaterialGroup | undefined {
    return this.materials.groupOf(d);
  }

  /** The members of the group of order lines a demand of the netting stands for (lineGroups.ts); null: not one. */
  lineMembersOf(d: Demand): Demand[] | null {
    return this.lineGroups.membersOf(d);
  }

  /** A group's members as demands of their own. */
  productionDemandsOfGroup(g: MaterialGroup): Demand[] {
    return membersOf(g, this.netting);
  }

  /** The capacity left after the queue of existing production (queued on first use: shortages do not need it). */
  get board(): CapacityBoard {
    this.queueUntil(NEVER_ENOUGH);
    return this.queue;
  }

  private openProductionMaps: ProductionMaps | null = null;

  /**
   * Open production by id, and the orders making an intermediate for another one (they run
   * first): only the queue reads them, so they are made when it is first placed — a shortage
   * list never is (84,000 open production orders with the open orders quadrupled).
   */
  private get openProduction(): ProductionMaps {
    return (this.openProductionMaps ??= productionMaps(this.snap.production));
  }

  /** the queue's order (earliest due first), made on first use, and how far it has been placed */
  private queueOrder: OpenProduction[] | null = null;
  private queuedUpTo = 0;

  /**
   * Places the existing production in the queue's order until `enough()` answers true
   * (asked before each job) or all is placed. Each job is placed where the whole queue
   * in one go would place it: the order does not depend on where it stops, and a later
   * call (or `board`, `job`) goes on from there. While the queue is being placed, jobs
   * asked for (the materials one job takes from another) are placed out of turn, as in
   * one go; only the outermost call walks the order.
   */
  queueUntil(enough: () => boolean): void {
    if (this.scheduled) return; // all placed, or being placed by an outer call
    this.scheduled = true;
    const due = this.effectiveDue();
    const order = (this.queueOrder ??= queueOrder(this.openProduction.byId, due));
    while (this.queuedUpTo < order.length && !enough()) this.scheduleExisting(order[this.queuedUpTo++]!, due);
    if (this.queuedUpTo < order.length) {
      this.scheduled = false; // stopped early: the rest is placed on the next call
      return;
    }
    this.queueOrder = null;
    this.queued = true;
  }

  /**
   * The least room on a day any booking of the queue needs: its jobs' batches, and the
   * new production of any item the netting may make (an intermediate a job waits for is
   * booked in the queue with the item's active recipe).
   */
  private smallestBooking(): number {
    let need = Infinity;
    for (const p of this.openProduction.byId.values()) need = Math.min(need, this.queue.roomNeeded(p.recipe.batchMinutes));
    for (const itemId of this.netting.demands.keys()) {
      const r = this.snap.recipeOf(itemId);
      if (r) need = Math.min(need, this.queue.roomNeeded(r.batchMinutes));
    }
    return need;
  }

  /**
   * The minutes the queue of existing production puts on each of `dates`, placing the
   * queue only until none of them has room for a booking the queue can still make: a job
   * (or the new intermediate it books) needs that room on a day, so it can only land after
   * them, and the minutes are those of the whole queue — the schedule's scheduledMinutes,
   * without placing years of backlog to read a week.
   */
  queuedMinutesOn(dates: readonly string[]): number[] {
    const need = this.smallestBooking();
    this.queueUntil(() => dates.every((d) => this.queue.freeOn(d) < need));
    const at = new Map(dates.map((d, i) => [d, i]));
    const minutes = dates.map(() => 0);
    for (const job of this.jobs.values()) {
      for (const slotDay of job.slot.days) {
        const i = at.get(slotDay.date);
        if (i !== undefined) minutes[i]! += slotDay.minutes;
      }
    }
    return minutes;
  }

  /** The date a demand's goods are there to use (stock today, a purchase, existing production, a new purchase by lead time). */
  readiness(d: Demand, extraMake?: (d: Demand) => MadeSlot): Readiness {
    const base = this.supplyReadiness(d);
    if (!d.make && !d.fromMakeOf) return base;
    const r: Readiness = { on: base.on, unknown: base.unknown.slice(), materialsOn: base.materialsOn, materialsBy: base.materialsBy };
    // the batch whose surplus covers part of it (booked first: it was netted first), then its own
    if (d.fromMakeOf) this.waitForMake(r, d.fromMakeOf, extraMake);
    if (d.make) this.waitForMake(r, d, extraMake);
    if (r.unknown.length > 0) r.on = null;
    return r;
  }

  private waitForMake(r: Readiness, makeOf: Demand, extraMake: ((d: Demand) => MadeSlot) | undefined): void {
    const made = extraMake ? extraMake(makeOf) : null;
    r.on = later(r.on, made?.end ? this.cal.nextWorkingDay(made.end) : null);
    if (made) mergeFacts(r, made.inputs);
  }

  /** the queue of existing production is all placed: readiness from what a demand takes and buys is final (kept on the demand) */
  private queued = false;

  /**
   * A demand's readiness without the new production it needs. Once the queue of existing
   * production is made it cannot change, so it is worked out once per demand: the orders
   * covered by one another's surplus ask it again for the same demands, order after order.
   * (While the queue is being made a job may not be placed yet: then it is not remembered.)
   */
  private supplyReadiness(d: Demand): Readiness {
    const known = d.supplyReady;
    if (known) return known;
    const r: Readiness = { on: this.snap.today, unknown: [], materialsOn: null, materialsBy: null };
    // by index, as in every loop a promise list runs per demand: a demand's takes may be the shared
    // frozen empty list, and for…of over both kinds of list made an iterator result per take
    const takes = d.takes;
    for (let k = 0; k < takes.length; k++) {
      const t = takes[k]!;
      if (t.kind === 'stock') continue;
      if (t.ref.kind === 'production') {
        const job = this.job(t.ref.id);
        r.on = later(r.on, job ? this.cal.nextWorkingDay(job.slot.to) : null);
        if (job) mergeFacts(r, job.materials);
        continue;
      }
      if (t.date === null) r.unknown.push({ reason: 'purchase_without_date', itemId: d.itemId, purchaseOrderNumber: t.ref.number });
      else if (r.materialsOn === null || t.date > r.materialsOn) {
        r.materialsOn = t.date;
        r.materialsBy = t.ref.number;
      }
      r.on = later(r.on, t.date === null ? null : this.usableAfter(t.date));
    }
    if (d.toBuyMilli > 0) {
      const lt = this.snap.supply.leadTimeDays(d.itemId);
      if (lt === null) r.unknown.push({ reason: 'no_lead_time', itemId: d.itemId });
      else {
        const on = this.cal.addWorkingDays(this.snap.today, lt);
        if (r.materialsOn === null || on > r.materialsOn) {
          r.materialsOn = on;
          r.materialsBy = null;
        }
        r.on = later(r.on, this.usableAfter(on));
      }
    }
    if (r.unknown.length > 0) r.on = null;
    if (this.queued) d.supplyReady = r;
    return r;
  }

  /** Materials of a set of demands: the latest of them, and everything unknown. */
  readinessOfAll(list: Demand[], extraMake?: (d: Demand) => MadeSlot): Readiness {
    const each: Readiness[] = new Array<Readiness>(list.length);
    for (let i = 0; i < list.length; i++) each[i] = this.readiness(list[i]!, extraMake);
    return this.latestOf(each);
  }

  /** The latest of readinesses already worked out, and everything unknown in them. */
  latestOf(list: Readiness[]): Readiness {
    const all: Readiness = { on: this.snap.today, unknown: [], materialsOn: null, materialsBy: null };
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
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

  private readonly baseMakes = new Map<Demand, MadeSlot>();

  /**
   * The capacity left after the queue, to promise orders on, with the new production the
   * queue booked already (intermediates of planned orders). Promises share one memory of
   * bookings per board, not one per order: an order covered by the surplus of another
   * order's batch waits for that same booking. (With a memory per order each covered order
   * booked the batch again: 74,000 bookings for 5,329 new batches in a full bench run;
   * 22,728 instead of 4,028 on the large dataset with its open orders quadrupled, the
   * latest promise in 2107 instead of 2083.)
   */
  bookings(): Bookings {
    const board = this.board.clone(); // queues the existing production first: baseMakes is complete after it
    return { board, made: new Map(this.baseMakes) };
  }

  /**
   * The new production a demand waits for: the makes that cover it (the one whose surplus
   * it takes, its own) and, all the way down, the makes their inputs wait for.
   */
  makesUnder(d: Demand, into: Set<Demand>): void {
    if (d.fromMakeOf) this.addMake(d.fromMakeOf, into);
    if (d.make) this.addMake(d, into);
  }

  private addMake(makeOf: Demand, into: Set<Demand>): void {
    if (into.has(makeOf)) return;
    into.add(makeOf);
    for (const c of this.materialsOf(makeOf)) this.makesUnder(c, into);
  }

  /**
   * Books the new production a demand needs (after its own inputs are usable) on a board,
   * once per demand and board (`memo` belongs to the board); returns the day it ends, null
   * when its inputs cannot be dated.
   */
  makeEnd(d: Demand, board: CapacityBoard, memo: Map<Demand, MadeSlot>): MadeSlot {
    const known = memo.get(d);
    if (known) return known;
    const pending: MadeSlot = { end: null, slot: null, inputs: { on: null, unknown: [], materialsOn: null, materialsBy: null } };
    memo.set(d, pending); // recipes are acyclic; this only keeps a broken ring finite
    const inputs = this.readinessOfAll(this.materialsOf(d), (c) => this.makeEnd(c, board, memo));
    const made: MadeSlot = { end: null, slot: null, inputs };
    if (inputs.on !== null && d.make) {
      made.slot = board.place(d.make.batches, d.make.recipe.batchMinutes, this.startOn(inputs.on));
      made.end = made.slot.to;
    }
    memo.set(d, made);
    return made;
  }

  /** The existing production orders a demand waits for, all the way down (productionUnder.ts). */
  productionUnder(d: Demand): readonly number[] {
    return productionUnder(this, d);
  }

  job(productionId: number): ScheduledJob | undefined {
    void this.board; // the whole queue, earliest due first, before any one job is read
    const done = this.jobs.get(productionId);
    if (done) return done;
    const p = this.openProduction.byId.get(productionId);
    return p ? this.scheduleExisting(p, this.effectiveDue()) : undefined;
  }

  private scheduleExisting(p: OpenProduction, due: Map<number, string>): ScheduledJob | undefined {
    const done = this.jobs.get(p.id);
    if (done || this.visiting.has(p.id)) return done;
    this.visiting.add(p.id);
    // an intermediate this order needs and nobody makes yet is booked in the queue before it
    const materials = this.readinessOfAll(this.productionDemandsOf(p.id) ?? [], (d) => this.makeEnd(d, this.queue, this.baseMakes));
    let earliest = p.status === 'in_progress' ? this.snap.today : maxDate(this.snap.today, p.plannedOn);
    // unknown materials do not hold the queue: the job keeps its place, the promise says what is unknown
    if (materials.on !== null) earliest = maxDate(earliest, materials.on);
    for (const c of this.openProduction.childrenOf.get(p.id) ?? []) {
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
  private effectiveDue(): Map<number, string> {
    return (this.dueCache ??= inheritedDueDates(this.openProduction.byId));
  }
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
