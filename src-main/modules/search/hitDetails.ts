/**
 * Titles and subtitles of the hits, read from the tables at query time (the index holds
 * tokens only, so what is shown is never stale). One statement per kind over the keys
 * found (`json_each`: one statement text whatever their number), each a primary-key lookup.
 * `key` is the indexed row (for a DDT: the DDT), `id` what the hit opens (its shipment).
 */
import type { SearchKind } from '../../../src-shared/contract/search';
import type { ReadCtx } from '../../api/context';
import { preparedOnce } from '../../db/statementCache';

export interface HitRow {
  key: number;
  id: number;
  title: string;
  subtitle: string;
}

const KEYS = 'IN (SELECT value FROM json_each(?))';
const AND_THEN = (expr: string) => `CASE WHEN coalesce(${expr}, '') = '' THEN '' ELSE ' · ' || ${expr} END`;

export const DETAILS: Record<SearchKind, string> = {
  order: `SELECT o.id AS key, o.id, o.number AS title, c.name || ${AND_THEN('o.external_ref')} AS subtitle
    FROM customer_orders o JOIN customers c ON c.id = o.customer_id WHERE o.id ${KEYS}`,
  customer: `SELECT id AS key, id, name AS title, city || ${AND_THEN('vat_number')} AS subtitle FROM customers WHERE id ${KEYS}`,
  supplier: `SELECT id AS key, id, name AS title, city || ${AND_THEN('vat_number')} AS subtitle FROM suppliers WHERE id ${KEYS}`,
  item: `SELECT id AS key, id, name AS title, sku || ${AND_THEN('gtin')} AS subtitle FROM items WHERE id ${KEYS}`,
  lot: `SELECT l.id AS key, l.id, l.code AS title, i.name || ${AND_THEN('l.supplier_lot_code')} AS subtitle
    FROM lots l JOIN items i ON i.id = l.item_id WHERE l.id ${KEYS}`,
  shipment: `SELECT d.id AS key, d.shipment_id AS id, d.number AS title, c.name || ' · ' || d.date AS subtitle
    FROM ddts d JOIN shipments s ON s.id = d.shipment_id JOIN customers c ON c.id = s.customer_id WHERE d.id ${KEYS}`,
  production_order: `SELECT p.id AS key, p.id, p.number AS title, i.name AS subtitle
    FROM production_orders p JOIN items i ON i.id = p.item_id WHERE p.id ${KEYS}`,
  purchase_order: `SELECT p.id AS key, p.id, p.number AS title, s.name AS subtitle
    FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id WHERE p.id ${KEYS}`,
  invoice: `SELECT v.id AS key, v.id, v.number AS title, c.name || ' · ' || v.date AS subtitle
    FROM invoices v JOIN customers c ON c.id = v.customer_id WHERE v.id ${KEYS}`,
};

/** The rows for these keys, in the order the keys were given (a key no longer there is left out). */
export function hitDetails(ctx: ReadCtx, kind: SearchKind, keys: readonly number[]): HitRow[] {
  if (keys.length === 0) return [];
  const rows = preparedOnce(ctx.sqlite, DETAILS[kind]).all(JSON.stringify(keys)) as HitRow[];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return keys.flatMap((k) => byKey.get(k) ?? []);
}
