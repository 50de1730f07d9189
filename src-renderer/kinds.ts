import type { ItemKind } from '../src-shared/contract/common';

/**
 * The item kinds in display order. Kept here (type-checked against the contract) so the
 * renderer does not pull zod in at run time by importing the contract's values.
 */
export const ITEM_KINDS = ['material', 'packaging', 'intermediate', 'product', 'service'] as const satisfies readonly ItemKind[];
// every kind of the contract is listed
const _all: Record<ItemKind, true> = { material: true, packaging: true, intermediate: true, product: true, service: true };
void _all;
