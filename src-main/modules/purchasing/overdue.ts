import { sql } from '../../db/sql';

/**
 * A purchase order the supplier is late with: sent (or partly received) and a line still
 * expected after its expected date. The list filter and the home screen's tile share it.
 * `@today` is bound by the caller; the status index narrows to the open orders first.
 */
export const OVERDUE_PURCHASE_ORDER = sql`p.status IN ('sent', 'partially_received')
  AND EXISTS (SELECT 1 FROM purchase_order_lines ol WHERE ol.purchase_order_id = p.id AND ol.open_milli > 0 AND ol.expected_on < @today)`;
