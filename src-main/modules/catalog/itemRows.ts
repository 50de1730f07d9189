import { type z } from 'zod';
import type { Item, itemInput } from '../../../src-shared/contract/catalog';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { parseMoneyCents, parseUnitCostMicros } from '../../../src-shared/domain/money';
import { isValidGtin } from '../../../src-shared/domain/gtin';
import { FieldProblems } from '../fieldParsing';
import type { items } from './schema';

export type ItemRow = typeof items.$inferSelect;
type ItemInput = z.output<typeof itemInput>;

export function toItem(row: ItemRow, hasRecipe: boolean): Item {
  return {
    id: row.id,
    version: row.version,
    sku: row.sku,
    name: row.name,
    kind: row.kind,
    unit: row.unit,
    lotTracked: row.lotTracked,
    quarantineOnReceipt: row.quarantineOnReceipt,
    shelfLifeDays: row.shelfLifeDays,
    reorderPointMilli: row.reorderPointMilli,
    leadTimeDays: row.leadTimeDays,
    netWeightMg: row.netWeightMg,
    gtin: row.gtin,
    unitCostMicros: row.unitCostMicros,
    salePriceCents: row.salePriceCents,
    category: row.category,
    notes: row.notes,
    archived: row.archived,
    hasRecipe,
  };
}

/** Turns what the user typed into the integers the table keeps, naming every bad field. */
export function itemValues(input: ItemInput) {
  const p = new FieldProblems();
  const reorderPointMilli =
    input.reorderPoint === null ? null : p.parse(['reorderPoint'], 'quantity', () => parseQuantity(input.reorderPoint!, input.unit), { unit: input.unit });
  const netWeightMg = input.netWeight === null ? null : p.parse(['netWeight'], 'quantity', () => parseQuantity(input.netWeight!, 'g'), { unit: 'g' });
  const unitCostMicros = input.unitCost === null ? null : p.parse(['unitCost'], 'money', () => parseUnitCostMicros(input.unitCost!));
  const salePriceCents = input.salePrice === null ? null : p.parse(['salePrice'], 'money', () => parseMoneyCents(input.salePrice!));
  const gtin = input.gtin === null ? null : input.gtin.replace(/\s+/g, '');
  if (gtin !== null && !isValidGtin(gtin)) p.add(['gtin'], 'gtin.invalid', `GTIN ${gtin} is not valid (length or check digit)`);
  for (const [field, value] of [
    ['reorderPoint', reorderPointMilli],
    ['netWeight', netWeightMg],
    ['unitCost', unitCostMicros],
    ['salePrice', salePriceCents],
  ] as const) {
    if (value !== null && value < 0) p.add([field], 'negative', `${field} cannot be negative`);
  }
  p.throwIfAny('The item has invalid fields');
  return {
    sku: input.sku,
    name: input.name,
    kind: input.kind,
    unit: input.unit,
    lotTracked: input.lotTracked,
    quarantineOnReceipt: input.quarantineOnReceipt,
    shelfLifeDays: input.shelfLifeDays,
    reorderPointMilli,
    leadTimeDays: input.leadTimeDays,
    netWeightMg,
    gtin,
    unitCostMicros,
    salePriceCents,
    category: input.category,
    notes: input.notes,
  };
}
