/**
 * What is held for each open line read (the HELD reservations, summed per line), by the
 * line's place in the columns read. The lines' ids are dense (one range of the order index:
 * 101,765 lines over 104,087 ids in a full bench run's state, 406,142 over 408,463 with its
 * open orders quadrupled), so each id's place is kept in a typed array over their range,
 * not a map: a map of the held lines, asked once per line read, cost ~10 ms of a plan with
 * the open orders quadrupled. Ids spread wider than that (OPEN_LINES, orders far apart)
 * are placed by a map.
 */

/** `held[k]`: what is held for line k of `lineIds` (0: nothing). */
export function heldPerLine(lineIds: readonly number[], heldLines: readonly number[], heldMilli: readonly number[]): Float64Array {
  const held = new Float64Array(lineIds.length);
  if (heldLines.length === 0 || lineIds.length === 0) return held;
  let min = lineIds[0]!;
  let max = min;
  for (let k = 1; k < lineIds.length; k++) {
    const id = lineIds[k]!;
    if (id < min) min = id;
    else if (id > max) max = id;
  }
  const span = max - min + 1;
  if (span > 4 * lineIds.length + 1024) {
    const placeOf = new Map<number, number>();
    for (let k = 0; k < lineIds.length; k++) placeOf.set(lineIds[k]!, k);
    for (let j = 0; j < heldLines.length; j++) {
      const k = placeOf.get(heldLines[j]!);
      if (k !== undefined) held[k]! += heldMilli[j]!;
    }
    return held;
  }
  // each id's place among the lines read, plus one (0: not read)
  const placeOf = new Int32Array(span);
  for (let k = 0; k < lineIds.length; k++) placeOf[lineIds[k]! - min] = k + 1;
  for (let j = 0; j < heldLines.length; j++) {
    const id = heldLines[j]!;
    if (id < min || id > max) continue;
    const k = placeOf[id - min]!;
    if (k > 0) held[k - 1]! += heldMilli[j]!;
  }
  return held;
}
