/**
 * Weights of a shipment. Item weights are milligrams per one unit of the item
 * (`items.net_weight_mg`), quantities thousandths of that unit; the DDT shows grams.
 */

export interface WeighedLine {
  qtyMilli: number;
  /** null: the item has no weight in the catalog */
  netWeightMg: number | null;
}

/** Net weight of the goods in grams (half up), or null when some line has no item weight. */
export function netWeightG(lines: readonly WeighedLine[]): number | null {
  let mg = 0;
  for (const l of lines) {
    if (l.netWeightMg === null) return null;
    // qtyMilli / 1000 units × mg per unit, kept in whole milligrams × 1000 to stay exact
    mg += l.qtyMilli * l.netWeightMg;
  }
  return Math.floor((mg / 1000 + 500) / 1000);
}

/** Gross weight: the goods plus each package's tare, in grams; null when the net weight is unknown. */
export function grossWeightG(net: number | null, packages: readonly { count: number; tareG: number }[]): number | null {
  if (net === null) return null;
  return net + packages.reduce((s, p) => s + p.count * p.tareG, 0);
}

export function packageCount(packages: readonly { count: number }[]): number {
  return packages.reduce((s, p) => s + p.count, 0);
}

/** DDT numbers read `12/2026`: progressive within the year. */
export function ddtNumber(seq: number, year: number): string {
  return `${seq}/${year}`;
}
