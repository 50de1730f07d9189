import type { Invariant } from '../../db/check';

/** What `bottega check` proves about shipments, DDTs and returns. */
export const shippingInvariants: Invariant[] = [
  {
    name: 'shipping.ddt_numbers_gap_free',
    problems: (ctx) =>
      (
        ctx.sqlite
          .prepare(
            `SELECT d.year, count(*) AS n, max(d.seq) AS top, coalesce((SELECT value FROM sequences WHERE key = 'ddt:' || d.year), 0) AS counter
             FROM ddts d GROUP BY d.year HAVING n <> top OR counter <> top`,
          )
          .all() as { year: number; n: number; top: number; counter: number }[]
      ).map((r) => `DDT numbers of ${r.year}: ${r.n} issued, highest ${r.top}, counter at ${r.counter}`),
  },
  {
    name: 'shipping.confirmed_have_ddt',
    problems: (ctx) =>
      (ctx.sqlite.prepare("SELECT id, state, ddt_id AS ddtId FROM shipments WHERE (state = 'confirmed') <> (ddt_id IS NOT NULL)").all() as { id: number; state: string; ddtId: number | null }[]).map(
        (r) => `shipment ${r.id} is ${r.state} ${r.ddtId === null ? 'without' : 'with'} a DDT`,
      ),
  },
  {
    name: 'shipping.order_lines_shipped',
    problems: (ctx) =>
      (
        ctx.sqlite
          .prepare(
            `SELECT ol.id, ol.shipped_milli AS stored, coalesce(x.q, 0) AS shipped FROM order_lines ol
             LEFT JOIN (SELECT sl.order_line_id AS id, sum(sl.qty_milli) AS q FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id WHERE s.state = 'confirmed' GROUP BY sl.order_line_id) x ON x.id = ol.id
             WHERE ol.shipped_milli <> coalesce(x.q, 0)`,
          )
          .all() as { id: number; stored: number; shipped: number }[]
      ).map((r) => `order line ${r.id} says ${r.stored} shipped, confirmed shipments carried ${r.shipped}`),
  },
  {
    name: 'shipping.ship_movements_match_lines',
    problems: (ctx) =>
      (
        ctx.sqlite
          .prepare(
            `WITH lines AS (SELECT sl.shipment_id AS sid, sl.lot_id AS lot, sum(sl.qty_milli) AS q FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id WHERE s.state = 'confirmed' GROUP BY 1, 2),
                  moves AS (SELECT doc_id AS sid, lot_id AS lot, -sum(qty_milli) AS q FROM stock_movements WHERE doc_type = 'shipment' AND kind = 'ship' GROUP BY 1, 2)
             SELECT l.sid, l.lot, l.q AS lq, coalesce(m.q, 0) AS mq FROM lines l LEFT JOIN moves m ON m.sid = l.sid AND m.lot = l.lot WHERE l.q <> coalesce(m.q, 0)
             UNION ALL SELECT m.sid, m.lot, 0, m.q FROM moves m LEFT JOIN lines l ON l.sid = m.sid AND l.lot = m.lot WHERE l.sid IS NULL`,
          )
          .all() as { sid: number; lot: number; lq: number; mq: number }[]
      ).map((r) => `shipment ${r.sid}, lot ${r.lot}: lines carry ${r.lq}, ship movements take ${r.mq}`),
  },
  {
    name: 'shipping.returns_within_shipped',
    problems: (ctx) =>
      (
        ctx.sqlite
          .prepare(
            `SELECT sl.id, sl.qty_milli AS shipped, sum(r.qty_milli) AS returned FROM shipment_return_lines r JOIN shipment_lines sl ON sl.id = r.shipment_line_id
             GROUP BY sl.id HAVING returned > shipped OR sum(r.lot_id <> sl.lot_id) > 0`,
          )
          .all() as { id: number; shipped: number; returned: number }[]
      ).map((r) => `shipment line ${r.id}: ${r.returned} returned of ${r.shipped} shipped (or into another lot)`),
  },
];
