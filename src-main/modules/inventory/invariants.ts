import type { Invariant } from '../../db/check';
import { documentKinds } from './documents';

const rows = <T>(ctx: Parameters<Invariant['problems']>[0], sql: string): T[] => ctx.sqlite.prepare(sql).all() as T[];

/** What `bottega check` proves about the ledger (issue: "get it exact"). */
export const inventoryInvariants: Invariant[] = [
  {
    name: 'inventory.balance_equals_movements',
    problems: (ctx) =>
      rows<{ lotId: number; locationId: number; balance: number | null; moved: number | null }>(
        ctx,
        `SELECT lotId, locationId, max(balance) AS balance, max(moved) AS moved FROM (
           SELECT lot_id AS lotId, location_id AS locationId, qty_milli AS balance, NULL AS moved FROM stock_balances
           UNION ALL
           SELECT lot_id, location_id, NULL, sum(qty_milli) FROM stock_movements GROUP BY lot_id, location_id
         ) GROUP BY lotId, locationId
         HAVING coalesce(max(balance), 0) <> coalesce(max(moved), 0)`,
      ).map((r) => `lot ${r.lotId} at location ${r.locationId}: balance ${r.balance ?? 0} but movements sum to ${r.moved ?? 0}`),
  },
  {
    name: 'inventory.lot_on_hand_equals_balances',
    problems: (ctx) =>
      rows<{ id: number; onHand: number; balances: number }>(
        ctx,
        `SELECT l.id, l.on_hand_milli AS onHand, coalesce(b.total, 0) AS balances
         FROM lots l LEFT JOIN (SELECT lot_id, sum(qty_milli) AS total FROM stock_balances GROUP BY lot_id) b ON b.lot_id = l.id
         WHERE l.on_hand_milli <> coalesce(b.total, 0)`,
      ).map((r) => `lot ${r.id}: on hand ${r.onHand} but balances sum to ${r.balances}`),
  },
  {
    name: 'inventory.no_negative_stock',
    problems: (ctx) =>
      rows<{ lotId: number; locationId: number; qty: number }>(
        ctx,
        'SELECT lot_id AS lotId, location_id AS locationId, qty_milli AS qty FROM stock_balances WHERE qty_milli < 0',
      ).map((r) => `lot ${r.lotId} at location ${r.locationId} is below zero (${r.qty})`),
  },
  {
    name: 'inventory.lot_reserved_equals_reservations',
    problems: (ctx) =>
      rows<{ id: number; reserved: number; held: number }>(
        ctx,
        `SELECT l.id, l.reserved_milli AS reserved, coalesce(r.held, 0) AS held
         FROM lots l LEFT JOIN (SELECT lot_id, sum(qty_milli) AS held FROM reservations WHERE lot_id IS NOT NULL AND qty_milli > 0 GROUP BY lot_id) r ON r.lot_id = l.id
         WHERE l.reserved_milli <> coalesce(r.held, 0)`,
      ).map((r) => `lot ${r.id}: reserved ${r.reserved} but its reservations hold ${r.held}`),
  },
  {
    name: 'inventory.reserved_within_on_hand',
    problems: (ctx) =>
      rows<{ id: number; code: string; onHand: number; reserved: number }>(
        ctx,
        'SELECT id, code, on_hand_milli AS onHand, reserved_milli AS reserved FROM lots WHERE reserved_milli > on_hand_milli OR reserved_milli < 0',
      ).map((r) => `lot ${r.code}: reserved ${r.reserved} exceeds on hand ${r.onHand}`),
  },
  {
    name: 'inventory.documents_exist',
    problems: (ctx) => {
      const problems: string[] = [];
      for (const [source, table] of [
        ['movement', 'stock_movements'],
        ['reservation', 'reservations'],
        ['lot', 'lots'],
      ] as const) {
        const types = rows<{ t: string }>(ctx, `SELECT DISTINCT doc_type AS t FROM ${table}`).map((r) => r.t);
        for (const t of types) {
          const kind = documentKinds[t];
          if (!kind) {
            problems.push(`${source}s point at documents of unknown type ${t}`);
            continue;
          }
          for (const r of rows<{ id: number; docId: number }>(
            ctx,
            `SELECT x.id, x.doc_id AS docId FROM ${table} x WHERE x.doc_type = '${t.replace(/'/g, "''")}' AND NOT EXISTS (SELECT 1 FROM ${kind.table} d WHERE d.id = x.doc_id)`,
          )) {
            problems.push(`${source} ${r.id} points at missing ${t} ${r.docId}`);
          }
        }
      }
      return problems;
    },
  },
  {
    name: 'inventory.integer_quantities',
    problems: (ctx) =>
      rows<{ t: string; id: number }>(
        ctx,
        `SELECT 'movement' AS t, id FROM stock_movements WHERE typeof(qty_milli) <> 'integer' OR qty_milli = 0
         UNION ALL SELECT 'reservation', id FROM reservations WHERE typeof(qty_milli) <> 'integer' OR qty_milli < 0
         UNION ALL SELECT 'lot', id FROM lots WHERE typeof(on_hand_milli) <> 'integer' OR typeof(reserved_milli) <> 'integer'`,
      ).map((r) => `${r.t} ${r.id} has a quantity that is not a whole number of thousandths`),
  },
];
