/**
 * The money tiles. Invoices overdue: open instalments of issued invoices (not drafts, not
 * credit notes) due before today, with what is still to be paid. Last month not invoiced
 * (issue 15): from the 1st to the 15th, last month's sale DDTs that no invoice covers yet
 * — return DDTs and DDTs whose causale is not a sale are never invoiced, so not counted.
 */
import type { ReadCtx } from '../../api/context';
import { addDays } from '../../../src-shared/domain/dates';
import { sql } from '../../db/sql';
import { rowOf, TILE_ROWS, type RowSql } from './todayRows';
import { preparedOnce } from '../../db/statementCache';

/** the deferred invoice is due by the 15th of the month after the DDTs (DPR 633/72 art. 21) */
export const NOT_INVOICED_REMINDER_UNTIL_DAY = 15;
/** the causale of a sale DDT (shipping's default); any other causale (conto visione, omaggio…) is not invoiced */
const SALE_CAUSALE = 'vendita';

export function invoicesOverdueTile(ctx: ReadCtx, today: string) {
  // invoice_instalments_open_due: the partial index of open instalments by due date
  const overdue = sql`t.state = 'open' AND t.due_date < @today AND i.state <> 'draft' AND i.kind <> 'TD04'`;
  const n = preparedOnce(ctx.sqlite, sql`SELECT count(*) AS count, coalesce(sum(t.amount_cents - t.paid_cents), 0) AS cents FROM invoice_instalments t JOIN invoices i ON i.id = t.invoice_id WHERE ${overdue}`.text)
    .get({ today }) as { count: number; cents: number };
  const rows = preparedOnce(
    ctx.sqlite,
    sql`SELECT i.id, coalesce(i.number, '') AS title, c.name AS detail, t.due_date AS date, t.amount_cents - t.paid_cents AS cents
     FROM invoice_instalments t JOIN invoices i ON i.id = t.invoice_id JOIN customers c ON c.id = i.customer_id
     WHERE ${overdue} ORDER BY t.due_date, t.id LIMIT @limit`.text,
  ).all({ today, limit: TILE_ROWS }) as (RowSql & { cents: number })[];
  return { count: n.count, amountCents: n.cents, rows: rows.map((r) => ({ ...rowOf(r, today), cents: r.cents })) };
}

/** YYYY-MM of the month before `today`'s, and its first and last day */
function lastMonthOf(today: string): { month: string; first: string; last: string } {
  const firstOfThis = `${today.slice(0, 7)}-01`;
  const last = addDays(firstOfThis, -1);
  return { month: last.slice(0, 7), first: `${last.slice(0, 7)}-01`, last };
}

export function notInvoicedTile(ctx: ReadCtx, today: string) {
  if (Number(today.slice(8, 10)) > NOT_INVOICED_REMINDER_UNTIL_DAY) return null;
  const { month, first, last } = lastMonthOf(today);
  const params = { first, last, sale: SALE_CAUSALE, limit: TILE_ROWS };
  // ddts_kind_date (kind, date, shipment_id) holds every DDT column the count reads, so it
  // never opens a DDT row, which carries its whole snapshot (6 → 1.5 ms for a month of
  // 4,900 DDTs on the large dataset). No year filter: the dates fix the year already, and
  // ddts.year is not in that index.
  const notInvoiced = sql`d.date BETWEEN @first AND @last AND d.kind = 'shipment' AND lower(trim(s.causale)) = @sale
      AND NOT EXISTS (SELECT 1 FROM invoice_ddts x WHERE x.ddt_id = d.id)`;
  const { limit: _limit, ...countParams } = params;
  const count = (preparedOnce(ctx.sqlite, sql`SELECT count(*) AS n FROM ddts d JOIN shipments s ON s.id = d.shipment_id WHERE ${notInvoiced}`.text).get(countParams) as { n: number }).n;
  const rows = preparedOnce(
    ctx.sqlite,
    sql`SELECT d.id, d.number AS title, c.name AS detail, d.date
     FROM ddts d JOIN shipments s ON s.id = d.shipment_id JOIN customers c ON c.id = s.customer_id
     WHERE ${notInvoiced} ORDER BY d.date, d.seq LIMIT @limit`.text,
  ).all(params) as RowSql[];
  // a DDT of last month is not late yet: the invoice is due by the 15th
  return { month, count, rows: rows.map((r) => ({ ...rowOf(r, today), past: false })) };
}
