import { checkQuery, type Invariant } from '../../db/check';

/** The summary's columns, in the order of the table and of the view `kpi_order_line_facts`. */
export const KPI_COLUMNS = [
  'ordered_on',
  'order_id',
  'item_id',
  'line_id',
  'channel',
  'customer_id',
  'confirmed_day',
  'due',
  'net_cents',
  'qty_milli',
  'shipped_milli',
  'last_ddt_day',
  'cost_micros',
  'unknown_cost_milli',
  'returned_milli',
] as const;

/** Line ranges the comparison is split into, so `bottega check --threads` spreads it (on the large dataset: 1.8 million lines). */
const PARTS = 8;

/** The columns the view takes from the line's DDT shipments, each a correlated subquery of its own there. */
const SHIPPED_COLUMNS = ['shipped_milli', 'last_ddt_day', 'cost_micros', 'unknown_cost_milli', 'returned_milli'] as const;
const OWN_COLUMNS = KPI_COLUMNS.filter((c) => !(SHIPPED_COLUMNS as readonly string[]).includes(c));

const stored = `json_array(${KPI_COLUMNS.map((c) => `s.${c}`).join(', ')})`;
const actual = `json_array(${KPI_COLUMNS.map((c) => `f.${c}`).join(', ')})`;

/**
 * Whether the stored shipment columns of line `f.line_id` differ from what its DDT
 * shipments add up to: the view's five subqueries as one walk over the line's shipment
 * lines (five walks per line made the check 1.7× slower). It only picks lines out: the
 * values a problem shows come from the view itself, and a line this picks while the view
 * agrees with the summary is no problem (so a drift of this copy from the view could cost
 * time, never a false alarm). A shipment line's returns are summed only when it has one:
 * `IN` is one probe of the returns' index, a correlated subquery per shipment line cost
 * 0.3 s of CPU on the large dataset, which has none.
 */
const shippedDiffer = `(SELECT (coalesce(sum(sl.qty_milli), 0), CAST(julianday(max(+d.date)) AS INTEGER),
      coalesce(sum(CASE WHEN lot.unit_cost_micros IS NOT NULL THEN (sl.qty_milli * lot.unit_cost_micros + 500) / 1000 END), 0),
      coalesce(sum(CASE WHEN lot.unit_cost_micros IS NULL THEN sl.qty_milli END), 0),
      coalesce(sum(CASE WHEN sl.id IN (SELECT r.shipment_line_id FROM shipment_return_lines r)
        THEN (SELECT sum(r.qty_milli) FROM shipment_return_lines r WHERE r.shipment_line_id = sl.id) END), 0))
    IS NOT (${SHIPPED_COLUMNS.map((c) => `s.${c}`).join(', ')})
  FROM shipment_lines sl JOIN ddts d ON d.shipment_id = sl.shipment_id AND d.kind = 'shipment' JOIN lots lot ON lot.id = sl.lot_id
  WHERE sl.order_line_id = f.line_id)`;

/** What differs between the stored row and the recomputed one, by column ("shipped_milli 5000 ≠ 6000"; empty: nothing). */
function differences(s: string | null, f: string | null): string {
  if (s === null) return 'missing from the summary';
  if (f === null) return 'in the summary but not a line of a confirmed order';
  const a = JSON.parse(s) as unknown[];
  const b = JSON.parse(f) as unknown[];
  return KPI_COLUMNS.flatMap((c, i) => (a[i] === b[i] ? [] : [`${c} ${JSON.stringify(a[i])} ≠ ${JSON.stringify(b[i])}`])).join(', ');
}

type Row = { line: number; stored: string | null; actual: string | null };
const problem = (r: Row) => {
  const d = differences(r.stored, r.actual);
  return d === '' ? null : `KPI summary, order line ${r.line}: ${d} (stored ≠ recomputed; bottega reports --rebuild repairs it)`;
};

/**
 * One range of lines, both ways: lines of confirmed orders whose summary row is missing or
 * differs, then summary rows in the range that are no line of a confirmed order (the
 * summary's line index walked in line order, so each probe lands near the last). That
 * second walk only runs when there is such a row: line ids are unique in the summary, so
 * its rows in the range outnumber the confirmed lines in the range that have one exactly
 * when some row is no confirmed line's (two counts, a third of the walk's cost). The counts
 * are the one row of the outer loop (`counts_differ`, empty when they agree): as a WHERE
 * term beside the walk they did not keep SQLite from walking the range and reading every
 * row (0.9 s of CPU on the large dataset, for nothing).
 */
function partSql(from: number, to: number): string {
  const range = (col: string) => `${col} >= ${from} AND ${col} < ${to}`;
  // joined on the whole key, one seek into the summary's own b-tree (by line id it is two);
  // a row whose key columns differ is then found by its line id, for the message
  return `SELECT f.line_id AS line, (SELECT ${stored} FROM kpi_order_lines s WHERE s.line_id = f.line_id) AS stored, ${actual} AS actual
     FROM kpi_order_line_facts f LEFT JOIN kpi_order_lines s
       ON s.ordered_on = f.ordered_on AND s.order_id = f.order_id AND s.item_id = f.item_id AND s.line_id = f.line_id
     WHERE ${range('f.line_id')}
       AND (s.line_id IS NULL OR (${OWN_COLUMNS.map((c) => `s.${c}`).join(', ')}) IS NOT (${OWN_COLUMNS.map((c) => `f.${c}`).join(', ')}) OR ${shippedDiffer})
   UNION ALL
   SELECT s.line_id, ${stored}, NULL
     FROM (SELECT 1 WHERE (SELECT count(*) FROM kpi_order_lines x WHERE ${range('x.line_id')}) <> (SELECT count(*) FROM order_lines ol
         JOIN customer_orders co ON co.id = ol.order_id JOIN kpi_order_lines x ON x.line_id = ol.id WHERE ${range('ol.id')} AND co.state = 'confirmed')) counts_differ
       CROSS JOIN kpi_order_lines s
     WHERE ${range('s.line_id')}
       AND NOT EXISTS (SELECT 1 FROM order_lines ol JOIN customer_orders co ON co.id = ol.order_id WHERE ol.id = s.line_id AND co.state = 'confirmed')`;
}

/**
 * What `bottega check` proves about the reports module: the KPI summary equals its
 * recomputation from the source tables through the same view the triggers use, row by
 * row, naming the line and the columns that differ.
 */
export const reportsInvariants: Invariant[] = [
  {
    name: 'reports.kpi_summary',
    queries: (db) => {
      const ids = db.prepare('SELECT (SELECT coalesce(max(id), 0) FROM order_lines) AS top, min(line_id) AS low, max(line_id) AS high FROM kpi_order_lines').get() as {
        top: number;
        low: number | null;
        high: number | null;
      };
      const size = Math.ceil((ids.top + 1) / PARTS);
      // the first and last parts reach the lowest and highest line id in the summary, so a row of
      // any line id is seen; every part has both bounds (an open one makes SQLite scan every order)
      const from = (i: number) => (i === 0 ? Math.min(0, ids.low ?? 0) : i * size);
      const to = (i: number) => (i === PARTS - 1 ? Math.max(PARTS * size, (ids.high ?? 0) + 1) : (i + 1) * size);
      return Array.from({ length: PARTS }, (_, i) => checkQuery<Row>(partSql(from(i), to(i)), problem, 800));
    },
  },
];
