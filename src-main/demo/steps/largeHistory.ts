/**
 * Ten years of a busy small producer, for the benchmark: half a million customer orders
 * from every channel, the production that served them (through up to four levels of
 * intermediates, with genealogy), the purchases that fed it (supplier lots, DDTs,
 * quarantine releases), what expired and was scrapped, the year-end counts, and the
 * shipments — as 'ship' movements of the finished lots against the customer order, with
 * the lines' shipped quantity, the way shipping will write them.
 *
 * The commands would take hours for this, so the step simulates the workshop in memory
 * (every lot's quantity, what is reserved on it, which order line each finished lot
 * went to) and writes the rows with prepared INSERTs, in an order that satisfies every
 * foreign key. It keeps the rules the commands keep: a lot is only used when released
 * and in date, stock never goes below zero or below what is reserved, balances and
 * on-hand equal the sum of the ledger, every movement, reservation and lot points at an
 * existing document, numbers are gap-free per year (and the `sequences` table continues
 * them), the stored order status and total are what refreshOrders computes.
 *
 * The last weeks are open, as on any working day: orders not yet looked at, fulfilled
 * with production planned (some held up by a late supplier), being made (materials
 * reserved lot by lot), made and waiting to ship (finished lots allocated).
 *
 * "Today" is the caller's clock; the benchmark builds with 2026-01-01.
 */
import { lineNetCents, orderStatus, type LineFacts } from '../../../src-shared/domain/orderStatus';
import type { Ctx } from '../../api/context';
import { STOCK_DOCUMENT } from '../../modules/inventory/documents';
import { niceRoundUp } from '../paperwork';
import type { Rng } from '../rng';
import type { DemoParty, DemoState, DemoStep } from '../types';
import { CUSTOMER_ORDER, LARGE_HISTORY, OPEN_DAYS, DAY_MS, type LargeHistoryOptions, type Phase, type ItemSim, type LotSim, type Pick, type LineSim } from './largeHistoryModel';
import { SupplySim } from './largeHistorySupply';

export { LARGE_HISTORY, type LargeHistoryOptions } from './largeHistoryModel';

export class LargeHistory extends SupplySim {
  // ——— selling ———

  protected pickProduct(): ItemSim {
    const r = this.rng.next() * this.popularityTotal;
    let lo = 0;
    let hi = this.popularity.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.popularity[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.products[lo]!;
  }

  protected lineQty(item: ItemSim, customer: DemoParty): number {
    if (item.unit === 'kg') return customer.profile === 'private' ? 1000 : this.rng.int(1, 4) * 1000;
    if (customer.profile === 'private') return this.rng.weighted([[1, 6], [2, 3], [3, 1]] as const) * 1000;
    if (customer.profile === 'hotel') return this.rng.int(2, 5) * 10_000;
    return this.rng.int(1, 2) * 6000;
  }

  protected ordersOn(day: number, expected: number): void {
    const n = Math.floor(expected) + (this.rng.next() < expected - Math.floor(expected) ? 1 : 0);
    for (let i = 0; i < n; i++) this.order(day, i);
  }

  protected order(day: number, index: number): void {
    const age = this.today - day;
    const isPrivate = this.rng.chance(0.45);
    const customer = isPrivate ? this.rng.pick(this.privates) : this.rng.pick(this.businesses);
    const channel = isPrivate
      ? this.rng.weighted([['shopify', 10], ['etsy', 4], ['woocommerce', 3], ['email', 1]] as const)
      : customer.profile === 'foreign'
        ? this.rng.pick(['email', 'wholesale'] as const)
        : this.rng.weighted([['wholesale', 4], ['email', 3], ['phone', 3], ['manual', 1], ['shop', 1]] as const);
    const draft = age < 3 ? this.rng.chance(0.05) : this.rng.chance(0.0005);
    const cancelled = !draft && this.rng.chance(0.01);
    const phase: Phase = age >= OPEN_DAYS ? 'shipped' : age >= 12 ? 'ready' : age >= 6 ? 'released' : age >= 2 ? 'planned' : 'new';
    const id = this.nextOrderId++;
    const year = this.ds(day).slice(0, 4);
    const number = `${year}/${String(this.next(`order:${year}`)).padStart(4, '0')}`;
    const count = isPrivate ? this.rng.weighted([[1, 10], [2, 6], [3, 3], [4, 1]] as const) : this.rng.int(2, 8);
    const lines: LineSim[] = [];
    const seen = new Set<ItemSim>();
    const wholesale = channel === 'wholesale';
    for (let i = 0; i < count; i++) {
      const item = this.pickProduct();
      if (seen.has(item)) continue;
      seen.add(item);
      lines.push({
        id: this.nextLineId++,
        item,
        qty: this.lineQty(item, customer),
        priceCents: item.priceCents,
        discountBp: wholesale ? this.rng.pick([3000, 3500, 4000]) : !isPrivate && this.rng.chance(0.3) ? 1000 : 0,
        vatBp: customer.profile === 'foreign' ? 0 : 2200,
        shipped: 0,
        allocated: 0,
        production: [],
      });
    }
    const links: [number, number, number][] = [];
    const reservations: [LotSim, number, number][] = [];
    const ships: Pick[] = [];
    // what take() held for the order: shipped in a few days, or kept as the line's allocation
    const hold = (p: Pick, lineId: number) => {
      if (phase === 'shipped') ships.push(p);
      else reservations.push([p.lot, p.qty, lineId]);
    };
    let last = day;
    const active = !draft && !cancelled && phase !== 'new';
    const view = new Map<number, number>();
    if (active) {
      for (const l of lines) {
        // finished stock first, what will still be in date when it ships
        const stock = this.take(l.item, l.qty, day, day + 10);
        let rest = l.qty;
        for (const p of stock) {
          rest -= p.qty;
          hold(p, l.id);
          l.allocated += p.qty;
        }
        if (rest <= 0) continue;
        const v = this.version(l.item, day);
        if (!v) {
          // a resold article: ordered from the supplier; later phases have it by now
          if (phase === 'planned') continue;
          this.buy(l.item, rest, day);
          for (const p of this.take(l.item, rest, day)) {
            hold(p, l.id);
            l.allocated += p.qty;
          }
          continue;
        }
        // the batch covers the line and refills the shelf for the next weeks (the planner rounds it up)
        const batches = Math.ceil((rest + Math.max(l.item.reorder, l.item.threeWeeks)) / v.yieldMilli);
        if (phase === 'planned') {
          const p = this.plan(l.item, rest, day, null, view);
          links.push([p.id, l.id, rest]);
          l.production.push({ status: 'planned', materialsShort: p.short });
          continue;
        }
        const made = day + this.rng.int(phase === 'shipped' ? 0 : 1, 2);
        if (phase === 'released') {
          const p = this.produce(l.item, batches, made, null, 'release', day);
          links.push([p.id, l.id, rest]);
          l.production.push({ status: 'released', materialsShort: false });
          last = Math.max(last, made);
          continue;
        }
        const p = this.produce(l.item, batches, made, null, 'complete', day);
        links.push([p.id, l.id, rest]);
        l.production.push({ status: 'completed', materialsShort: false });
        p.output!.reserved += rest;
        hold({ lot: p.output!, qty: rest }, l.id);
        l.allocated += rest;
        last = Math.max(last, made);
      }
    }
    // shipped: everything leaves together a few days after the last batch
    if (phase === 'shipped' && active) {
      const shipDay = Math.min(this.today - 1, last + this.rng.int(1, 3));
      for (const p of ships) {
        this.useUp(p, 'ship', CUSTOMER_ORDER, id, shipDay, '16:30');
        this.compact(p.lot.item);
      }
      for (const l of lines) {
        l.shipped = l.qty;
        l.allocated = 0;
      }
      last = shipDay;
    }
    const state = draft ? 'draft' : cancelled ? 'cancelled' : 'confirmed';
    const facts: LineFacts[] = lines.map((l) => ({ qtyMilli: l.qty, shippedMilli: l.shipped, allocatedMilli: l.allocated, production: l.production }));
    const total = lines.reduce((s, l) => s + lineNetCents(l.qty, l.priceCents, l.discountBp), 0);
    const hh = String(8 + (index % 10)).padStart(2, '0');
    const created = this.stamp(day, `${hh}:${String((index * 7) % 60).padStart(2, '0')}`);
    this.w.order({
      id,
      number,
      customerId: customer.id,
      channel,
      externalRef: this.refs.next(channel),
      state,
      orderedOn: this.ds(day),
      requestedOn: isPrivate ? null : this.ds(day + this.rng.int(7, 21)),
      notes: customer.profile === 'foreign' ? 'Cessione intracomunitaria non imponibile' : '',
      status: orderStatus(state, facts),
      totalCents: total,
      createdAt: created,
      updatedAt: last === day ? created : this.stamp(last, '16:30'),
      confirmedAt: state === 'draft' ? null : created,
      cancelledAt: cancelled ? this.stamp(day + (age > 0 ? 1 : 0), '10:00') : null,
    });
    lines.forEach((l, i) => this.w.line(l.id, id, i + 1, l.item.id, l.qty, l.priceCents, l.discountBp, l.vatBp, l.shipped));
    for (const [po, line, q] of links) this.w.link(po, line, q);
    for (const [lot, q, lineId] of reservations) this.w.reservation(lot.item.id, lot.id, q, CUSTOMER_ORDER, id, lineId, this.stamp(Math.min(last, this.today), '16:00'));
    this.counts.orders++;
    this.counts.orderLines += lines.length;
  }

  /** A few products a day whose shelf stock is low get a batch made for the shelf. */
  protected makeToStock(day: number): void {
    for (let i = 0; i < 3; i++) {
      const item = this.pickProduct();
      const v = this.version(item, day);
      if (!v || item.reorder <= 0 || this.available(item, day) >= item.reorder) continue;
      this.produce(item, Math.max(1, Math.ceil(item.reorder / v.yieldMilli)), day, null, 'complete', day, 'Produzione per il magazzino');
      this.counts.makeToStock++;
    }
  }

  /** 31 December: some lots are counted and found a little off. */
  protected yearEndCount(day: number): void {
    for (const item of this.items.values()) {
      if (item.kind !== 'material' || !this.rng.chance(0.15)) continue;
      for (let i = item.head; i < item.lots.length; i++) {
        const l = item.lots[i]!;
        if (l.onHand <= 0 || l.reserved > 0 || l.from > day || !this.rng.chance(0.5)) continue;
        const step = item.unit === 'pcs' ? 1000 : 1;
        const diff = Math.round((l.onHand * this.rng.int(-20, 8)) / 1000 / step) * step;
        if (diff === 0 || l.onHand + diff < 0) continue;
        this.move(l, 'adjust', diff, STOCK_DOCUMENT, this.dayDoc('count', day), day, 'Inventario di fine anno', '17:30');
        this.counts.counts++;
      }
      this.compact(item);
    }
  }

  run(): Record<string, number> {
    const t = (label: string, since: number) => (this.timings[label] = Math.round(performance.now() - since));
    let t0 = performance.now();
    // a few materials whose supplier is late at the end: below reorder, holding orders up
    for (const item of this.items.values()) if (item.kind === 'material' && this.rng.chance(0.03)) item.late = true;

    // orders per day: the business grows, Christmas is busy, August is quiet, Sundays too
    const SEASON = [0.8, 0.8, 0.9, 1, 1, 0.85, 0.7, 0.55, 0.9, 1.1, 1.4, 1.6];
    const weights: number[] = [];
    for (let d = this.start; d <= this.today; d++) {
      const date = new Date(d * DAY_MS);
      const wd = date.getUTCDay();
      weights.push((0.6 + (0.8 * (d - this.start)) / this.opts.days) * SEASON[date.getUTCMonth()]! * (wd === 0 ? 0.3 : wd === 6 ? 0.55 : 1.15));
    }
    const scale = this.opts.orders / weights.reduce((s, x) => s + x, 0);
    for (let d = this.start; d <= this.today; d++) {
      const date = this.ds(d);
      if (date.endsWith('-12-31') && d < this.today) this.yearEndCount(d);
      if (d <= this.today - 3) this.makeToStock(d);
      this.ordersOn(d, weights[d - this.start]! * scale);
    }
    t('simulate', t0);
    t0 = performance.now();
    this.finish();
    t('finish', t0);
    return {
      lots: this.counts.lots,
      movements: this.w.movements,
      orders: this.counts.orders,
      orderLines: this.counts.orderLines,
      productionOrders: this.counts.productionOrders,
    };
  }

  /** Loose ends, the FEFO item's lots, then on-hand, balances and the number series. */
  protected finish(): void {
    const today = this.today;
    // what expired long ago and is still on the shelf was scrapped the week after
    for (const lot of this.allLots) {
      if (lot.expires !== null && lot.expires < today - 30 && lot.onHand - lot.reserved > 0) this.scrap(lot, Math.min(today, lot.expires + this.rng.int(1, 10)));
    }
    // lots delivered the last two days are waiting for the lab
    const quarantined = [...this.items.values()].filter((i) => i.quarantine && i.supplierId !== null && !this.state.itemsById.get(i.id)?.archived);
    for (const item of this.rng.sample(quarantined, 12)) this.receive(item, niceRoundUp(Math.max(item.reorder, 1000) * 2), today - this.rng.int(0, 2), true);
    // one material kept in many small lots: bought for a line that never started
    const usedIds = new Set<number>();
    for (const it of this.items.values()) for (const v of it.versions) for (const c of v.comps) usedIds.add(c.itemId);
    const fefo = [...this.items.values()]
      .filter((i) => i.kind === 'material' && !usedIds.has(i.id) && !i.quarantine && i.supplierId !== null && !this.state.itemsById.get(i.id)?.archived)
      .sort((a, b) => (b.shelf ?? 9999) - (a.shelf ?? 9999) || a.id - b.id)[0];
    if (fefo) {
      for (let i = 0; i < this.opts.fefoLots; i++) {
        const day = today - this.opts.fefoLots + i;
        this.receive(fefo, this.rng.int(2, 40) * (fefo.unit === 'pcs' ? 10_000 : 500), day, false, day + 365 + this.rng.int(0, 1095));
      }
    }
    // on hand, reserved and balances as the ledger says
    for (const lot of this.allLots) {
      this.w.balance(lot.id, this.location, lot.onHand);
      if (lot.onHand !== 0 || lot.reserved !== 0) this.w.lotTotals(lot.id, lot.onHand, lot.reserved);
    }
    for (const [key, value] of this.numberSeq) this.w.sequence(key, value);
    for (const [prefix, value] of this.lotSeq) this.w.sequence(`lot:${prefix}`, value);
  }
}

const BULK_TABLES = ['lots', 'stock_movements', 'stock_documents', 'reservations', 'lot_status_changes', 'customer_orders', 'order_lines', 'production_orders', 'production_links', 'lot_genealogy'];

/**
 * Writes the large history. The secondary indexes of the tables it fills are dropped
 * first and built again at the end (from their own definitions in sqlite_master): one
 * sorted build instead of millions of scattered inserts; rebuilding a unique index also
 * proves the generated codes and numbers are unique. All inside the caller's transaction.
 */
export function writeLargeHistory(ctx: Ctx, rng: Rng, state: DemoState, opts: LargeHistoryOptions = LARGE_HISTORY): { counts: Record<string, number>; timings: Record<string, number> } {
  const db = ctx.sqlite;
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -1000000');
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY name`)
    .all(JSON.stringify(BULK_TABLES)) as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
  const h = new LargeHistory(ctx, rng, state, opts);
  const counts = h.run();
  let t = performance.now();
  for (const i of indexes) db.exec(i.sql);
  h.timings.indexes = Math.round(performance.now() - t);
  t = performance.now();
  db.exec('ANALYZE');
  h.timings.analyze = Math.round(performance.now() - t);
  db.pragma(`cache_size = ${cacheBefore}`);
  return { counts, timings: h.timings };
}

export const largeHistoryStep: DemoStep = {
  name: 'large-history',
  run(ctx: Ctx, rng: Rng, state: DemoState) {
    if (state.scale !== 'large') return {};
    const { counts, timings } = writeLargeHistory(ctx, rng, state);
    if (process.env.BOTTEGA_DEMO_TIMINGS) process.stderr.write(`[demo] large history (ms): ${JSON.stringify(timings)}\n`);
    return counts;
  },
};
