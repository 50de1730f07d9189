import { sql } from '../../db/sql';

/**
 * A late order: confirmed, not yet all shipped, and its promised date — the requested
 * date where nothing was promised — before today (as `isLate` in lineFacts.ts says for one
 * row). Written as the open statuses rather than "not shipped" so the status index finds
 * the few open orders among half a million shipped ones. `@today` is bound by the caller.
 * The order list's "late only" filter and the home screen share it.
 */
export const LATE_ORDER = sql`o.state = 'confirmed' AND o.status IN ('waiting', 'materials_short', 'in_production', 'ready_to_ship', 'partially_shipped')
  AND coalesce(o.promised_on, o.requested_on) < @today`;
