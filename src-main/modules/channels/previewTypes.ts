/** What an import preview plans, shared by the preview and its matching against existing orders. */
import type { PreviewOrder } from '../../../src-shared/contract/channels';
import type { OrderStatus } from '../../../src-shared/domain/orderStatus';
import type { Unit } from '../../../src-shared/domain/units';
import type { DraftOrder } from './extract';
import type { Channel } from './formats';

export interface ItemRow {
  id: number;
  sku: string;
  name: string;
  kind: 'material' | 'packaging' | 'intermediate' | 'product' | 'service';
  unit: Unit;
  archived: number;
  price: number | null;
}

export interface PlannedLine {
  itemId: number;
  qtyMilli: number;
  /** null: the item's sale price */
  unitPriceCents: number | null;
  discountBp: number;
  vatBp: number;
  note: string;
  /** the price the line will have (for comparisons and totals) */
  effectivePriceCents: number;
  /** what the customer paid for the line (VAT-included shop prices), see DraftLine.paid */
  paid: { unitGrossCents: number; discountCents: number } | null;
  /** the file's exact net price (up to 8 decimals) */
  exactPrice: string | null;
}

export interface PlannedOrder {
  draft: DraftOrder;
  channel: Channel;
  state: PreviewOrder['state'];
  existing: ExistingOrder | null;
  differences: string[];
  customerKey: string;
  customerId: number | null;
  lines: PlannedLine[];
  /** lines whose item the user chose in this import: remembered for the channel */
  chosen: { externalSku: string; itemId: number }[];
  /** per line of the file: the item found and the quantity read, for the preview */
  shown: { item: ItemRow | null; by: 'chosen' | 'saved' | 'sku' | null; qtyMilli: number | null }[];
}

export interface ExistingOrder {
  id: number;
  number: string;
  state: 'draft' | 'confirmed' | 'cancelled';
  status: OrderStatus;
  customerId: number;
  customerName: string;
  orderedOn: string;
  requestedOn: string | null;
  notes: string;
  busy: boolean;
}
