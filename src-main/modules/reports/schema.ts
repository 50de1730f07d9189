import { sql } from 'drizzle-orm';
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The KPI summary (issue 16 speed): one row per line of a confirmed order with what the
 * report needs of it — the order's channel, customer and dates, the line's amount, and
 * what its DDTs shipped, at what lot cost, and what came back. `reports.kpis` reads a
 * year of it by date range instead of joining orders, lines, shipment lines, DDTs, lots
 * and returns (1.3 s on the large dataset).
 *
 * Nobody writes it but SQL: migration 0018_kpi_summary creates it WITHOUT ROWID
 * (clustered by order date, so a period is one contiguous range), the view
 * `kpi_order_line_facts` that defines every column from the source tables, the triggers
 * on those tables that delete a line's row and insert it again from the view whenever
 * anything it depends on changes, and the fill for existing data. `bottega check`
 * compares it with the view (`reports.kpiSummary`), `bottega reports --rebuild` refills it.
 */
export const kpiOrderLines = sqliteTable(
  'kpi_order_lines',
  {
    orderedOn: text('ordered_on').notNull(),
    orderId: integer('order_id').notNull(),
    itemId: integer('item_id').notNull(),
    lineId: integer('line_id').notNull(),
    channel: text('channel').notNull(),
    customerId: integer('customer_id').notNull(),
    /** julianday() of the order's confirmation date, truncated */
    confirmedDay: integer('confirmed_day'),
    /** promised date, else requested */
    due: text('due'),
    netCents: integer('net_cents').notNull(),
    qtyMilli: integer('qty_milli').notNull(),
    /** what DDTs of kind shipment carried of the line */
    shippedMilli: integer('shipped_milli').notNull(),
    /** julianday() of the last such DDT, truncated; null: none */
    lastDdtDay: integer('last_ddt_day'),
    /** cost of the shipped lots whose cost is known */
    costMicros: integer('cost_micros').notNull(),
    /** shipped from lots of unknown cost */
    unknownCostMilli: integer('unknown_cost_milli').notNull(),
    /** returned against those shipment lines */
    returnedMilli: integer('returned_milli').notNull(),
    /**
     * The order's values and the line's numbers as JSON array items, made when the row is
     * written (generated columns): a year read is then text glued, not 2 million numbers
     * printed (kpiRows.ts; 40 percent of the read).
     */
    jsonOrder: text('json_order').generatedAlwaysAs(sql.raw(`order_id || ',' || json_quote(channel) || ',' || customer_id || ',' || coalesce(confirmed_day, 'null') || ',' || json_quote(due) || ',"' || substr(ordered_on, 1, 7) || '"'`), { mode: 'stored' }),
    jsonLine: text('json_line').generatedAlwaysAs(sql.raw(`item_id || ',' || net_cents || ',' || qty_milli || ',' || shipped_milli || ',' || coalesce(last_ddt_day, 'null') || ',' || cost_micros || ',' || unknown_cost_milli || ',' || returned_milli`), { mode: 'stored' }),
  },
  (t) => [primaryKey({ columns: [t.orderedOn, t.orderId, t.itemId, t.lineId] }), uniqueIndex('kpi_order_lines_line').on(t.lineId)],
);
