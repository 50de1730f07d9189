/**
 * The report's sections dated by their own events rather than by order date: production
 * completed in the period (yield, material consumption) and DDTs issued in it (carriers).
 */
import type { z } from 'zod';
import type { kpiCarrier, kpiMaterial, kpiYield } from '../../../src-shared/contract/reports';
import type { ReadCtx } from '../../api/context';
import { sql } from '../../db/sql';
import { microsToCents } from '../../../src-shared/domain/money';
import { shareBp } from './kpiMath';
import { workCalendarOf } from '../planning/workCalendar';

type Yield = z.infer<typeof kpiYield>;
type Material = z.infer<typeof kpiMaterial>;
type Carrier = z.infer<typeof kpiCarrier>;

/** Per item made: batches completed in the period, planned against actual output (summed first, then each item looked up once). */
export function yieldByRecipe(ctx: ReadCtx, from: string, to: string): Yield[] {
  const q = sql`
    WITH made AS (
      SELECT po.item_id AS itemId, sum(po.batches) AS batches,
             sum(po.planned_qty_milli) AS plannedMilli, sum(coalesce(po.actual_qty_milli, 0)) AS actualMilli
      FROM production_orders po INDEXED BY production_orders_produced
      WHERE po.status = 'completed' AND po.produced_on >= ${from} AND po.produced_on <= ${to}
      GROUP BY po.item_id
    )
    SELECT m.itemId, i.sku, i.name, i.unit, m.batches, m.plannedMilli, m.actualMilli
    FROM made m CROSS JOIN items i ON i.id = m.itemId`;
  const rows = ctx.sqlite.prepare(q.text).all(...q.values) as Omit<Yield, 'varianceBp'>[];
  return rows
    .map((r) => ({ ...r, varianceBp: shareBp(r.actualMilli - r.plannedMilli, r.plannedMilli) }))
    .sort((a, b) => Math.abs(b.varianceBp ?? 0) - Math.abs(a.varianceBp ?? 0) || a.sku.localeCompare(b.sku));
}

/**
 * Materials and packaging consumed by the production completed in the period, from the lots
 * actually used: each input's cost rounded once (qty × lot cost), then summed per item.
 * A year is 150,000 inputs over covering indexes; SQL hands them to JS as one JSON array
 * (item, quantity, cost or null) and JS sums per item: a GROUP BY would sort them all
 * first, which cost as much as reading them. Only the items summed are looked up and
 * filtered by kind.
 */
export function materialConsumption(ctx: ReadCtx, from: string, to: string): Material[] {
  const q = sql`
    SELECT '[' || coalesce(group_concat(lot.item_id || ',' || g.qty_milli || ',' || coalesce((g.qty_milli * lot.unit_cost_micros + 500) / 1000, 'null')), '') || ']'
    FROM production_orders po INDEXED BY production_orders_produced
    CROSS JOIN lot_genealogy g INDEXED BY lot_genealogy_production ON g.production_order_id = po.id
    CROSS JOIN lots lot INDEXED BY lots_cost ON lot.id = g.input_lot_id
    WHERE po.status = 'completed' AND po.produced_on >= ${from} AND po.produced_on <= ${to}`;
  const v = JSON.parse(ctx.sqlite.prepare(q.text).pluck().get(...q.values) as string) as (number | null)[];
  const used = new Map<number, { qtyMilli: number; costMicros: number; costUnknown: boolean }>();
  for (let at = 0; at < v.length; at += 3) {
    const itemId = v[at]!;
    let u = used.get(itemId);
    if (!u) used.set(itemId, (u = { qtyMilli: 0, costMicros: 0, costUnknown: false }));
    u.qtyMilli += v[at + 1]!;
    const cost = v[at + 2]!;
    if (cost === null) u.costUnknown = true;
    else u.costMicros += cost;
  }
  const items = ctx.sqlite
    .prepare("SELECT id AS itemId, sku, name, unit FROM items WHERE id IN (SELECT value FROM json_each(?)) AND kind IN ('material', 'packaging')")
    .all(JSON.stringify([...used.keys()])) as Pick<Material, 'itemId' | 'sku' | 'name' | 'unit'>[];
  return items
    .map((i) => {
      const u = used.get(i.itemId)!;
      return { ...i, qtyMilli: u.qtyMilli, costCents: microsToCents(u.costMicros), costUnknown: u.costUnknown };
    })
    .sort((a, b) => b.costCents - a.costCents || a.sku.localeCompare(b.sku));
}

/**
 * Per carrier: the shipments whose DDT is dated in the period and their packages. Bottega
 * records no delivery date, so the transit time shown is the one planned in Settings.
 * The DDTs, carriers and package counts all come from covering indexes, no row is read.
 */
export function carriers(ctx: ReadCtx, from: string, to: string): Carrier[] {
  const q = sql`
    SELECT coalesce(nullif(sh.carrier, ''), '') AS carrier, count(*) AS shipments,
           sum((SELECT coalesce(sum(p.count), 0) FROM shipment_packages p WHERE p.shipment_id = sh.id)) AS packages
    FROM ddts d INDEXED BY ddts_kind_date
    CROSS JOIN shipments sh INDEXED BY shipments_carrier ON sh.id = d.shipment_id
    WHERE d.kind = 'shipment' AND d.date >= ${from} AND d.date <= ${to}
    GROUP BY 1`;
  const rows = ctx.sqlite.prepare(q.text).all(...q.values) as Omit<Carrier, 'plannedTransitDays'>[];
  const rules = workCalendarOf(ctx).settings.transit;
  const planned = (carrier: string) => {
    const days = rules.filter((t) => carrier !== '' && t.carrier.trim().toLowerCase() === carrier.trim().toLowerCase()).map((t) => t.days);
    return days.length === 0 ? null : Math.min(...days);
  };
  return rows.map((r) => ({ ...r, plannedTransitDays: planned(r.carrier) })).sort((a, b) => b.shipments - a.shipments || a.carrier.localeCompare(b.carrier));
}
