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
import { DEFAULT_LOT_PATTERN, formatLotCode, lotCodePrefix } from '../../../src-shared/domain/lotCode';
import { lineNetCents, orderStatus, type LineFacts } from '../../../src-shared/domain/orderStatus';
import { grossPerBatch } from '../../../src-shared/domain/recipeTree';
import { costOfQuantityMicros } from '../../../src-shared/domain/money';
import { localDate } from '../../../src-shared/domain/dates';
import type { Ctx } from '../../api/context';
import { defaultLocationId } from '../../modules/inventory/ledger';
import { STOCK_DOCUMENT } from '../../modules/inventory/documents';
import { readSettings } from '../../modules/settings/store';
import { historyWriter, type HistoryWriter } from '../historyWriter';
import { niceRoundUp, ShopRefs, SupplierPapers } from '../paperwork';
import type { Rng } from '../rng';
import type { DemoParty, DemoState, DemoStep } from '../types';

const CUSTOMER_ORDER = 'customer_order';
const PRODUCTION_ORDER = 'production_order';

export interface LargeHistoryOptions {
  /** days of history before today */
  days: number;
  /** customer orders over those days (about) */
  orders: number;
  /** a material kept in many small lots (the FEFO figure's item) */
  fefoLots: number;
}

export const LARGE_HISTORY: LargeHistoryOptions = { days: 3652, orders: 520_000, fefoLots: 520 };

/** Orders younger than this many days are still open. */
const OPEN_DAYS = 18;

type Phase = 'shipped' | 'ready' | 'released' | 'planned' | 'new';

interface Version {
  id: number;
  /** day number from which this version is the one used */
  from: number;
  yieldMilli: number;
  comps: { itemId: number; gross: number }[];
}

interface ItemSim {
  id: number;
  sku: string;
  kind: string;
  unit: string;
  shelf: number | null;
  quarantine: boolean;
  lotTracked: boolean;
  costMicros: number | null;
  priceCents: number;
  reorder: number;
  supplierId: number | null;
  versions: Version[];
  /** open lots, oldest first; `head` skips the ones used up */
  lots: LotSim[];
  head: number;
  /** no reorder purchases for it the last weeks (its supplier is late) */
  late: boolean;
  /** products: what three weeks of orders ask for, about (thousandths) */
  threeWeeks: number;
}

interface LotSim {
  id: number;
  item: ItemSim;
  /** the day it arrived or was made: it cannot be used before */
  from: number;
  onHand: number;
  reserved: number;
  expires: number | null;
  costMicros: number | null;
}

interface Pick {
  lot: LotSim;
  qty: number;
}

interface LineSim {
  id: number;
  item: ItemSim;
  qty: number;
  priceCents: number;
  discountBp: number;
  vatBp: number;
  shipped: number;
  allocated: number;
  production: { status: 'planned' | 'released' | 'in_progress' | 'completed'; materialsShort: boolean }[];
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

export class LargeHistory {
  private readonly w: HistoryWriter;
  private readonly today: number;
  private readonly start: number;
  private readonly dateCache = new Map<number, string>();
  private readonly items = new Map<number, ItemSim>();
  private readonly products: ItemSim[] = [];
  private readonly popularity: number[] = [];
  private popularityTotal = 0;
  private readonly privates: DemoParty[];
  private readonly businesses: DemoParty[];
  private readonly papers = new Map<number, SupplierPapers>();
  private readonly refs: ShopRefs;
  private readonly location: number;
  private readonly pattern: string;
  private readonly lotSeq = new Map<string, number>();
  private readonly numberSeq = new Map<string, number>();
  private readonly receiptDocs = new Map<string, number>();
  private readonly dayDocs = new Map<string, number>();
  private readonly allLots: LotSim[] = [];
  private nextLotId = 1;
  private nextOrderId = 1;
  private nextLineId = 1;
  private nextPoId = 1;
  private readonly counts = { lots: 0, orders: 0, orderLines: 0, productionOrders: 0, receipts: 0, scraps: 0, counts: 0, makeToStock: 0 };

  constructor(
    private readonly ctx: Ctx,
    private readonly rng: Rng,
    private readonly state: DemoState,
    private readonly opts: LargeHistoryOptions = LARGE_HISTORY,
  ) {
    this.w = historyWriter(ctx);
    this.today = dayNumber(localDate(ctx.now()));
    this.start = this.today - opts.days;
    this.location = defaultLocationId(ctx);
    this.pattern = readSettings(ctx).inventory.lotCodePattern ?? DEFAULT_LOT_PATTERN;
    this.refs = new ShopRefs(rng);
    this.privates = state.customers.filter((c) => c.profile === 'private');
    this.businesses = state.customers.filter((c) => c.profile !== 'private');
    state.suppliers.forEach((s, i) => this.papers.set(s.id, new SupplierPapers(rng, s.supplies, i)));
    this.loadCatalog();
  }

  // ——— dates ———

  private ds(day: number): string {
    let s = this.dateCache.get(day);
    if (s === undefined) {
      s = new Date(day * DAY_MS).toISOString().slice(0, 10);
      this.dateCache.set(day, s);
    }
    return s;
  }

  private stamp(day: number, hhmm: string): string {
    return `${this.ds(day)}T${hhmm}:00.000Z`;
  }

  // ——— the catalog, as the simulation needs it ———

  private loadCatalog(): void {
    const db = this.ctx.sqlite;
    const rows = db
      .prepare(
        `SELECT id, sku, kind, unit, shelf_life_days AS shelf, quarantine_on_receipt AS quarantine, lot_tracked AS lotTracked, unit_cost_micros AS cost,
                sale_price_cents AS price, reorder_point_milli AS reorder, archived FROM items ORDER BY id`,
      )
      .all() as { id: number; sku: string; kind: string; unit: string; shelf: number | null; quarantine: number; lotTracked: number; cost: number | null; price: number | null; reorder: number | null; archived: number }[];
    for (const r of rows) {
      this.items.set(r.id, {
        id: r.id,
        sku: r.sku,
        kind: r.kind,
        unit: r.unit,
        shelf: r.shelf,
        quarantine: r.quarantine === 1,
        lotTracked: r.lotTracked === 1,
        costMicros: r.cost,
        priceCents: r.price ?? 0,
        reorder: r.reorder ?? 0,
        supplierId: this.state.itemsById.get(r.id)?.supplierId ?? null,
        versions: [],
        lots: [],
        head: 0,
        late: false,
        threeWeeks: 0,
      });
    }
    const recipes = db.prepare('SELECT id, item_id AS itemId, yield_milli AS yieldMilli, created_at AS createdAt FROM recipes ORDER BY item_id, version').all() as {
      id: number;
      itemId: number;
      yieldMilli: number;
      createdAt: string;
    }[];
    const comps = db.prepare('SELECT recipe_id AS recipeId, item_id AS itemId, qty_milli AS qtyMilli, scrap_bp AS scrapBp FROM recipe_components ORDER BY recipe_id, position').all() as {
      recipeId: number;
      itemId: number;
      qtyMilli: number;
      scrapBp: number;
    }[];
    const byRecipe = new Map<number, Map<number, number>>();
    for (const c of comps) {
      const m = byRecipe.get(c.recipeId) ?? new Map<number, number>();
      m.set(c.itemId, (m.get(c.itemId) ?? 0) + grossPerBatch(c));
      byRecipe.set(c.recipeId, m);
    }
    const active = new Set((db.prepare('SELECT id FROM recipes WHERE active = 1').pluck().all() as number[]));
    for (const r of recipes) {
      const item = this.items.get(r.itemId)!;
      item.versions.push({ id: r.id, from: dayNumber(r.createdAt.slice(0, 10)), yieldMilli: r.yieldMilli, comps: [...(byRecipe.get(r.id) ?? new Map<number, number>())].map(([itemId, gross]) => ({ itemId, gross })) });
    }
    for (const item of this.items.values()) {
      // the active version is the newest; an older one is used before the newer was saved
      const activeV = item.versions.find((v) => active.has(v.id));
      item.versions = activeV ? [...item.versions.filter((v) => v !== activeV && v.from < activeV.from), activeV] : [];
    }
    for (const item of this.items.values()) {
      const demo = this.state.itemsById.get(item.id);
      if (item.kind !== 'product' || demo?.archived) continue;
      if (item.versions.length > 0 || item.supplierId !== null) this.products.push(item);
    }
    // a few best sellers, a long tail
    const order = this.rng.shuffle([...this.products.keys()]);
    const weights = new Array<number>(this.products.length);
    order.forEach((idx, rank) => (weights[idx] = 1 / Math.pow(rank + 8, 0.9)));
    for (const wgt of weights) {
      this.popularityTotal += wgt;
      this.popularity.push(this.popularityTotal);
    }
    // about 3.2 lines an order, 6 pieces or 2.5 kg a line
    const linesPerDay = (this.opts.orders / this.opts.days) * 3.2;
    this.products.forEach((p, i) => {
      p.threeWeeks = Math.round(((weights[i]! / this.popularityTotal) * linesPerDay * (p.unit === 'kg' ? 2500 : 6000) * 21) / 1000) * 1000;
    });
  }

  private version(item: ItemSim, day: number): Version | undefined {
    const vs = item.versions;
    for (let i = vs.length - 1; i >= 0; i--) if (vs[i]!.from <= day || i === 0) return vs[i];
    return undefined;
  }

  // ——— numbers ———

  private next(key: string): number {
    const n = (this.numberSeq.get(key) ?? 0) + 1;
    this.numberSeq.set(key, n);
    return n;
  }

  private readonly prefixes = new Map<number, string>();

  private lotCode(day: number, sku: string): string {
    const date = this.ds(day);
    let prefix = this.pattern.includes('{sku}') ? undefined : this.prefixes.get(day);
    if (prefix === undefined) {
      prefix = lotCodePrefix(this.pattern, date, sku);
      if (!this.pattern.includes('{sku}')) this.prefixes.set(day, prefix);
    }
    const n = (this.lotSeq.get(prefix) ?? 0) + 1;
    this.lotSeq.set(prefix, n);
    return formatLotCode(this.pattern, date, sku, n);
  }

  // ——— lots and the ledger ———

  private newLot(
    item: ItemSim,
    day: number,
    origin: 'receipt' | 'production',
    status: 'released' | 'quarantine',
    docType: string,
    docId: number,
    expires: number | null,
    costMicros: number | null,
    supplierId: number | null,
    supplierLotCode: string | null,
  ): LotSim {
    const lot: LotSim = { id: this.nextLotId++, item, from: day, onHand: 0, reserved: 0, expires, costMicros };
    this.w.lot({
      id: lot.id,
      itemId: item.id,
      code: this.lotCode(day, item.sku),
      origin,
      status,
      supplierId,
      supplierLotCode,
      originDate: this.ds(day),
      expiresOn: expires === null ? null : this.ds(expires),
      unitCostMicros: costMicros,
      docType,
      docId,
      createdAt: this.stamp(day, origin === 'receipt' ? '07:40' : '15:10'),
    });
    this.allLots.push(lot);
    this.counts.lots++;
    return lot;
  }

  private move(lot: LotSim, kind: string, qty: number, docType: string, docId: number, day: number, reason = '', hhmm = '10:00'): void {
    lot.onHand += qty;
    this.w.movement(lot.id, lot.item.id, this.location, kind, qty, docType, docId, reason, this.ds(day), this.stamp(day, hhmm));
  }

  private dayDoc(kind: 'scrap' | 'count', day: number): number {
    const key = `${kind}|${day}`;
    let id = this.dayDocs.get(key);
    if (id === undefined) {
      const note = kind === 'scrap' ? 'Lotti scaduti smaltiti' : 'Inventario di fine anno';
      id = this.w.document(kind, null, null, null, this.ds(day), note, this.stamp(day, '17:30'));
      this.dayDocs.set(key, id);
    }
    return id;
  }

  private scrap(lot: LotSim, day: number): void {
    const free = lot.onHand - lot.reserved;
    if (free <= 0) return;
    this.move(lot, 'scrap', -free, STOCK_DOCUMENT, this.dayDoc('scrap', day), day, 'Scaduto: smaltito secondo procedura', '17:30');
    this.counts.scraps++;
  }

  /** Free, released, in-date quantity of an item on `day`. */
  private available(item: ItemSim, day: number): number {
    let free = 0;
    for (let i = item.head; i < item.lots.length; i++) {
      const l = item.lots[i]!;
      if (l.from > day || (l.expires !== null && l.expires < day)) continue;
      free += l.onHand - l.reserved;
    }
    return free;
  }

  /**
   * Takes up to `qty` of an item on `day`, oldest lot first, and holds it on the lots (as
   * reserved) until the caller consumes, ships or keeps it as a reservation. What has
   * expired on the way is scrapped the day after its expiry (the weekly round found it).
   */
  private take(item: ItemSim, qty: number, day: number, goodUntil = day): Pick[] {
    const picks: Pick[] = [];
    let left = qty;
    const lots = item.lots;
    for (let i = item.head; i < lots.length && left > 0; i++) {
      const l = lots[i]!;
      const free = l.onHand - l.reserved;
      if (free <= 0 || l.from > day) continue;
      if (l.expires !== null && l.expires < day) {
        this.scrap(l, Math.min(day, l.expires + 1));
        continue;
      }
      if (l.expires !== null && l.expires < goodUntil) continue;
      const q = Math.min(free, left);
      l.reserved += q;
      picks.push({ lot: l, qty: q });
      left -= q;
    }
    return picks;
  }

  /** Uses what `take` held: the movement out of the lot. */
  private useUp(p: Pick, kind: 'consume' | 'ship', docType: string, docId: number, day: number, hhmm: string): void {
    p.lot.reserved -= p.qty;
    this.move(p.lot, kind, -p.qty, docType, docId, day, '', hhmm);
  }

  /** Drops used-up lots from the front of an item's queue. */
  private compact(item: ItemSim): void {
    const lots = item.lots;
    while (item.head < lots.length && lots[item.head]!.onHand === 0) item.head++;
    if (item.head > 64 && item.head * 2 > lots.length) {
      item.lots = lots.slice(item.head);
      item.head = 0;
    }
  }

  // ——— buying ———

  private receiptDoc(supplierId: number, day: number): number {
    const key = `${supplierId}|${day}`;
    let id = this.receiptDocs.get(key);
    if (id === undefined) {
      const papers = this.papers.get(supplierId)!;
      id = this.w.document('receipt', supplierId, papers.ddtNumber(this.ds(day)), this.ds(day - this.rng.int(0, 2)), this.ds(day), '', this.stamp(day, '07:40'));
      this.receiptDocs.set(key, id);
    }
    return id;
  }

  /** A delivery of `qty` of an item on `day`; quarantine lots are released the next day unless `hold`. */
  private receive(item: ItemSim, qty: number, day: number, hold = false, expiresOverride?: number): LotSim {
    const supplierId = item.supplierId ?? this.state.suppliers[0]!.id;
    const docId = this.receiptDoc(supplierId, day);
    const papers = this.papers.get(supplierId)!;
    const expires = expiresOverride ?? (item.shelf === null ? null : day + Math.max(30, item.shelf - this.rng.int(0, Math.min(60, Math.floor(item.shelf / 4)))));
    const cost = item.costMicros === null ? null : Math.round((item.costMicros * this.rng.int(90, 115)) / 10_000) * 100;
    const quarantined = item.quarantine;
    const lot = this.newLot(item, day, 'receipt', quarantined && hold ? 'quarantine' : 'released', STOCK_DOCUMENT, docId, expires, cost, supplierId, item.lotTracked ? papers.lotCode(this.ds(day)) : null);
    this.move(lot, 'receipt', qty, STOCK_DOCUMENT, docId, day, '', '07:40');
    if (quarantined && !hold) {
      this.w.statusChange(lot.id, 'quarantine', 'released', 'Certificato di analisi verificato, campione conforme', 'Controllo qualità', this.stamp(day + 1, '11:00'));
    }
    if (!hold) item.lots.push(lot);
    this.counts.receipts++;
    return lot;
  }

  /** Buys what is missing for use on `day`, delivered a few days before (quarantine needs a day to release). */
  private buy(item: ItemSim, short: number, day: number): void {
    const lastWeeks = day > this.today - 21;
    const qty = item.late && lastWeeks ? short : niceRoundUp(Math.max(Math.ceil(short * (1 + this.rng.next())), item.reorder * this.rng.int(1, 3)));
    const arrives = Math.max(this.start, day - this.rng.int(item.quarantine ? 2 : 1, 4));
    this.receive(item, qty, arrives);
  }

  /** After a use: a bought item below its reorder point is ordered again (the late ones are not, at the end). */
  private reorder(item: ItemSim, day: number): void {
    if (item.versions.length > 0 || item.reorder <= 0) return;
    if (item.late && day > this.today - 21) return;
    if (this.available(item, day) >= item.reorder) return;
    const qty = niceRoundUp(item.reorder * this.rng.int(1, 3));
    this.receive(item, qty, Math.min(day + this.rng.int(1, 5), this.today));
  }

  // ——— making ———

  /**
   * Makes `batches` of an item on `day` (completed), or releases them (materials reserved
   * lot by lot, intermediates made first). Components that are short are made (with a
   * recipe) or bought. Returns the production order and, when completed, the output lot.
   */
  private produce(item: ItemSim, batches: number, day: number, parentId: number | null, mode: 'complete' | 'release', createdDay: number, notes = ''): { id: number; output: LotSim | null; qty: number } {
    const v = this.version(item, day)!;
    const id = this.nextPoId++;
    // numbered by the year of its planned date, as insertProductionOrder does
    const plannedOn = this.ds(mode === 'release' ? day + 1 : day);
    const year = plannedOn.slice(0, 4);
    const number = `P${year}/${String(this.next(`production:${year}`)).padStart(4, '0')}`;
    const used: Pick[] = [];
    for (const c of v.comps) {
      const comp = this.items.get(c.itemId)!;
      const need = c.gross * batches;
      let picks = this.take(comp, need, day);
      let got = picks.reduce((s, p) => s + p.qty, 0);
      // a batch by weight can come out a little light: make (or buy) again what is still missing
      for (let round = 0; got < need; round++) {
        if (round === 3) throw new Error(`large demo: ${comp.sku} still short by ${need - got} for ${item.sku}`);
        const short = need - got;
        const sub = this.version(comp, day);
        // an intermediate is made a batch ahead: the next product that needs it finds it ready
        if (sub) this.produce(comp, Math.ceil(short / sub.yieldMilli) + (round === 0 ? 1 : 0), day, id, 'complete', day);
        else this.buy(comp, short, day);
        const more = this.take(comp, short, day);
        got += more.reduce((s, p) => s + p.qty, 0);
        picks = picks.concat(more);
      }
      for (const p of picks) used.push(p);
    }
    const plannedQty = batches * v.yieldMilli;
    if (mode === 'release') {
      for (const p of used) {
        this.w.reservation(p.lot.item.id, p.lot.id, p.qty, PRODUCTION_ORDER, id, null, this.stamp(day, '16:00'));
      }
      const started = this.rng.chance(0.4) && day + 1 <= this.today;
      this.w.production({
        id,
        number,
        itemId: item.id,
        recipeId: v.id,
        batches,
        plannedQtyMilli: plannedQty,
        plannedOn,
        status: started ? 'in_progress' : 'released',
        parentId,
        materialsShort: false,
        outputLotId: null,
        actualQtyMilli: null,
        producedOn: null,
        notes,
        createdAt: this.stamp(createdDay, '09:30'),
        releasedAt: this.stamp(day, '16:00'),
        startedAt: started ? this.stamp(day + 1, '08:10') : null,
        completedAt: null,
      });
      this.counts.productionOrders++;
      for (const p of used) this.reorder(p.lot.item, day);
      return { id, output: null, qty: plannedQty };
    }
    // complete: consume, make the finished lot, write the genealogy
    let inputCost = 0;
    let costKnown = used.length > 0;
    let earliest: number | null = null;
    const perLot = new Map<LotSim, number>();
    for (const p of used) {
      this.useUp(p, 'consume', PRODUCTION_ORDER, id, day, '10:00');
      if (p.lot.costMicros === null) costKnown = false;
      else inputCost += costOfQuantityMicros(p.qty, p.lot.costMicros);
      if (p.lot.expires !== null && (earliest === null || p.lot.expires < earliest)) earliest = p.lot.expires;
      perLot.set(p.lot, (perLot.get(p.lot) ?? 0) + p.qty);
    }
    // a batch by weight comes out a little off; pieces as planned
    const output = item.unit === 'pcs' ? plannedQty : Math.round((plannedQty * this.rng.int(990, 1005)) / 1000);
    const expires = item.shelf !== null ? day + item.shelf : earliest;
    const lot = this.newLot(item, day, 'production', 'released', PRODUCTION_ORDER, id, expires, costKnown ? Math.round((inputCost * 1000) / output) : null, null, null);
    this.move(lot, 'output', output, PRODUCTION_ORDER, id, day, '', '15:10');
    this.w.production({
      id,
      number,
      itemId: item.id,
      recipeId: v.id,
      batches,
      plannedQtyMilli: plannedQty,
      plannedOn,
      status: 'completed',
      parentId,
      materialsShort: false,
      outputLotId: lot.id,
      actualQtyMilli: output,
      producedOn: this.ds(day),
      notes,
      createdAt: this.stamp(createdDay, '09:30'),
      releasedAt: this.stamp(day, '08:00'),
      startedAt: null,
      completedAt: this.stamp(day, '15:10'),
    });
    this.counts.productionOrders++;
    for (const [inLot, q] of perLot) this.w.genealogy(inLot.id, lot.id, id, q);
    for (const p of used) {
      this.compact(p.lot.item);
      this.reorder(p.lot.item, day);
    }
    item.lots.push(lot);
    return { id, output: lot, qty: output };
  }

  /**
   * What orders.fulfil plans without making anything: batches for the quantity, the
   * intermediates that are short planned under it, materials short flagged — the view
   * of stock is the order's own (planned production reserves nothing).
   */
  private plan(item: ItemSim, qty: number, day: number, parentId: number | null, view: Map<number, number>): { id: number; qty: number; short: boolean } {
    const v = this.version(item, day)!;
    const id = this.nextPoId++;
    const year = this.ds(day).slice(0, 4);
    const number = `P${year}/${String(this.next(`production:${year}`)).padStart(4, '0')}`;
    const batches = Math.max(1, Math.ceil(qty / v.yieldMilli));
    let short = false;
    for (const c of v.comps) {
      const comp = this.items.get(c.itemId)!;
      const need = c.gross * batches;
      const avail = Math.max(0, this.available(comp, day) - (view.get(comp.id) ?? 0));
      const missing = Math.max(0, need - avail);
      view.set(comp.id, (view.get(comp.id) ?? 0) + Math.min(need, avail));
      if (missing === 0) continue;
      if (comp.versions.length > 0) {
        const child = this.plan(comp, missing, day, id, view);
        view.set(comp.id, (view.get(comp.id) ?? 0) - (child.qty - missing));
        if (child.short) short = true;
      } else short = true;
    }
    this.w.production({
      id,
      number,
      itemId: item.id,
      recipeId: v.id,
      batches,
      plannedQtyMilli: batches * v.yieldMilli,
      plannedOn: this.ds(day),
      status: 'planned',
      parentId,
      materialsShort: short,
      outputLotId: null,
      actualQtyMilli: null,
      producedOn: null,
      notes: '',
      createdAt: this.stamp(day, '09:30'),
      releasedAt: null,
      startedAt: null,
      completedAt: null,
    });
    this.counts.productionOrders++;
    return { id, qty: batches * v.yieldMilli, short };
  }

  // ——— selling ———

  private pickProduct(): ItemSim {
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

  private lineQty(item: ItemSim, customer: DemoParty): number {
    if (item.unit === 'kg') return customer.profile === 'private' ? 1000 : this.rng.int(1, 4) * 1000;
    if (customer.profile === 'private') return this.rng.weighted([[1, 6], [2, 3], [3, 1]] as const) * 1000;
    if (customer.profile === 'hotel') return this.rng.int(2, 5) * 10_000;
    return this.rng.int(1, 2) * 6000;
  }

  private ordersOn(day: number, expected: number): void {
    const n = Math.floor(expected) + (this.rng.next() < expected - Math.floor(expected) ? 1 : 0);
    for (let i = 0; i < n; i++) this.order(day, i);
  }

  private order(day: number, index: number): void {
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
  private makeToStock(day: number): void {
    for (let i = 0; i < 3; i++) {
      const item = this.pickProduct();
      const v = this.version(item, day);
      if (!v || item.reorder <= 0 || this.available(item, day) >= item.reorder) continue;
      this.produce(item, Math.max(1, Math.ceil(item.reorder / v.yieldMilli)), day, null, 'complete', day, 'Produzione per il magazzino');
      this.counts.makeToStock++;
    }
  }

  /** 31 December: some lots are counted and found a little off. */
  private yearEndCount(day: number): void {
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

  readonly timings: Record<string, number> = {};

  /** Loose ends, the FEFO item's lots, then on-hand, balances and the number series. */
  private finish(): void {
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
