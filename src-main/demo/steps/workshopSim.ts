/** The workshop year's clock, its commands through the registry, buying and making (workshopHistory.ts sells on top of it). */
import type { Contract, InputOf, OperationName, OutputOf } from '../../../src-shared/contract';
import { addDays, localDate } from '../../../src-shared/domain/dates';
import { componentNeed } from '../../../src-shared/domain/recipeTree';
import { WHOLE_UNITS_COL } from '../../modules/catalog/recipeLookup';
import { sql } from '../../db/sql';
import type { Ctx } from '../../api/context';
import { itemAvailableMilli } from '../../modules/inventory/ledger';
import { atTime, demoCall } from '../call';
import { withStatementCache } from '../../db/statementCache';
import { microsText, milliText, niceRoundUp, ShopRefs, SupplierPapers, weekday, workTime } from '../paperwork';
import type { Rng } from '../rng';
import type { DemoItem, DemoState } from '../types';

/** Days of history before today (small scale). */
export const HISTORY_DAYS = 364;
/** Orders arrive over the last half year. */
export const ORDER_DAYS = 182;
/** Materials whose supplier is late at the end: they run short. */
export const DELAYED = ['MP-LATTE-CAPRA', 'MP-OE-MENTA'];

export const POPULARITY: Record<string, number> = {
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

export type Task = () => void;

export interface PoRow {
  id: number;
  parentId: number | null;
  itemId: number;
  batches: number;
  recipeId: number;
  plannedOn: string;
  status: string;
}

export class WorkshopSim {
  readonly today: string;
  protected readonly start: string;
  protected clockDay = '';
  protected minutes = 0;
  protected readonly tasks = new Map<string, Task[]>();
  protected readonly papers = new Map<number, SupplierPapers>();
  protected readonly refs: ShopRefs;
  protected readonly bought: DemoItem[];
  protected readonly products: DemoItem[];
  protected readonly poStmt;
  protected readonly componentsStmt;
  protected readonly ctx: Ctx;

  constructor(
    ctx: Ctx,
    protected readonly rng: Rng,
    protected readonly state: DemoState,
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
    this.componentsStmt = ctx.sqlite.prepare(sql`SELECT item_id AS itemId, qty_milli AS qtyMilli, scrap_bp AS scrapBp, ${WHOLE_UNITS_COL} FROM recipe_components WHERE recipe_id = ?`.text);
  }

  // ——— the clock and the commands ———

  /** The context with the clock at the next working minute of `day`. */
  protected at(day: string): Ctx {
    if (day !== this.clockDay) {
      this.clockDay = day;
      this.minutes = this.rng.int(0, 40);
    }
    this.minutes += 2;
    return atTime(this.ctx, workTime(day, this.minutes));
  }

  protected call<K extends OperationName>(day: string, name: K, input: InputOf<Contract[K]>): OutputOf<Contract[K]> {
    return demoCall(this.at(day), name, input);
  }

  protected later(day: string, task: Task): void {
    if (day > this.today) return; // the future is not written
    const list = this.tasks.get(day);
    if (list) list.push(task);
    else this.tasks.set(day, [task]);
  }

  protected item(sku: string): DemoItem {
    const it = this.state.itemsBySku.get(sku.toLowerCase());
    if (!it) throw new RangeError(`demo history: unknown SKU ${sku}`);
    return it;
  }

  protected free(itemId: number, day: string): number {
    return itemAvailableMilli(this.ctx, itemId, day);
  }

  // ——— buying ———

  /** The pack a workshop buys: about three reorder points, or what is missing, rounded up. */
  protected pack(item: DemoItem, shortMilli: number): number {
    const base = Math.max(shortMilli, (item.reorderPointMilli ?? 1000) * this.rng.int(2, 4));
    return niceRoundUp(base);
  }

  /**
   * A receipt from one supplier. Lots that arrive in quarantine are released two working
   * days later (at once when `urgent`); the last days' lots are still waiting.
   */
  protected receive(day: string, supplierId: number, lines: { item: DemoItem; qtyMilli: number; expiresOn?: string }[], urgent = false, note = ''): number[] {
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

  protected releaseLot(day: string, lotId: number): void {
    this.call(day, 'inventory.releaseLot', { lotId, by: 'Giulia (controllo qualità)', reason: 'Certificato di analisi verificato, campione conforme' });
  }

  /** The fortnightly order to each supplier: what is below twice its reorder point. */
  protected restock(day: string, index: number): void {
    const supplier = this.state.suppliers[index]!;
    const late = day > addDays(this.today, -16);
    const lines = this.bought
      .filter((i) => i.supplierId === supplier.id && !(late && DELAYED.includes(i.sku)))
      .filter((i) => this.free(i.id, day) < 2 * (i.reorderPointMilli ?? 0))
      .map((i) => ({ item: i, qtyMilli: this.pack(i, 0) }));
    if (lines.length > 0) this.receive(day, supplier.id, lines);
  }

  // ——— making ———

  protected po(id: number): PoRow {
    return this.poStmt.get(id) as PoRow;
  }

  /**
   * Makes sure every material of `batches` of the recipe is there on `needDate`: an
   * intermediate that is short is made first (the same day), a material that is short is
   * bought in a hurry (quarantine released at once, the lab checks it while you wait).
   */
  protected ensureMaterials(day: string, recipeId: number, batches: number, needDate: string): void {
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
  protected release(day: string, id: number, producedOn: string): void {
    const po = this.po(id);
    if (po.status !== 'planned') return;
    if (po.plannedOn !== producedOn) this.call(day, 'production.update', { id, plannedOn: producedOn });
    this.ensureMaterials(day, po.recipeId, po.batches, producedOn);
    this.call(day, 'production.release', { id });
  }

  /** Completion entered on `day` for a batch made on `producedOn` (soaps are cut and packed days later). */
  protected complete(day: string, id: number, producedOn = day): void {
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
  protected runNow(day: string, id: number, producedOn: string): void {
    for (const child of this.childrenOf(id)) this.runNow(day, child, producedOn);
    this.release(day, id, producedOn);
    this.complete(producedOn, id);
  }

  protected childrenOf(id: number): number[] {
    return (this.ctx.sqlite.prepare("SELECT id FROM production_orders WHERE parent_id = ? AND status = 'planned' ORDER BY id").all(id) as { id: number }[]).map((r) => r.id);
  }

  /**
   * The usual rhythm of a batch: on day X the intermediates are made and the batch's
   * materials are picked (released); the batch itself is made on X + 1 and entered as
   * completed once it is cut and packed, up to two days later.
   */
  protected schedule(rootId: number, x: string): void {
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
  protected makeToStock(day: string): void {
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

}
