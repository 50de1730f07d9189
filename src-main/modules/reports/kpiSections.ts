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

/** Per item made: batches completed in the period, planned against actual output. */
export function yieldByRecipe(ctx: ReadCtx, from: string, to: string): Yield[] {
  const q = sql`
    SELECT po.item_id AS itemId, i.sku, i.name, i.unit, sum(po.batches) AS batches,
           sum(po.planned_qty_milli) AS plannedMilli, sum(coalesce(po.actual_qty_milli, 0)) AS actualMilli
    FROM production_orders po INDEXED BY production_orders_produced
    JOIN items i ON i.id = po.item_id
    WHERE po.status = 'completed' AND po.produced_on >= ${from} AND po.produced_on <= ${to}
    GROUP BY po.item_id`;
  const rows = ctx.sqlite.prepare(q.text).all(...q.values) as Omit<Yield, 'varianceBp'>[];
  return rows
    .map((r) => ({ ...r, varianceBp: shareBp(r.actualMilli - r.plannedMilli, r.plannedMilli) }))
    .sort((a, b) => Math.abs(b.varianceBp ?? 0) - Math.abs(a.varianceBp ?? 0) || a.sku.localeCompare(b.sku));
}

/**
 * Materials and packaging consumed by the production completed in the period, from the lots
 * actually used. The inputs are summed per item first, from covering indexes (a year is
 * 150,000 inputs), and only the items summed are looked up and filtered by kind.
 */
export function materialConsumption(ctx: ReadCtx, from: string, to: string): Material[] {
  const q = sql`
    WITH used AS (
      SELECT lot.item_id AS itemId, sum(g.qty_milli) AS qtyMilli,
             sum(CASE WHEN lot.unit_cost_micros IS NULL THEN 0 ELSE (g.qty_milli * lot.unit_cost_micros + 500) / 1000 END) AS costMicros,
             max(lot.unit_cost_micros IS NULL) AS costUnknown
      FROM production_orders po INDEXED BY production_orders_produced
      CROSS JOIN lot_genealogy g INDEXED BY lot_genealogy_production ON g.production_order_id = po.id
      CROSS JOIN lots lot INDEXED BY lots_cost ON lot.id = g.input_lot_id
      WHERE po.status = 'completed' AND po.produced_on >= ${from} AND po.produced_on <= ${to}
      GROUP BY lot.item_id
    )
    SELECT u.itemId, i.sku, i.name, i.unit, u.qtyMilli, u.costMicros, u.costUnknown
    FROM used u CROSS JOIN items i ON i.id = u.itemId
    WHERE i.kind IN ('material', 'packaging')`;
  const rows = ctx.sqlite.prepare(q.text).all(...q.values) as (Omit<Material, 'costCents' | 'costUnknown'> & { costMicros: number; costUnknown: number })[];
  return rows
    .map(({ costMicros, costUnknown, ...r }) => ({ ...r, costCents: microsToCents(costMicros), costUnknown: costUnknown === 1 }))
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
