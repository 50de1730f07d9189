/** The large history's buying and production on top of its ledger (largeHistory.ts sells on top of this). */
import { costOfQuantityMicros } from '../../../src-shared/domain/money';
import { STOCK_DOCUMENT } from '../../modules/inventory/documents';
import { niceRoundUp } from '../paperwork';
import { PRODUCTION_ORDER, type ItemSim, type LotSim, type Pick } from './largeHistoryModel';
import { LedgerSim } from './largeHistoryLedger';

export class SupplySim extends LedgerSim {
  // ——— buying ———

  protected receiptDoc(supplierId: number, day: number): number {
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
  protected receive(item: ItemSim, qty: number, day: number, hold = false, expiresOverride?: number): LotSim {
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
  protected buy(item: ItemSim, short: number, day: number): void {
    const lastWeeks = day > this.today - 21;
    const qty = item.late && lastWeeks ? short : niceRoundUp(Math.max(Math.ceil(short * (1 + this.rng.next())), item.reorder * this.rng.int(1, 3)));
    const arrives = Math.max(this.start, day - this.rng.int(item.quarantine ? 2 : 1, 4));
    this.receive(item, qty, arrives);
  }

  /** After a use: a bought item below its reorder point is ordered again (the late ones are not, at the end). */
  protected reorder(item: ItemSim, day: number): void {
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
  protected produce(item: ItemSim, batches: number, day: number, parentId: number | null, mode: 'complete' | 'release', createdDay: number, notes = ''): { id: number; output: LotSim | null; qty: number } {
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
  protected plan(item: ItemSim, qty: number, day: number, parentId: number | null, view: Map<number, number>): { id: number; qty: number; short: boolean } {
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

}
