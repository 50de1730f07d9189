import { z } from 'zod';
import { command, query } from './define';
import { emptyInput, id } from './common';
import { EVERYONE, OWNER_ONLY, type RolesOf } from './accounts';

/** What labels are printed on (see src-main/documents/labels/layout.ts for the sizes). */
export const LABEL_LAYOUTS = ['a4_3x8', 'thermal_100x150', 'roll_62'] as const;
export const labelLayout = z.enum(LABEL_LAYOUTS);
export type LabelLayoutId = z.infer<typeof labelLayout>;

export const LABEL_KINDS = ['food', 'cosmetic', 'other'] as const;
export const labelKind = z.enum(LABEL_KINDS);

/** What an item's labels need beyond the catalog: which law's wording, PAO, units per case. */
export const itemLabelInfo = z.object({
  itemId: id,
  labelKind,
  /** food only: a use-by date ("da consumarsi entro") or best before ("da consumarsi preferibilmente entro") */
  expiryWording: z.enum(['use_by', 'best_before']),
  /** cosmetics: period after opening, in months (the open-jar symbol) */
  paoMonths: z.number().int().min(1).max(120).nullable(),
  /** what is printed as net quantity, e.g. "250 g ℮"; empty: from the item's net weight */
  netContent: z.string().max(40),
  /** units in one case, for case labels */
  unitsPerCase: z.number().int().min(1).max(100000).nullable(),
  /** false: nothing saved yet, these are the defaults */
  saved: z.boolean(),
});
export type ItemLabelInfo = z.infer<typeof itemLabelInfo>;

export const labelSettings = z.object({
  product: labelLayout,
  case: labelLayout,
  shipping: labelLayout,
});
export type LabelSettings = z.infer<typeof labelSettings>;
export const LABEL_SETTINGS_DEFAULTS: LabelSettings = { product: 'a4_3x8', case: 'thermal_100x150', shipping: 'thermal_100x150' };

export const labelsPdf = z.object({
  fileName: z.string(),
  contentType: z.literal('application/pdf'),
  base64: z.string(),
  labels: z.number().int(),
  pages: z.number().int(),
  layout: labelLayout,
});

const printOptions = {
  /** the layout from Settings when absent */
  layout: labelLayout.optional(),
  /** labels already used on the first A4 sheet */
  skip: z.number().int().min(0).max(23).default(0),
  language: z.enum(['it', 'en']).optional(),
};

export const labelOps = {
  'labels.itemInfo': query('What an item\'s labels need: kind (food/cosmetic/other), expiry wording, PAO, net content, units per case.', z.object({ itemId: id }), itemLabelInfo),
  'labels.saveItemInfo': command(
    'Save an item\'s label facts.',
    z.object({
      itemId: id,
      labelKind,
      expiryWording: z.enum(['use_by', 'best_before']).default('best_before'),
      paoMonths: z.number().int().min(1).max(120).nullable().default(null),
      netContent: z.string().trim().max(40).default(''),
      unitsPerCase: z.number().int().min(1).max(100000).nullable().default(null),
    }),
    itemLabelInfo,
  ),
  'labels.settings': query('Label layouts chosen per label kind.', emptyInput, labelSettings),
  'labels.saveSettings': command('Choose the layout of each label kind.', labelSettings.partial(), labelSettings),
  'labels.lotPdf': query(
    'Labels of one lot (PDF, base64): product labels (copies) or case labels (GS1-128 when the item has a GTIN).',
    z.object({ lotId: id, kind: z.enum(['product', 'case']).default('product'), copies: z.number().int().min(1).max(5000).default(1), unitsPerCase: z.number().int().min(1).max(100000).optional(), ...printOptions }),
    labelsPdf,
  ),
  'labels.productionPdf': query(
    'Product labels for the output of a completed production order: one per unit made unless copies is given.',
    z.object({ productionId: id, kind: z.enum(['product', 'case']).default('product'), copies: z.number().int().min(1).max(5000).optional(), ...printOptions }),
    labelsPdf,
  ),
  'labels.shipmentPdf': query(
    'Shipping labels of a shipment, one per package: sender, recipient, DDT number, package n/N, carrier, tracking and a Code 128 of the DDT number.',
    z.object({ shipmentId: id, ...printOptions }),
    labelsPdf,
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const labelRoles = {
  'labels.itemInfo': EVERYONE,
  'labels.saveItemInfo': ['office', 'production'],
  'labels.settings': EVERYONE,
  'labels.saveSettings': OWNER_ONLY,
  'labels.lotPdf': ['office', 'production', 'packing'],
  'labels.productionPdf': ['office', 'production'],
  'labels.shipmentPdf': ['office', 'packing'],
} as const satisfies RolesOf<typeof labelOps>;
