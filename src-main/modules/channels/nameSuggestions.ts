/**
 * A SKU of the file that no item answers to is often an item we have under the same name
 * (the shop's SKU differs, its product title does not). The preview suggests that item, for
 * the user to accept: only a name equal ignoring case, accents and spacing, and only when one
 * item has it (two items with the same name suggest nothing rather than guess).
 */
import type { ReadCtx } from '../../api/context';
import type { ItemRow } from './previewTypes';

export type SuggestedItem = Pick<ItemRow, 'id' | 'sku' | 'name' | 'kind' | 'unit'>;

/** "Candéla  alla LAVANDA " and "candela alla lavanda" are the same name. */
export function itemNameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Looks names up among the items an order line may be (products, intermediates; not archived), loaded once, on first use. */
export function exactNameSuggester(ctx: ReadCtx): (name: string) => SuggestedItem | null {
  let byName: Map<string, SuggestedItem | null> | null = null;
  return (name) => {
    if (byName === null) {
      byName = new Map();
      const rows = ctx.sqlite.prepare("SELECT id, sku, name, kind, unit FROM items WHERE archived = 0 AND kind IN ('product', 'intermediate')").all() as SuggestedItem[];
      for (const r of rows) {
        const k = itemNameKey(r.name);
        byName.set(k, byName.has(k) ? null : r);
      }
    }
    const key = itemNameKey(name);
    return key === '' ? null : (byName.get(key) ?? null);
  };
}
