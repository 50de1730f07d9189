/**
 * A completion's consumption, written in one statement per table instead of four or five
 * per lot: the same checks as postKnownMovement and setHeld, on the caller's lot state,
 * with the writes collected and flushed together. The rows written are the same, in the
 * same order (movements get the ids they would have got one by one); a lot's on-hand and
 * held are moved by their sums. Flush before reading anything the writes change (an
 * item's availability, a refusal's message), and before the transaction ends.
 */
import type { Ctx } from '../../api/context';
import { checkKnownMovement, type KnownLot, type NewMovement } from './ledger';

const MOVEMENTS = `INSERT INTO stock_movements (lot_id, item_id, location_id, kind, qty_milli, doc_type, doc_id, reverses_id, reason, date, created_at)
  SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, NULL, '', value ->> 7, ? FROM json_each(?) ORDER BY key`;
// each row its own upsert, in order: two takes from one balance add up as they did one by one
const BALANCES = `INSERT INTO stock_balances (lot_id, location_id, qty_milli)
  SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true ORDER BY key
  ON CONFLICT(lot_id, location_id) DO UPDATE SET qty_milli = qty_milli + excluded.qty_milli`;
const LOTS = `UPDATE lots SET on_hand_milli = on_hand_milli + j.onHand, reserved_milli = reserved_milli - j.unheld
  FROM (SELECT value ->> 0 AS id, value ->> 1 AS onHand, value ->> 2 AS unheld FROM json_each(?)) AS j WHERE lots.id = j.id`;
const RESERVATIONS = `UPDATE reservations SET qty_milli = j.qty, closed_at = CASE WHEN j.qty = 0 THEN ? END
  FROM (SELECT value ->> 0 AS id, value ->> 1 AS qty FROM json_each(?)) AS j WHERE reservations.id = j.id`;

export class DeferredConsumption {
  private movements: unknown[][] = [];
  private balances: number[][] = [];
  /** per lot: on-hand moved, held taken off */
  private lots = new Map<number, [number, number]>();
  /** per reservation: what it holds now (the last write wins, as one by one) */
  private reservations = new Map<number, number>();

  constructor(private ctx: Ctx) {}

  /** setHeld for a reservation whose lot side the caller passes on as `unheld` (no lot given). */
  setHeld(reservationId: number, left: number): void {
    this.reservations.set(reservationId, left);
  }

  /** unholdLot, deferred. */
  unhold(lotId: number, qtyMilli: number): void {
    this.lotDelta(lotId, 0, qtyMilli);
  }

  /** postKnownMovement: the same checks on `lot` (kept up to date), the writes deferred. */
  move(m: NewMovement, lot: KnownLot, atLocationMilli: number, unheldMilli = 0): void {
    if (m.kind === 'transfer' || m.reversesId || m.reason) throw new Error('DeferredConsumption.move takes plain consumptions and outputs only');
    checkKnownMovement(m, lot, atLocationMilli);
    this.movements.push([m.lotId, lot.itemId, m.locationId, m.kind, m.qtyMilli, m.docType, m.docId, m.date]);
    this.balances.push([m.lotId, m.locationId, m.qtyMilli]);
    this.lotDelta(m.lotId, m.qtyMilli, unheldMilli);
    lot.onHand += m.qtyMilli;
  }

  private lotDelta(lotId: number, onHand: number, unheld: number): void {
    const d = this.lots.get(lotId);
    if (d) {
      d[0] += onHand;
      d[1] += unheld;
    } else this.lots.set(lotId, [onHand, unheld]);
  }

  /** Writes what was collected: one statement per table that has something to write. */
  flush(): void {
    const db = this.ctx.sqlite;
    const now = this.ctx.now().toISOString();
    if (this.reservations.size > 0) db.prepare(RESERVATIONS).run(now, JSON.stringify([...this.reservations]));
    if (this.movements.length > 0) {
      db.prepare(MOVEMENTS).run(now, JSON.stringify(this.movements));
      db.prepare(BALANCES).run(JSON.stringify(this.balances));
    }
    if (this.lots.size > 0) db.prepare(LOTS).run(JSON.stringify([...this.lots].map(([id, [onHand, unheld]]) => [id, onHand, unheld])));
    this.movements = [];
    this.balances = [];
    this.lots = new Map();
    this.reservations = new Map();
  }
}
