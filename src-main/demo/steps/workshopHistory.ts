/**
 * A year in the life of the small workshop, written through the real commands (so every
 * rule of the ledger, the orders and production holds exactly as a user's clicks would
 * leave it): receipts with supplier lot codes, DDT numbers and expiries; quarantine
 * releases; make-to-stock batches; six months of customer orders from every channel,
 * fulfilled, produced through their intermediates and allocated; an inventory count,
 * scraps of what expired; and the loose ends a real Monday morning has — lots waiting
 * in quarantine, one lot about to expire and one expired, materials below their reorder
 * point, orders held up by a missing material, drafts, cancellations.
 *
 * "Today" is the caller's clock (ctx.now()): the history is the year before it, so the
 * screens look alive whenever the demo is loaded. Every command runs with the clock
 * stopped at a working hour of its simulated day: same seed and same day, same data.
 * Shipping does not exist yet, so orders whose goods are made stay "ready to ship".
 */
import type { Contract, InputOf, OperationName, OutputOf } from '../../../src-shared/contract';
import { addDays, localDate } from '../../../src-shared/domain/dates';
import { componentNeed, grossPerBatch } from '../../../src-shared/domain/recipeTree';
import { WHOLE_UNITS_COL } from '../../modules/catalog/recipeLookup';
import type { Ctx } from '../../api/context';
import { itemAvailableMilli } from '../../modules/inventory/ledger';
import { atTime, demoCall } from '../call';
import { withStatementCache } from '../../db/statementCache';
import { daysFrom, microsText, milliText, niceRoundUp, ShopRefs, SupplierPapers, weekday, workTime } from '../paperwork';
import type { Rng } from '../rng';
import type { DemoItem, DemoParty, DemoState, DemoStep } from '../types';

/** Days of history before today (small scale). */
const HISTORY_DAYS = 364;
/** Orders arrive over the last half year. */
const ORDER_DAYS = 182;
/** Materials whose supplier is late at the end: they run short. */
const DELAYED = ['MP-LATTE-CAPRA', 'MP-OE-MENTA'];

const POPULARITY: Record<string, number> = {
  'PF-SAP-LAV': 20,
  'PF-SAP-MAL': 12,
  'PF-SAP-AGR': 12,
  'PF-SAP-MENTA': 7,
  'PF-SAP-OLIVA': 10,
  'PF-CAND-ARA': 8,
  'PF-CAND-LAV': 8,
  'PF-CREMA-LAV': 6,
  'PF-CREMA-MIELE': 6,
  'PF-BALS-MENTA': 5,
  'PF-BALS-NAT': 6,
  'PF-KIT-TRIS': 5,
  'PF-PORTASAPONE': 4,
};

type Task = () => void;

interface PoRow {
  id: number;
  parentId: number | null;
  itemId: number;
  batches: number;
  recipeId: number;
  plannedOn: string;
  status: string;
}

export class WorkshopHistory {
  readonly today: string;
  private readonly start: string;
  private clockDay = '';
  private minutes = 0;
  private readonly tasks = new Map<string, Task[]>();
  private readonly papers = new Map<number, SupplierPapers>();
  private readonly refs: ShopRefs;
  private readonly bought: DemoItem[];
  private readonly products: DemoItem[];
  private readonly poStmt;
  private readonly componentsStmt;
  private readonly ctx: Ctx;

  constructor(
    ctx: Ctx,
    private readonly rng: Rng,
    private readonly state: DemoState,
  ) {
    this.ctx = withStatementCache(ctx);
    this.today = localDate(ctx.now());
    this.start = addDays(this.today, -HISTORY_DAYS);
    this.refs = new ShopRefs(rng);
    this.bought = state.items.filter((i) => !i.archived && i.supplierId !== null && !state.recipes.has(i.id));
    this.products = state.items.filter((i) => i.kind === 'product' && !i.archived);
    state.suppliers.forEach((s, i) => this.papers.set(s.id, new SupplierPapers(rng, s.supplies, i)));
    this.poStmt = ctx.sqlite.prepare(
      'SELECT id, parent_id AS parentId, item_id AS itemId, batches, recipe_id AS recipeId, planned_on AS plannedOn, status FROM production_orders WHERE id = ?',
    );
    this.componentsStmt = ctx.sqlite.prepare(`SELECT item_id AS itemId, qty_milli AS qtyMilli, scrap_bp AS scrapBp, ${WHOLE_UNITS_COL} FROM recipe_components WHERE recipe_id = ?`);
  }

  // ——— the clock and the commands ———

  /** The context with the clock at the next working minute of `day`. */
  private at(day: string): Ctx {
    if (day !== this.clockDay) {
      this.clockDay = day;
      this.minutes = this.rng.int(0, 40);
    }
    this.minutes += 2;
    return atTime(this.ctx, workTime(day, this.minutes));
  }

  private call<K extends OperationName>(day: string, name: K, input: InputOf<Contract[K]>): OutputOf<Contract[K]> {
    return demoCall(this.at(day), name, input);
  }

  private later(day: string, task: Task): void {
    if (day > this.today) return; // the future is not written
    const list = this.tasks.get(day);
    if (list) list.push(task);
    else this.tasks.set(day, [task]);
  }

  private item(sku: string): DemoItem {
    const it = this.state.itemsBySku.get(sku.toLowerCase());
    if (!it) throw new RangeError(`demo history: unknown SKU ${sku}`);
    return it;
  }

  private free(itemId: number, day: string): number {
    return itemAvailableMilli(this.ctx, itemId, day);
  }

  // ——— buying ———

  /** The pack a workshop buys: about three reorder points, or what is missing, rounded up. */
  private pack(item: DemoItem, shortMilli: number): number {
    const base = Math.max(shortMilli, (item.reorderPointMilli ?? 1000) * this.rng.int(2, 4));
    return niceRoundUp(base);
  }

  /**
   * A receipt from one supplier. Lots that arrive in quarantine are released two working
   * days later (at once when `urgent`); the last days' lots are still waiting.
   */
  private receive(day: string, supplierId: number, lines: { item: DemoItem; qtyMilli: number; expiresOn?: string }[], urgent = false, note = ''): number[] {
    const papers = this.papers.get(supplierId)!;
    const res = this.call(day, 'inventory.receive', {
      supplierId,
      supplierDdtNumber: papers.ddtNumber(day),
      supplierDdtDate: addDays(day, -this.rng.int(0, 2)),
      receivedOn: day,
      note,
      lines: lines.map((l) => ({
        itemId: l.item.id,
        quantity: milliText(l.qtyMilli),
        supplierLotCode: l.item.lotTracked ? papers.lotCode(day) : null,
        expiresOn: l.expiresOn ?? null,
        unitCost: l.item.unitCostMicros === null ? null : microsText(Math.round((l.item.unitCostMicros * this.rng.int(95, 108)) / 10_000) * 100),
      })),
    });
    for (const lot of res.lots) {
      if (lot.status !== 'quarantine') continue;
      if (urgent) this.releaseLot(day, lot.id);
      else this.later(addDays(day, weekday(day) >= 4 ? 4 : 2), () => this.releaseLot(addDays(day, weekday(day) >= 4 ? 4 : 2), lot.id));
    }
    return res.lots.map((l) => l.id);
  }

  private releaseLot(day: string, lotId: number): void {
    this.call(day, 'inventory.releaseLot', { lotId, by: 'Giulia (controllo qualità)', reason: 'Certificato di analisi verificato, campione conforme' });
  }

  /** The fortnightly order to each supplier: what is below twice its reorder point. */
  private restock(day: string, index: number): void {
    const supplier = this.state.suppliers[index]!;
    const late = day > addDays(this.today, -16);
    const lines = this.bought
      .filter((i) => i.supplierId === supplier.id && !(late && DELAYED.includes(i.sku)))
      .filter((i) => this.free(i.id, day) < 2 * (i.reorderPointMilli ?? 0))
      .map((i) => ({ item: i, qtyMilli: this.pack(i, 0) }));
    if (lines.length > 0) this.receive(day, supplier.id, lines);
  }

  // ——— making ———

  private po(id: number): PoRow {
    return this.poStmt.get(id) as PoRow;
  }

  /**
   * Makes sure every material of `batches` of the recipe is there on `needDate`: an
   * intermediate that is short is made first (the same day), a material that is short is
   * bought in a hurry (quarantine released at once, the lab checks it while you wait).
   */
  private ensureMaterials(day: string, recipeId: number, batches: number, needDate: string): void {
    const comps = this.componentsStmt.all(recipeId) as { itemId: number; qtyMilli: number; scrapBp: number; wholeUnits: number }[];
    const needs = new Map<number, number>();
    // the same need production.release reserves: pieces in whole pieces
    for (const c of comps) needs.set(c.itemId, (needs.get(c.itemId) ?? 0) + componentNeed({ ...c, wholeUnits: c.wholeUnits === 1 }, batches));
    for (const [itemId, needed] of needs) {
      // a batch of an intermediate can come out a little light: check again after making it
      for (let short = needed - this.free(itemId, needDate); short > 0; short = needed - this.free(itemId, needDate)) {
        const recipe = this.state.recipes.get(itemId);
        if (recipe) {
          const made = this.call(day, 'production.create', { itemId, batches: Math.ceil(short / recipe.yieldMilli), plannedOn: day, notes: 'Per completare il materiale di un lotto' });
          this.runNow(day, made.id, day);
        } else {
          const item = this.state.itemsById.get(itemId)!;
          this.receive(day, item.supplierId!, [{ item, qtyMilli: this.pack(item, short) }], true, 'Consegna urgente');
        }
      }
    }
  }

  /** Sets the date, gathers the materials and releases (reserves lot by lot, FEFO). */
  private release(day: string, id: number, producedOn: string): void {
    const po = this.po(id);
    if (po.status !== 'planned') return;
    if (po.plannedOn !== producedOn) this.call(day, 'production.update', { id, plannedOn: producedOn });
    this.ensureMaterials(day, po.recipeId, po.batches, producedOn);
    this.call(day, 'production.release', { id });
  }

  /** Completion entered on `day` for a batch made on `producedOn` (soaps are cut and packed days later). */
  private complete(day: string, id: number, producedOn = day): void {
    const po = this.po(id);
    if (po.status !== 'released' && po.status !== 'in_progress') return;
    const item = this.state.itemsById.get(po.itemId)!;
    // intermediates by weight come out a little off; pieces come out as planned
    let outputQuantity: string | null = null;
    if (item.kind === 'intermediate' && this.rng.chance(0.5)) {
      const planned = (this.ctx.sqlite.prepare('SELECT planned_qty_milli AS q FROM production_orders WHERE id = ?').get(id) as { q: number }).q;
      outputQuantity = milliText(Math.round((planned * this.rng.int(985, 1005)) / 1000));
    }
    this.call(day, 'production.complete', { id, producedOn, outputQuantity, notes: '' });
  }

  /** A production order and the intermediates under it, made today from start to end. */
  private runNow(day: string, id: number, producedOn: string): void {
    for (const child of this.childrenOf(id)) this.runNow(day, child, producedOn);
    this.release(day, id, producedOn);
    this.complete(producedOn, id);
  }

  private childrenOf(id: number): number[] {
    return (this.ctx.sqlite.prepare("SELECT id FROM production_orders WHERE parent_id = ? AND status = 'planned' ORDER BY id").all(id) as { id: number }[]).map((r) => r.id);
  }

  /**
   * The usual rhythm of a batch: on day X the intermediates are made and the batch's
   * materials are picked (released); the batch itself is made on X + 1 and entered as
   * completed once it is cut and packed, up to two days later.
   */
  private schedule(rootId: number, x: string): void {
    const next = addDays(x, 1);
    this.later(x, () => {
      for (const child of this.childrenOf(rootId)) this.runNow(x, child, x);
      this.release(x, rootId, next);
      if (this.po(rootId).status === 'released' && this.rng.chance(0.4)) this.call(x, 'production.start', { id: rootId });
    });
    const done = addDays(x, this.rng.int(1, 3));
    this.later(done, () => this.complete(done, rootId, next));
  }

  /** Weekly: the products below their reorder point get a batch or two for the shelf. */
  private makeToStock(day: string): void {
    const low = this.products
      .filter((p) => this.state.recipes.has(p.id) && p.reorderPointMilli !== null)
      .map((p) => ({ p, ratio: this.free(p.id, day) / p.reorderPointMilli! }))
      .filter((x) => x.ratio < 1)
      .sort((a, b) => a.ratio - b.ratio || a.p.id - b.p.id)
      .slice(0, this.rng.int(1, 2));
    for (const { p } of low) {
      const r = this.state.recipes.get(p.id)!;
      const batches = Math.max(1, Math.min(2, Math.ceil((p.reorderPointMilli! * 1.5 - Math.max(0, this.free(p.id, day))) / r.yieldMilli)));
      const created = this.call(day, 'production.create', { itemId: p.id, batches, plannedOn: addDays(day, 1), notes: 'Produzione per il magazzino' });
      this.schedule(created.id, day);
    }
  }

  // ——— selling ———

  private pickProduct(except: Set<number>): DemoItem {
    const pool = this.products.filter((p) => !except.has(p.id));
    return this.rng.weighted(pool.map((p) => [p, POPULARITY[p.sku] ?? 3] as const));
  }

  private lineQty(p: DemoItem, customer: DemoParty): number {
    if (customer.profile === 'private') return p.sku === 'PF-KIT-TRIS' ? 1 : this.rng.int(1, 3);
    if (customer.profile === 'hotel') return p.sku.startsWith('PF-SAP') ? this.rng.int(5, 15) * 10 : this.rng.int(2, 6) * 6;
    if (p.sku.startsWith('PF-CAND')) return this.rng.int(1, 4) * 6;
    if (p.sku.startsWith('PF-BALS')) return this.rng.int(2, 8) * 12;
    if (p.sku === 'PF-KIT-TRIS') return this.rng.int(1, 4) * 5;
    return this.rng.int(2, 8) * 6;
  }

  private orderInput(day: string, customer: DemoParty, confirm: boolean) {
    const business = customer.profile !== 'private';
    const channel = business
      ? customer.profile === 'foreign'
        ? this.rng.pick(['email', 'wholesale'] as const)
        : this.rng.weighted([['phone', 3], ['email', 3], ['wholesale', 3], ['manual', 1]] as const)
      : this.rng.weighted([['shopify', 11], ['etsy', 6], ['email', 2], ['phone', 1]] as const);
    const hotel = customer.profile === 'hotel';
    const count = business ? this.rng.int(hotel ? 1 : 2, hotel ? 2 : 5) : this.rng.int(1, 3);
    const used = new Set<number>();
    const lines = [];
    for (let i = 0; i < count; i++) {
      const p = hotel && i === 0 ? this.item(this.rng.chance(0.6) ? 'PF-SAP-OLIVA' : 'PF-BALS-NAT') : this.pickProduct(used);
      if (used.has(p.id)) continue;
      used.add(p.id);
      lines.push({
        itemId: p.id,
        quantity: String(this.lineQty(p, customer)),
        discountPct: channel === 'wholesale' ? this.rng.pick(['30', '35', '40']) : business && this.rng.chance(0.3) ? '10' : null,
        vatPct: customer.profile === 'foreign' ? '0' : null,
        note: '',
      });
    }
    return {
      customerId: customer.id,
      channel,
      externalRef: this.refs.next(channel),
      orderedOn: day,
      requestedOn: business ? addDays(day, this.rng.int(7, 25)) : null,
      notes: customer.profile === 'foreign' ? 'Cessione intracomunitaria non imponibile art. 41 D.L. 331/1993' : '',
      lines,
      confirm,
    };
  }

  private customer(): DemoParty {
    const c = this.state.customers;
    return this.rng.chance(0.45) ? this.rng.pick(c.filter((x) => x.profile === 'private')) : this.rng.pick(c.filter((x) => x.profile !== 'private'));
  }

  private fulfil(day: string, orderId: number, lag?: number): void {
    const state = (this.ctx.sqlite.prepare('SELECT state FROM customer_orders WHERE id = ?').get(orderId) as { state: string }).state;
    if (state !== 'confirmed') return;
    const done = this.call(day, 'orders.fulfil', { orderIds: [orderId], group: true });
    // a resold article out of stock: the supplier delivers it in a few days, then the order is fulfilled again
    if (done.unmakeable.length > 0) {
      const arrives = addDays(day, this.rng.int(3, 6));
      this.later(arrives, () => {
        for (const u of done.unmakeable) {
          const item = this.state.itemsById.get(u.item.id)!;
          if (item.supplierId !== null) this.receive(arrives, item.supplierId, [{ item, qtyMilli: this.pack(item, u.missingMilli) }]);
        }
        this.fulfil(arrives, orderId);
      });
    }
    let x = addDays(day, lag ?? this.rng.int(1, 4));
    if (lag === undefined && weekday(x) === 0) x = addDays(x, 1);
    for (const id of done.productionOrderIds) if (this.po(id).parentId === null) this.schedule(id, x);
  }

  private newOrder(day: string): void {
    const recent = day > addDays(this.today, -10);
    const draft = recent && this.rng.chance(0.12);
    const o = this.call(day, 'orders.create', this.orderInput(day, this.customer(), !draft));
    if (draft) return;
    const fate = this.rng.next();
    if (fate < 0.02) {
      this.later(day, () => this.call(day, 'orders.cancel', { id: o.id, reason: 'Il cliente ha annullato per telefono' }));
      return;
    }
    const fulfilDay = this.rng.chance(0.6) ? day : addDays(day, 1);
    this.later(fulfilDay, () => this.fulfil(fulfilDay, o.id));
    if (fate > 0.98) {
      const cancelDay = addDays(day, 2);
      this.later(cancelDay, () => this.call(cancelDay, 'orders.cancel', { id: o.id, reason: 'Annullato dal cliente: merce non più necessaria' }));
    }
  }

  // ——— housekeeping ———

  /** Monday: what expired is scrapped (a soda solution keeps a week). */
  private scrapExpired(day: string): void {
    const lots = this.ctx.sqlite
      .prepare('SELECT id, on_hand_milli - reserved_milli AS free FROM lots WHERE on_hand_milli > 0 AND expires_on < ? ORDER BY id')
      .all(day) as { id: number; free: number }[];
    for (const l of lots) {
      if (l.free <= 0) continue;
      this.call(day, 'inventory.scrapLot', { lotId: l.id, quantity: milliText(l.free), reason: 'Scaduto: smaltito secondo procedura' });
    }
  }

  /** The year-end count: a few lots are found a little off. */
  private count(day: string): void {
    const lots = this.ctx.sqlite
      .prepare(
        `SELECT l.id, l.on_hand_milli AS onHand, i.unit FROM lots l JOIN items i ON i.id = l.item_id
         WHERE l.on_hand_milli > 0 AND l.reserved_milli = 0 AND i.kind = 'material' AND (l.expires_on IS NULL OR l.expires_on >= ?) ORDER BY l.id`,
      )
      .all(day) as { id: number; onHand: number; unit: string }[];
    for (const l of this.rng.sample(lots, 8)) {
      const step = l.unit === 'pcs' ? 1000 : 1;
      const delta = Math.round((l.onHand * this.rng.int(-25, 8)) / 1000 / step) * step;
      this.call(day, 'inventory.countLot', { lotId: l.id, counted: milliText(Math.max(0, l.onHand + delta)), note: 'Inventario di fine anno' });
    }
  }

  private breakage(day: string): void {
    const jar = this.item('IMB-VASO-200');
    const lot = this.ctx.sqlite.prepare('SELECT id FROM lots WHERE item_id = ? AND on_hand_milli - reserved_milli >= 6000 ORDER BY id LIMIT 1').get(jar.id) as { id: number } | undefined;
    if (lot) this.call(day, 'inventory.scrapLot', { lotId: lot.id, quantity: '6', reason: 'Vasetti arrivati rotti: bancale urtato dal corriere' });
  }

  // ——— the year ———

  private drain(day: string): void {
    for (let list = this.tasks.get(day); list && list.length > 0; list = this.tasks.get(day)) {
      this.tasks.delete(day);
      for (const task of list) task();
    }
  }

  run(): Record<string, number> {
    const orderStart = addDays(this.today, -ORDER_DAYS);
    // the stock the workshop had when the history starts
    for (const s of this.state.suppliers) {
      const lines = this.bought.filter((i) => i.supplierId === s.id).map((i) => ({ item: i, qtyMilli: this.pack(i, 0) }));
      if (lines.length > 0) this.receive(this.start, s.id, lines, true, 'Giacenza iniziale');
    }
    const yearEnd = [...daysFrom(addDays(this.start, 20), addDays(this.today, -10))].find((d) => d.endsWith('-12-30')) ?? addDays(this.start, 180);
    const breakDay = addDays(this.start, this.rng.int(30, 300));

    for (const day of daysFrom(this.start, this.today)) {
      const wd = weekday(day);
      const working = wd !== 0 && wd !== 6;
      if (working) this.state.suppliers.forEach((_, i) => {
        if ((Math.round((Date.parse(day) - Date.parse(this.start)) / 86_400_000) + i * 3) % 14 === 0) this.restock(day, i);
      });
      this.drain(day);
      if (wd === 1) this.scrapExpired(day);
      // the last six weeks the workshop is busy with orders: nothing is made for the shelf
      if (wd === 3 && day < addDays(this.today, -42)) this.makeToStock(day);
      if (day === yearEnd) this.count(day);
      if (day === breakDay) this.breakage(day);
      if (day >= orderStart) {
        // the shops stock up for Christmas from November: more orders the last three weeks
        const peak = day > addDays(this.today, -21) ? 0.35 : 0;
        const n = (this.rng.chance(working ? 0.4 + peak : 0.25) ? 1 : 0) + (this.rng.chance(working ? 0.12 + peak : 0.05) ? 1 : 0);
        for (let i = 0; i < n; i++) this.newOrder(day);
        this.specialOrders(day);
      }
      // what today's events planned for today (same-day fulfilment, make-to-stock picking)
      this.drain(day);
    }
    this.looseEnds();
    const n = (sql: string) => (this.ctx.sqlite.prepare(sql).get() as { n: number }).n;
    return {
      lots: n('SELECT count(*) AS n FROM lots'),
      movements: n('SELECT count(*) AS n FROM stock_movements'),
      orders: n('SELECT count(*) AS n FROM customer_orders'),
      productionOrders: n('SELECT count(*) AS n FROM production_orders'),
    };
  }

  /**
   * A few orders the last days always have, whatever the dice said: one being made right
   * now, one whose batch is planned, one taken this morning, two drafts not yet
   * confirmed, one called off.
   */
  private specialOrders(day: string): void {
    const back = Math.round((Date.parse(this.today) - Date.parse(day)) / 86_400_000);
    if (back === 6 || back === 2) {
      this.call(day, 'orders.create', { ...this.orderInput(day, this.customer(), false), notes: 'Da confermare: il cliente deve ricontrollare le quantità' });
    }
    const business = this.state.customers.filter((c) => c.profile === 'herbalist' || c.profile === 'shop');
    if (back === 0) {
      // taken on the phone this morning, not yet looked at
      this.call(day, 'orders.create', { ...this.orderInput(day, business[2 % business.length]!, true), channel: 'phone', externalRef: null });
    }
    if (back === 9) {
      // confirmed, then called off the next morning
      const o = this.call(day, 'orders.create', this.orderInput(day, this.customer(), true));
      const next = addDays(day, 1);
      this.later(next, () => this.call(next, 'orders.cancel', { id: o.id, reason: 'Il cliente ha trovato la merce altrove' }));
    }
    if (back === 4 || back === 1) {
      const customer = business[back % business.length]!;
      const p = this.item(back === 4 ? 'PF-CAND-LAV' : 'PF-CAND-ARA');
      const r = this.state.recipes.get(p.id)!;
      const qty = Math.max(0, this.free(p.id, day)) + r.yieldMilli;
      const o = this.call(day, 'orders.create', {
        customerId: customer.id,
        channel: 'email',
        orderedOn: day,
        requestedOn: addDays(day, 14),
        notes: '',
        lines: [{ itemId: p.id, quantity: milliText(qty), discountPct: '10', note: '' }],
        confirm: true,
      });
      // made today (released today, finished tomorrow), or planned after today
      this.later(day, () => this.fulfil(day, o.id, back === 4 ? 4 : 3));
    }
  }

  /** What a real Monday morning has open. */
  private looseEnds(): void {
    const t = this.today;
    // delayed materials end up below their reorder point
    for (const sku of DELAYED) {
      const it = this.item(sku);
      let free = this.free(it.id, t);
      const target = Math.floor((it.reorderPointMilli ?? 0) / 2);
      const lots = this.ctx.sqlite
        .prepare(
          "SELECT id, on_hand_milli - reserved_milli AS free FROM lots WHERE item_id = ? AND on_hand_milli > reserved_milli AND status = 'released' AND (expires_on IS NULL OR expires_on >= ?) ORDER BY expires_on, id",
        )
        .all(it.id, t) as { id: number; free: number }[];
      for (const l of lots) {
        if (free <= target) break;
        const q = Math.min(l.free, free - target);
        this.call(t, 'inventory.scrapLot', { lotId: l.id, quantity: milliText(q), reason: 'Confezione aperta e contaminata: eliminata' });
        free -= q;
      }
    }
    // a wholesale order held up by each of them
    const shop = this.state.customers.find((c) => c.profile === 'shop') ?? this.state.customers[0]!;
    for (const [product, material] of [['PF-SAP-MAL', 'MP-LATTE-CAPRA'], ['PF-SAP-MENTA', 'MP-OE-MENTA']] as const) {
      const p = this.item(product);
      const m = this.item(material);
      const r = this.state.recipes.get(p.id)!;
      const perBatch = r.components.filter((c) => c.itemId === m.id).reduce((s, c) => s + grossPerBatch(c), 0);
      const covered = Math.floor(Math.max(0, this.free(m.id, t)) / perBatch);
      const qty = Math.ceil((Math.max(0, this.free(p.id, t)) + (covered + 2) * r.yieldMilli) / 50_000) * 50_000;
      const o = this.call(t, 'orders.create', {
        customerId: shop.id,
        channel: 'wholesale',
        orderedOn: t,
        requestedOn: addDays(t, 21),
        notes: 'Ordine per la fiera di primavera',
        lines: [{ itemId: p.id, quantity: milliText(qty), discountPct: '35', note: '' }],
        confirm: true,
      });
      this.call(t, 'orders.fulfil', { orderIds: [o.id], group: true });
    }
    // lots waiting in quarantine, one about to expire, one expired and still on the shelf
    const essences = this.item('MP-OE-LAVANDA');
    this.receive(addDays(t, -1), essences.supplierId!, [{ item: essences, qtyMilli: 1_000_000 }], false, 'In attesa del certificato di analisi');
    const emul = this.item('MP-EMULSIONANTE');
    this.receive(t, emul.supplierId!, [{ item: emul, qtyMilli: 2000 }], false);
    const oats = this.item('MP-AVENA');
    this.receive(addDays(t, -40), oats.supplierId!, [{ item: oats, qtyMilli: 5000, expiresOn: addDays(t, 19) }], false, 'Lotto a scadenza breve, prezzo ridotto');
    const almond = this.item('MP-OLIO-MANDORLE');
    this.receive(addDays(t, -75), almond.supplierId!, [{ item: almond, qtyMilli: 2000, expiresOn: addDays(t, -6) }], false, 'Rimanenza di fine serie');
  }
}

export const workshopHistoryStep: DemoStep = {
  name: 'workshop-history',
  run(ctx: Ctx, rng: Rng, state: DemoState) {
    if (state.scale !== 'small') return {};
    return new WorkshopHistory(ctx, rng, state).run();
  },
};
