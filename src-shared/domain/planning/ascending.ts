/**
 * Where a value is in a list sorted ascending by a numeric key, by a binary search: the
 * plan's snapshot lists (orders, production orders, planned materials) come sorted by id,
 * so they are searched where they are instead of copied into a map per read.
 */
export function indexInAscending(length: number, keyAt: (i: number) => number, value: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyAt(mid) < value) lo = mid + 1;
    else hi = mid;
  }
  return length > 0 && keyAt(lo) === value ? lo : -1;
}
