/**
 * Which columns a table shows at a given width, and how wide it must at least be.
 * Columns with a width are fixed (dates, numbers, statuses: they never shrink, so a date
 * is never cut); the columns without one share the rest and ellipsize, but not below
 * their minWidth. When even that does not fit, the optional columns (dropOrder, lowest
 * first) are left out before the table scrolls sideways: at 1366 px the orders list
 * shows the customer's name instead of "Prof…".
 */

/** The part of a column the fitting reads. */
export interface FitColumn {
  key: string;
  width?: number | string;
  minWidth?: number;
  dropOrder?: number;
}

/** the least a flexible column gets when it says nothing */
export const DEFAULT_FLEX_MIN = 160;

/** The width the columns need: fixed widths plus the flexible columns' minimums (a CSS width that is not px counts as 0). */
export function neededWidth(columns: readonly FitColumn[]): number {
  let sum = 0;
  for (const c of columns) {
    if (typeof c.width === 'number') sum += c.width;
    else if (c.width === undefined) sum += c.minWidth ?? DEFAULT_FLEX_MIN;
  }
  return sum;
}

/** The columns shown in `available` px (0 = not measured yet: all of them). */
export function fitColumns<C extends FitColumn>(columns: readonly C[], available: number): C[] {
  if (available <= 0) return [...columns];
  const dropped = new Set<string>();
  const droppable = columns.filter((c) => c.dropOrder !== undefined).sort((a, b) => a.dropOrder! - b.dropOrder!);
  let shown = [...columns];
  for (const c of droppable) {
    if (neededWidth(shown) <= available) break;
    dropped.add(c.key);
    shown = columns.filter((x) => !dropped.has(x.key));
  }
  return shown;
}
