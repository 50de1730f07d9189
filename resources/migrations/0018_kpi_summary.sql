-- The KPI summary (issue 16 speed, module reports): one row per line of a confirmed order
-- with every fact `reports.kpis` needs of it, so a year of KPIs is one range of one narrow
-- table (by order date) instead of a join of orders, lines, shipment lines, DDTs, lots and
-- returns (1.3 s for a year of the large dataset, 0.9 s of it that join).
--
-- Kept exact by triggers on every table a fact comes from, so every writer keeps it
-- current and no module writes another's table. A trigger never computes a fact itself:
-- it deletes the rows of the lines touched and inserts them again from the view
-- `kpi_order_line_facts`, the one definition (the fill below, `bottega check` and
-- `bottega reports --rebuild` read the same view). The view has no GROUP BY (each
-- per-line sum is a correlated subquery over `kpi_shipped`), so a trigger's
-- `WHERE line_id = …` or `line_id IN (…)` is a primary-key lookup, never a scan.
-- Updates fire only on the columns a fact reads (UPDATE OF …) and only when a value
-- really changed: the flow's status, total, shipped-quantity and stock updates never
-- touch it.
-- WITHOUT ROWID, keyed by (ordered_on, order_id, item_id, line_id): a period is one
-- contiguous range, its lines of one order and item side by side. `json_order` and
-- `json_line` are the row as JSON array items, made once when it is written (kpiRows.ts).
CREATE TABLE `kpi_order_lines` (
	`ordered_on` text NOT NULL,
	`order_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`line_id` integer NOT NULL,
	`channel` text NOT NULL,
	`customer_id` integer NOT NULL,
	`confirmed_day` integer,
	`due` text,
	`net_cents` integer NOT NULL,
	`qty_milli` integer NOT NULL,
	`shipped_milli` integer NOT NULL,
	`last_ddt_day` integer,
	`cost_micros` integer NOT NULL,
	`unknown_cost_milli` integer NOT NULL,
	`returned_milli` integer NOT NULL,
	`json_order` text GENERATED ALWAYS AS (order_id || ',' || json_quote(channel) || ',' || customer_id || ',' || coalesce(confirmed_day, 'null') || ',' || json_quote(due) || ',"' || substr(ordered_on, 1, 7) || '"') STORED,
	`json_line` text GENERATED ALWAYS AS (item_id || ',' || net_cents || ',' || qty_milli || ',' || shipped_milli || ',' || coalesce(last_ddt_day, 'null') || ',' || cost_micros || ',' || unknown_cost_milli || ',' || returned_milli) STORED,
	PRIMARY KEY(`ordered_on`, `order_id`, `item_id`, `line_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE UNIQUE INDEX `kpi_order_lines_line` ON `kpi_order_lines` (`line_id`);
--> statement-breakpoint
-- A shipment line that was shipped: it has its DDT of kind shipment (the proof it left;
-- a shipment gets it when confirmed) and its lot, with the lot's cost.
CREATE VIEW `kpi_shipped` AS
	SELECT sl.id, sl.order_line_id, sl.qty_milli, d.date, lot.unit_cost_micros
	FROM shipment_lines sl
	JOIN ddts d ON d.shipment_id = sl.shipment_id AND d.kind = 'shipment'
	JOIN lots lot ON lot.id = sl.lot_id;
--> statement-breakpoint
-- The facts of every line of a confirmed order. The amount before VAT, in cents: qty ×
-- price × (1 − discount), rounded half away from zero once (orderStatus.ts lineNetCents).
CREATE VIEW `kpi_order_line_facts` AS
	SELECT co.ordered_on, co.id AS order_id, ol.item_id, ol.id AS line_id, co.channel, co.customer_id,
		CAST(julianday(substr(co.confirmed_at, 1, 10)) AS INTEGER) AS confirmed_day,
		coalesce(co.promised_on, co.requested_on) AS due,
		(CASE WHEN ol.qty_milli * ol.unit_price_cents * (10000 - ol.discount_bp) >= 0
			THEN (ol.qty_milli * ol.unit_price_cents * (10000 - ol.discount_bp) + 5000000) / 10000000
			ELSE -((5000000 - ol.qty_milli * ol.unit_price_cents * (10000 - ol.discount_bp)) / 10000000) END) AS net_cents,
		ol.qty_milli,
		coalesce((SELECT sum(s.qty_milli) FROM kpi_shipped s WHERE s.order_line_id = ol.id), 0) AS shipped_milli,
		-- +s.date: an expression, so SQLite does not answer max() by walking every DDT in date order (ddts_kind_date)
		-- and probing the line in each — that plan costs one pass over all DDTs per line
		(SELECT CAST(julianday(max(+s.date)) AS INTEGER) FROM kpi_shipped s WHERE s.order_line_id = ol.id) AS last_ddt_day,
		coalesce((SELECT sum((s.qty_milli * s.unit_cost_micros + 500) / 1000) FROM kpi_shipped s WHERE s.order_line_id = ol.id AND s.unit_cost_micros IS NOT NULL), 0) AS cost_micros,
		coalesce((SELECT sum(s.qty_milli) FROM kpi_shipped s WHERE s.order_line_id = ol.id AND s.unit_cost_micros IS NULL), 0) AS unknown_cost_milli,
		coalesce((SELECT sum(r.qty_milli) FROM kpi_shipped s JOIN shipment_return_lines r ON r.shipment_line_id = s.id WHERE s.order_line_id = ol.id), 0) AS returned_milli
	FROM customer_orders co
	JOIN order_lines ol ON ol.order_id = co.id
	WHERE co.state = 'confirmed';
--> statement-breakpoint
-- Order lines: the line's own row.
CREATE TRIGGER `kpi_order_line_ai` AFTER INSERT ON `order_lines` BEGIN
	INSERT INTO kpi_order_lines SELECT * FROM kpi_order_line_facts WHERE line_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `kpi_order_line_au` AFTER UPDATE OF id, order_id, item_id, qty_milli, unit_price_cents, discount_bp ON `order_lines`
	WHEN OLD.id IS NOT NEW.id OR OLD.order_id IS NOT NEW.order_id OR OLD.item_id IS NOT NEW.item_id OR OLD.qty_milli IS NOT NEW.qty_milli
		OR OLD.unit_price_cents IS NOT NEW.unit_price_cents OR OLD.discount_bp IS NOT NEW.discount_bp BEGIN
	DELETE FROM kpi_order_lines WHERE line_id = OLD.id;
	INSERT INTO kpi_order_lines SELECT * FROM kpi_order_line_facts WHERE line_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `kpi_order_line_ad` AFTER DELETE ON `order_lines` BEGIN
	DELETE FROM kpi_order_lines WHERE line_id = OLD.id;
END;
--> statement-breakpoint
-- Orders: all their lines (confirming adds them, cancelling removes them, a new date moves them).
CREATE TRIGGER `kpi_order_au` AFTER UPDATE OF id, state, ordered_on, channel, customer_id, confirmed_at, promised_on, requested_on ON `customer_orders`
	WHEN OLD.id IS NOT NEW.id OR OLD.state IS NOT NEW.state OR OLD.ordered_on IS NOT NEW.ordered_on OR OLD.channel IS NOT NEW.channel
		OR OLD.customer_id IS NOT NEW.customer_id OR OLD.confirmed_at IS NOT NEW.confirmed_at
		OR OLD.promised_on IS NOT NEW.promised_on OR OLD.requested_on IS NOT NEW.requested_on BEGIN
	DELETE FROM kpi_order_lines WHERE ordered_on = OLD.ordered_on AND order_id = OLD.id;
	INSERT INTO kpi_order_lines SELECT * FROM kpi_order_line_facts WHERE order_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `kpi_order_ad` AFTER DELETE ON `customer_orders` BEGIN
	DELETE FROM kpi_order_lines WHERE ordered_on = OLD.ordered_on AND order_id = OLD.id;
END;
--> statement-breakpoint
-- Shipment lines: the order line they ship.
CREATE TRIGGER `kpi_shipment_line_ai` AFTER INSERT ON `shipment_lines` BEGIN
	DELETE FROM kpi_order_lines WHERE line_id = NEW.order_line_id;
	INSERT INTO kpi_order_lines SELECT * FROM kpi_order_line_facts WHERE line_id = NEW.order_line_id;
END;
--> statement-breakpoint
CREATE TRIGGER `kpi_shipment_line_au` AFTER UPDATE OF id, order_line_id, shipment_id, lot_id, qty_milli ON `shipment_lines`
	WHEN OLD.id IS NOT NEW.id OR OLD.order_line_id IS NOT NEW.order_line_id OR OLD.shipment_id IS NOT NEW.shipment_id
		OR OLD.lot_id IS NOT NEW.lot_id OR OLD.qty_milli IS NOT NEW.qty_milli BEGIN
	DELETE FROM kpi_order_lines WHERE line_id IN (OLD.order_line_id, NEW.order_line_id);
	INSERT INTO kpi_order_lines SELECT * FROM kpi_order_line_facts WHERE line_id IN (OLD.order_line_id, NEW.order_line_id);
END;
--> statement-breakpoint
CREATE TRIGGER `kpi_shipment_line_ad` AFTER DELETE ON `shipment_lines` BEGIN
	DELETE FROM kpi_order_lines WHERE line_id = OLD.order_line_id;
	INSERT INTO kpi_order_lines SELECT * FROM kpi_order_line_facts WHERE line_id = OLD.order_line_id;
END;
--> statement-breakpoint
-- DDTs: the lines of the shipment they document (a DDT of kind shipment makes them shipped, on its date).
CREATE TRIGGER `kpi_ddt_ai` AFTER INSERT ON `ddts` WHEN NEW.kind = 'shipment' BEGIN
	DELETE FROM kpi_order_lines WHERE line_id IN (SELECT order_line_id FROM shipment_lines WHERE shipment_id = NEW.shipment_id);
	INSERT INTO kpi_order_lines SELECT * FROM kpi_order_line_facts WHERE line_id IN (SELECT order_line_id FROM shipment_lines WHERE shipment_id = NEW.shipment_id);
END;
--> statement-breakpoint
CREATE TRIGGER `kpi_ddt_au` AFTER UPDATE OF kind, shipment_id, date ON `ddts`
	WHEN (OLD.kind = 'shipment' OR NEW.kind = 'shipment')
		AND (OLD.kind IS NOT NEW.kind OR OLD.shipment_id IS NOT NEW.shipment_id OR OLD.date IS NOT NEW.date) BEGIN
	DELETE FROM kpi_order_lines WHERE line_id IN (SELECT order_line_id FROM shipment_lines WHERE shipment_id IN (OLD.shipment_id, NEW.shipment_id));
	INSERT INTO kpi_order_lines SELECT * FROM kpi_order_line_facts
		WHERE line_id IN (SELECT order_line_id FROM shipment_lines WHERE shipment_id IN (OLD.shipment_id, NEW.shipment_id));
END;
--> statement-breakpoint
CREATE TRIGGER `kpi_ddt_ad` AFTER DELETE ON `ddts` WHEN OLD.kind = 'shipment' BEGIN
	DELETE FROM kpi_order_lines WHERE line_id IN (SELECT order_line_id FROM shipment_lines WHERE shipment_id = OLD.shipment_id);
	INSERT INTO kpi_order_lines SELECT * FROM kpi_order_line_facts WHERE line_id IN (SELECT order_line_id FROM shipment_lines WHERE shipment_id = OLD.shipment_id);
END;
--> statement-breakpoint
-- Lots: a cost set or corrected later changes the cost of what was shipped from them.
CREATE TRIGGER `kpi_lot_cost_au` AFTER UPDATE OF unit_cost_micros ON `lots`
	WHEN OLD.unit_cost_micros IS NOT NEW.unit_cost_micros BEGIN
	DELETE FROM kpi_order_lines WHERE line_id IN (SELECT order_line_id FROM shipment_lines WHERE lot_id = NEW.id);
	INSERT INTO kpi_order_lines SELECT * FROM kpi_order_line_facts WHERE line_id IN (SELECT order_line_id FROM shipment_lines WHERE lot_id = NEW.id);
END;
--> statement-breakpoint
-- Returns: the order line of the shipment line returned.
CREATE TRIGGER `kpi_return_line_ai` AFTER INSERT ON `shipment_return_lines` BEGIN
	DELETE FROM kpi_order_lines WHERE line_id IN (SELECT order_line_id FROM shipment_lines WHERE id = NEW.shipment_line_id);
	INSERT INTO kpi_order_lines SELECT * FROM kpi_order_line_facts WHERE line_id IN (SELECT order_line_id FROM shipment_lines WHERE id = NEW.shipment_line_id);
END;
--> statement-breakpoint
CREATE TRIGGER `kpi_return_line_au` AFTER UPDATE OF shipment_line_id, qty_milli ON `shipment_return_lines`
	WHEN OLD.shipment_line_id IS NOT NEW.shipment_line_id OR OLD.qty_milli IS NOT NEW.qty_milli BEGIN
	DELETE FROM kpi_order_lines WHERE line_id IN (SELECT order_line_id FROM shipment_lines WHERE id IN (OLD.shipment_line_id, NEW.shipment_line_id));
	INSERT INTO kpi_order_lines SELECT * FROM kpi_order_line_facts
		WHERE line_id IN (SELECT order_line_id FROM shipment_lines WHERE id IN (OLD.shipment_line_id, NEW.shipment_line_id));
END;
--> statement-breakpoint
CREATE TRIGGER `kpi_return_line_ad` AFTER DELETE ON `shipment_return_lines` BEGIN
	DELETE FROM kpi_order_lines WHERE line_id IN (SELECT order_line_id FROM shipment_lines WHERE id = OLD.shipment_line_id);
	INSERT INTO kpi_order_lines SELECT * FROM kpi_order_line_facts WHERE line_id IN (SELECT order_line_id FROM shipment_lines WHERE id = OLD.shipment_line_id);
END;
--> statement-breakpoint
-- The report's other sections read narrow indexes instead of rows: lots by id with item and
-- cost, a production order's inputs with quantity, shipments' carriers, packages' counts.
DROP INDEX `lots_cost`;
--> statement-breakpoint
CREATE INDEX `lots_cost` ON `lots` (`id`,`item_id`,`unit_cost_micros`);
--> statement-breakpoint
DROP INDEX `lot_genealogy_production`;
--> statement-breakpoint
CREATE INDEX `lot_genealogy_production` ON `lot_genealogy` (`production_order_id`,`input_lot_id`,`qty_milli`);
--> statement-breakpoint
CREATE INDEX `shipments_carrier` ON `shipments` (`id`,`carrier`);
--> statement-breakpoint
DROP INDEX `shipment_packages_shipment`;
--> statement-breakpoint
CREATE INDEX `shipment_packages_shipment` ON `shipment_packages` (`shipment_id`,`position`,`count`);
--> statement-breakpoint
-- The lines already there (about 40 s for the 1.8 million lines of the large dataset).
INSERT INTO kpi_order_lines SELECT * FROM kpi_order_line_facts;
