/** The item form's values: text as the user types it, to and from the contract's shapes. */
import type { Item } from '../../../src-shared/contract/catalog';
import type { ItemKind } from '../../../src-shared/contract/common';
import type { Unit } from '../../../src-shared/domain/units';
import type { In } from '../../api/hooks';
import type { Formatters } from '../../i18n/format';

export interface ItemFormValues {
  sku: string;
  name: string;
  kind: ItemKind;
  unit: Unit;
  lotTracked: boolean;
  quarantineOnReceipt: boolean;
  shelfLifeDays: string | number;
  reorderPoint: string;
  leadTimeDays: string | number;
  netWeight: string;
  gtin: string;
  unitCost: string;
  salePrice: string;
  /** the product family the reports group by */
  category: string;
  notes: string;
}

export type ItemField = keyof ItemFormValues;

export function emptyItem(kind: ItemKind = 'material'): ItemFormValues {
  return {
    sku: '',
    name: '',
    kind,
    unit: kind === 'product' ? 'pcs' : 'kg',
    lotTracked: true,
    quarantineOnReceipt: false,
    shelfLifeDays: '',
    reorderPoint: '',
    leadTimeDays: '',
    netWeight: '',
    gtin: '',
    unitCost: '',
    salePrice: '',
    category: '',
    notes: '',
  };
}

/** Stored integers back into text the user can edit ("6,40", "25", "120"). */
export function valuesOf(item: Item, fmt: Formatters): ItemFormValues {
  return {
    sku: item.sku,
    name: item.name,
    kind: item.kind,
    unit: item.unit,
    lotTracked: item.lotTracked,
    quarantineOnReceipt: item.quarantineOnReceipt,
    shelfLifeDays: item.shelfLifeDays ?? '',
    reorderPoint: item.reorderPointMilli === null ? '' : fmt.decimalInput(item.reorderPointMilli, 3),
    leadTimeDays: item.leadTimeDays ?? '',
    netWeight: item.netWeightMg === null ? '' : fmt.decimalInput(item.netWeightMg, 3),
    gtin: item.gtin ?? '',
    unitCost: item.unitCostMicros === null ? '' : fmt.decimalInput(item.unitCostMicros, 6, { minFractionDigits: 2 }),
    salePrice: item.salePriceCents === null ? '' : fmt.decimalInput(item.salePriceCents, 2, { minFractionDigits: 2 }),
    category: item.category ?? '',
    notes: item.notes,
  };
}

const days = (v: string | number): number | null => (v === '' || v === null ? null : Number(v));

export function inputOf(v: ItemFormValues): In<'catalog.createItem'> {
  return {
    sku: v.sku.trim(),
    name: v.name.trim(),
    kind: v.kind,
    unit: v.unit,
    lotTracked: v.lotTracked,
    quarantineOnReceipt: v.quarantineOnReceipt,
    shelfLifeDays: days(v.shelfLifeDays),
    reorderPoint: v.reorderPoint,
    leadTimeDays: days(v.leadTimeDays),
    netWeight: v.netWeight,
    gtin: v.gtin.replace(/\s+/g, ''),
    unitCost: v.unitCost,
    salePrice: v.salePrice,
    category: v.category,
    notes: v.notes,
  };
}

/** What can be said before asking the server: required fields. */
export function requiredMissing(v: ItemFormValues): ItemField[] {
  return (['sku', 'name'] as const).filter((f) => v[f].trim() === '');
}
