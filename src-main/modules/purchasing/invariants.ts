import { sqlInvariant, type Invariant } from '../../db/check';

/** What `bottega check` proves about purchase orders: received and open quantities agree with the receipts and the state. */
export const purchasingInvariants: Invariant[] = [
  sqlInvariant<{ id: number; received: number; total: number }>(
    'purchasing.received_matches_receipts',
    `SELECT l.id, l.received_milli AS received, coalesce(r.total, 0) AS total FROM purchase_order_lines l
     LEFT JOIN (SELECT purchase_order_line_id AS id, sum(qty_milli) AS total FROM purchase_receipts GROUP BY purchase_order_line_id) r ON r.id = l.id
     WHERE l.received_milli <> coalesce(r.total, 0)`,
    (r) => `purchase order line ${r.id} says ${r.received} received, its receipts add up to ${r.total}`,
    150,
  ),
  sqlInvariant<{ id: number; open: number }>(
    'purchasing.open_quantity',
    `SELECT l.id, l.open_milli AS open FROM purchase_order_lines l JOIN purchase_orders p ON p.id = l.purchase_order_id
     WHERE l.open_milli <> CASE WHEN p.status = 'cancelled' THEN 0 ELSE max(l.qty_milli - l.received_milli, 0) END`,
    (r) => `purchase order line ${r.id} has an open quantity (${r.open}) that is not ordered − received`,
    40,
  ),
  sqlInvariant<{ id: number; number: string; status: string }>(
    'purchasing.status_follows_lines',
    `SELECT p.id, p.number, p.status FROM purchase_orders p
     JOIN (SELECT purchase_order_id AS id, sum(open_milli > 0) AS open, sum(received_milli > 0) AS touched FROM purchase_order_lines GROUP BY purchase_order_id) l ON l.id = p.id
     WHERE (p.status = 'received' AND l.open > 0)
        OR (p.status IN ('draft', 'sent') AND l.touched > 0)
        OR (p.status = 'partially_received' AND (l.open = 0 OR l.touched = 0))`,
    (r) => `purchase order ${r.number} is ${r.status}, which its lines contradict`,
    60,
  ),
];
