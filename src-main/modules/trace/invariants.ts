import { sqlInvariant, type Invariant } from '../../db/check';

/** What a recall promises, proved by `bottega check`. */
export const traceInvariants: Invariant[] = [
  // a recalled lot holds nothing for anyone: reserving it is refused, and the recall cancelled what it held
  sqlInvariant<{ code: string; reservationId: number; q: number }>(
    'trace.recalled_lots_hold_nothing',
    `SELECT l.code, r.id AS reservationId, r.qty_milli AS q FROM lots l JOIN reservations r ON r.lot_id = l.id AND r.qty_milli > 0
     WHERE l.status = 'recalled'`,
    (r) => `recalled lot ${r.code} is still held by reservation ${r.reservationId} (${r.q / 1000})`,
  ),
  // nothing turns a recalled lot back: the lots a recall blocked are still recalled
  sqlInvariant<{ recallId: number; code: string; status: string }>(
    'trace.recalls_stay_recalled',
    `SELECT x.recall_id AS recallId, l.code, l.status FROM recall_lots x JOIN lots l ON l.id = x.lot_id WHERE x.blocked = 1 AND l.status <> 'recalled'`,
    (r) => `lot ${r.code}, blocked by recall ${r.recallId}, is ${r.status}`,
  ),
];
