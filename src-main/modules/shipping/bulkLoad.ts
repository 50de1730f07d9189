/**
 * Bulk loader for generated data, not a command: the demo's large history writes what left
 * as 'ship' movements against each customer order (with the lines' shipped quantity); this
 * gives each of those orders the shipment it was — one shipment per order with the order's
 * id, its lines lot by lot from those movements, one package per three lines, a carrier
 * and tracking number, and a DDT numbered per year in date order with its frozen snapshot
 * (the same snapshot issueDdt freezes). Set-based SQL: a few seconds for half a million
 * orders. The rows are valid by construction; `bottega check` proves they are. It lives
 * here, beside the schema it writes, so shipping stays the one writer of its tables; the
 * movements are pointed at the shipments by inventory's loader, the DDT series by
 * numbering's (DDT_SERIES_ENDS says where each year's ends).
 */
import type { Ctx } from '../../api/context';
import { sql } from '../../db/sql';

const CARRIER = sql`CASE s.order_id % 4 WHEN 0 THEN 'BRT' WHEN 1 THEN 'GLS' WHEN 2 THEN 'SDA' ELSE 'Poste Italiane' END`;
const PREFIX = sql`CASE s.order_id % 4 WHEN 0 THEN 'BRT' WHEN 1 THEN 'GLS' WHEN 2 THEN 'SDA' ELSE 'PI' END`;

/** The shipments of every order with 'ship' movements, as described above; how many. `company` is the company settings as JSON. */
export function bulkLoadShipmentsOfShippedOrders(ctx: Ctx, company: string): number {
  const db = ctx.sqlite;
  db.exec(`
    DROP TABLE IF EXISTS temp.demo_ships;
    CREATE TEMP TABLE demo_ships AS
      SELECT doc_id AS order_id, min(date) AS day, min(created_at) AS at,
             row_number() OVER (PARTITION BY substr(min(date), 1, 4) ORDER BY min(date), min(created_at), doc_id) AS seq
      FROM stock_movements WHERE doc_type = 'customer_order' AND kind = 'ship' GROUP BY doc_id;
  `);
  db.prepare(
    sql`INSERT INTO shipments (id, customer_id, state, causale, transport_by, carrier, carrier_service, tracking_number, transport_start, notes, ddt_id, created_at, updated_at, confirmed_at)
     SELECT s.order_id, o.customer_id, 'confirmed', 'vendita', 'carrier', ${CARRIER}, 'Standard', ${PREFIX} || printf('%010d', (s.order_id * 7919) % 10000000000), s.day || 'T16:30',
            '', NULL, s.at, s.at, s.at
     FROM demo_ships s JOIN customer_orders o ON o.id = s.order_id`.text,
  ).run();
  db.exec(`
    INSERT INTO shipment_lines (shipment_id, position, order_line_id, order_id, item_id, lot_id, qty_milli)
      SELECT m.doc_id, row_number() OVER (PARTITION BY m.doc_id ORDER BY ol.position, m.lot_id), ol.id, m.doc_id, m.item_id, m.lot_id, -sum(m.qty_milli)
      FROM stock_movements m JOIN order_lines ol ON ol.order_id = m.doc_id AND ol.item_id = m.item_id
      WHERE m.doc_type = 'customer_order' AND m.kind = 'ship' GROUP BY m.doc_id, m.lot_id;
    INSERT INTO shipment_packages (shipment_id, position, count, appearance, tare_g)
      SELECT shipment_id, 1, (count(*) + 2) / 3, 'scatole di cartone', 350 FROM shipment_lines WHERE shipment_id IN (SELECT order_id FROM demo_ships) GROUP BY shipment_id;
  `);
  // the weight as the DDT states it (items without a weight in the catalog count 100 g)
  db.prepare(
    `UPDATE shipments SET gross_weight_g =
       (SELECT coalesce(sum(sl.qty_milli * coalesce(i.net_weight_mg, 100000)), 0) / 1000000 FROM shipment_lines sl JOIN items i ON i.id = sl.item_id WHERE sl.shipment_id = shipments.id)
       + 350 * (SELECT count FROM shipment_packages p WHERE p.shipment_id = shipments.id)
     WHERE id IN (SELECT order_id FROM demo_ships)`,
  ).run();
  db.prepare(
    `INSERT INTO ddts (id, year, seq, number, date, kind, shipment_id, return_id, snapshot, created_at)
     SELECT s.order_id, CAST(substr(s.day, 1, 4) AS INTEGER), s.seq, s.seq || '/' || substr(s.day, 1, 4), s.day, 'shipment', s.order_id, NULL,
       json_object(
         'kind', 'shipment', 'language', c.language, 'number', s.seq || '/' || substr(s.day, 1, 4), 'date', s.day,
         'company', json(:company), 'logoId', NULL,
         'sender', json_object('name', json_extract(:company, '$.name'), 'street', json_extract(:company, '$.street'), 'postcode', json_extract(:company, '$.postcode'),
                               'city', json_extract(:company, '$.city'), 'province', json_extract(:company, '$.province'), 'country', json_extract(:company, '$.country'), 'vatNumber', json_extract(:company, '$.vatNumber')),
         'recipient', json_object('name', c.name, 'street', c.street, 'postcode', c.postcode, 'city', c.city, 'province', c.province, 'country', c.country, 'vatNumber', c.vat_number),
         'destination', json(CASE WHEN c.ship_street = '' AND c.ship_city = '' THEN NULL
                        ELSE json_object('name', c.name, 'street', c.ship_street, 'postcode', c.ship_postcode, 'city', c.ship_city, 'province', c.ship_province, 'country', CASE WHEN c.ship_country = '' THEN c.country ELSE c.ship_country END) END),
         'causale', 'vendita', 'transportBy', 'carrier', 'carrier', sh.carrier, 'carrierService', sh.carrier_service, 'trackingNumber', sh.tracking_number,
         'transportStart', sh.transport_start, 'packageCount', p.count, 'appearance', p.appearance, 'grossWeightG', sh.gross_weight_g,
         'lines', json((SELECT json_group_array(json_object('sku', i.sku, 'name', i.name, 'gtin', i.gtin, 'unit', i.unit, 'qtyMilli', sl.qty_milli, 'lotCode', l.code, 'expiresOn', l.expires_on, 'orderNumber', o.number))
                   FROM shipment_lines sl JOIN items i ON i.id = sl.item_id JOIN lots l ON l.id = sl.lot_id WHERE sl.shipment_id = s.order_id)),
         'orderNumbers', json_array(o.number), 'notes', '', 'originalDdt', NULL),
       s.at
     FROM demo_ships s JOIN customer_orders o ON o.id = s.order_id JOIN customers c ON c.id = o.customer_id
     JOIN shipments sh ON sh.id = s.order_id JOIN shipment_packages p ON p.shipment_id = s.order_id`,
  ).run({ company });
  db.prepare('UPDATE shipments SET ddt_id = id WHERE id IN (SELECT order_id FROM demo_ships)').run();
  const shipments = (db.prepare('SELECT count(*) AS n FROM temp.demo_ships').get() as { n: number }).n;
  db.exec('DROP TABLE temp.demo_ships');
  return shipments;
}

/** Each year's DDT series (key, last number) as the DDTs written say: for numbering's setSequencesFrom. */
export const DDT_SERIES_ENDS = sql`SELECT 'ddt:' || year, max(seq) FROM ddts WHERE true GROUP BY year`;
