import { z } from 'zod';
import { command, query } from './define';
import { id } from './common';
import { EVERYONE, OWNER_ONLY, type RolesOf } from './accounts';

/**
 * What global search finds, in the order its groups are shown. A `shipment` hit is found
 * by its DDT number and opens the shipment; an `invoice` is found once it has a number.
 */
export const SEARCH_KINDS = ['order', 'customer', 'supplier', 'item', 'lot', 'shipment', 'production_order', 'purchase_order', 'invoice'] as const;
export const searchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof searchKind>;

export const searchHit = z.object({
  kind: searchKind,
  /** the id of the thing to open (for a DDT: its shipment) */
  id,
  title: z.string(),
  subtitle: z.string(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchOps = {
  'search.global': query(
    'Global search: orders, customers, suppliers, items, lots, DDTs, production and purchase orders, invoices by name, number or code; several words in any order, a scanned GS1 label opens its lot',
    z.object({
      q: z.string().max(500, { message: 'At most 500 characters' }),
      /** how many hits at most, over all kinds */
      limit: z.number().int().min(1).max(100).default(30),
    }),
    z.object({ hits: z.array(searchHit) }),
  ),
  'search.rebuild': command(
    'Rebuild the search index from the tables it covers, in one transaction (repair; the triggers keep it current otherwise)',
    z.object({}),
    z.object({ documents: z.number().int() }),
  ),
};

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const searchRoles = {
  'search.global': EVERYONE,
  'search.rebuild': OWNER_ONLY,
} as const satisfies RolesOf<typeof searchOps>;
