/** The large history's stock ledger, simulated: lots, movements, picks and the day's documents (largeHistory.ts builds on it). */
import { DEFAULT_LOT_PATTERN, formatLotCode, lotCodePrefix } from '../../../src-shared/domain/lotCode';
import { grossPerBatch } from '../../../src-shared/domain/recipeTree';
import { localDate } from '../../../src-shared/domain/dates';
import type { Ctx } from '../../api/context';
import { defaultLocationId } from '../../modules/inventory/ledger';
import { STOCK_DOCUMENT } from '../../modules/inventory/documents';
import { readSettings } from '../../modules/settings/store';
import { historyWriter, type HistoryWriter } from '../historyWriter';
import { ShopRefs, SupplierPapers } from '../paperwork';
import type { Rng } from '../rng';
import type { DemoParty, DemoState } from '../types';
import { LARGE_HISTORY, DAY_MS, dayNumber, type LargeHistoryOptions, type Version, type ItemSim, type LotSim, type Pick } from './largeHistoryModel';

export class LedgerSim {
  protected readonly w: HistoryWriter;
  protected readonly today: number;
  protected readonly start: number;
  protected readonly dateCache = new Map<number, string>();
  protected readonly items = new Map<number, ItemSim>();
  protected readonly products: ItemSim[] = [];
  protected readonly popularity: number[] = [];
  protected popularityTotal = 0;
  protected readonly privates: DemoParty[];
  protected readonly businesses: DemoParty[];
  protected readonly papers = new Map<number, SupplierPapers>();
  protected readonly refs: ShopRefs;
  protected readonly location: number;
  protected readonly pattern: string;
  protected readonly lotSeq = new Map<string, number>();
  protected readonly numberSeq = new Map<string, number>();
  protected readonly receiptDocs = new Map<string, number>();
  protected readonly dayDocs = new Map<string, number>();
  protected readonly allLots: LotSim[] = [];
  protected nextLotId = 1;
  protected nextOrderId = 1;
  protected nextLineId = 1;
  protected nextPoId = 1;
  protected readonly counts = { lots: 0, orders: 0, orderLines: 0, productionOrders: 0, receipts: 0, scraps: 0, counts: 0, makeToStock: 0 };
  readonly timings: Record<string, number> = {};

  constructor(
    protected readonly ctx: Ctx,
    protected readonly rng: Rng,
    protected readonly state: DemoState,
    protected readonly opts: LargeHistoryOptions = LARGE_HISTORY,
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

  protected ds(day: number): string {
    let s = this.dateCache.get(day);
    if (s === undefined) {
      s = new Date(day * DAY_MS).toISOString().slice(0, 10);
      this.dateCache.set(day, s);
    }
    return s;
  }

  protected stamp(day: number, hhmm: string): string {
    return `${this.ds(day)}T${hhmm}:00.000Z`;
  }

  // ——— the catalog, as the simulation needs it ———

  protected loadCatalog(): void {
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

  protected version(item: ItemSim, day: number): Version | undefined {
    const vs = item.versions;
    for (let i = vs.length - 1; i >= 0; i--) if (vs[i]!.from <= day || i === 0) return vs[i];
    return undefined;
  }

  // ——— numbers ———

  protected next(key: string): number {
    const n = (this.numberSeq.get(key) ?? 0) + 1;
    this.numberSeq.set(key, n);
    return n;
  }

  protected readonly prefixes = new Map<number, string>();

  protected lotCode(day: number, sku: string): string {
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

  protected newLot(
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

  protected move(lot: LotSim, kind: string, qty: number, docType: string, docId: number, day: number, reason = '', hhmm = '10:00'): void {
    lot.onHand += qty;
    this.w.movement(lot.id, lot.item.id, this.location, kind, qty, docType, docId, reason, this.ds(day), this.stamp(day, hhmm));
  }

  protected dayDoc(kind: 'scrap' | 'count', day: number): number {
    const key = `${kind}|${day}`;
    let id = this.dayDocs.get(key);
    if (id === undefined) {
      const note = kind === 'scrap' ? 'Lotti scaduti smaltiti' : 'Inventario di fine anno';
      id = this.w.document(kind, null, null, null, this.ds(day), note, this.stamp(day, '17:30'));
      this.dayDocs.set(key, id);
    }
    return id;
  }

  protected scrap(lot: LotSim, day: number): void {
    const free = lot.onHand - lot.reserved;
    if (free <= 0) return;
    this.move(lot, 'scrap', -free, STOCK_DOCUMENT, this.dayDoc('scrap', day), day, 'Scaduto: smaltito secondo procedura', '17:30');
    this.counts.scraps++;
  }

  /** Free, released, in-date quantity of an item on `day`. */
  protected available(item: ItemSim, day: number): number {
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
  protected take(item: ItemSim, qty: number, day: number, goodUntil = day): Pick[] {
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
  protected useUp(p: Pick, kind: 'consume' | 'ship', docType: string, docId: number, day: number, hhmm: string): void {
    p.lot.reserved -= p.qty;
    this.move(p.lot, kind, -p.qty, docType, docId, day, '', hhmm);
  }

  /** Drops used-up lots from the front of an item's queue. */
  protected compact(item: ItemSim): void {
    const lots = item.lots;
    while (item.head < lots.length && lots[item.head]!.onHand === 0) item.head++;
    if (item.head > 64 && item.head * 2 > lots.length) {
      item.lots = lots.slice(item.head);
      item.head = 0;
    }
  }

}
