-- Global search (module search, issue 16): FTS5 indexes over what people look things up
-- by, kept in step by triggers on the tables they cover, so every writer keeps them
-- current and no module writes another's table.
--
-- One FTS5 table per kind, rowid = the row's id. One shared table was tried first (kind in
-- the rowid's high bits): FTS5 does not seek a rowid range, so asking one kind for its
-- newest hits walked every other kind's matches ("20" took 320 ms on the large dataset);
-- a table per kind streams its newest matches and stops after a few rows.
-- The tables are contentless (tokens, not text): titles and subtitles are read from the
-- tables at query time, so they are never stale; contentless_delete lets a trigger delete
-- a row by its rowid.
-- Columns: `code` (numbers, codes, SKU, GTIN, P.IVA), `name` (the thing's own name and
-- city), `ctx` (what it is found by but does not own: an order's customer, as the token
-- `c<customer id>`; the search finds the customers a word names, then their orders by
-- these tokens. Indexing the customer's name on every order instead made a common word
-- of names ("erboristeria": 400,000 orders) a large prefix doclist read on every search,
-- and a renamed customer a rewrite of all its orders).
-- "remove_diacritics 2": "creme" finds "Crème". Prefix indexes of 2, 3 and 4 characters:
-- a prefix query of those lengths ("20", "can", "2025") reads one doclist, streamed newest
-- first; a longer one merges the matching terms' doclists first, which for a year (every
-- order of 2025) cost 2-15 ms per kind on the large dataset.
--
-- Per kind: a view giving the indexed text (defined once, for the triggers, the fill at
-- the end and `bottega search --rebuild`; a trigger reads its row through it by id, a
-- primary-key lookup), the FTS table, and insert/update/delete triggers. Updates fire
-- only on the indexed columns (UPDATE OF …) and only when a value really changed, so the
-- flow's many status, quantity and total updates never touch the index.
CREATE VIEW `search_doc_order` AS
	SELECT id, number || ' ' || coalesce(external_ref, '') AS code, '' AS name, 'c' || customer_id AS ctx
	FROM customer_orders;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_order` USING fts5(
	code, name, ctx,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `search_order_ai` AFTER INSERT ON `customer_orders` BEGIN
	INSERT INTO search_order (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_order WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_order_au` AFTER UPDATE OF number, external_ref, customer_id ON `customer_orders`
	WHEN OLD.number IS NOT NEW.number OR OLD.external_ref IS NOT NEW.external_ref OR OLD.customer_id IS NOT NEW.customer_id BEGIN
	DELETE FROM search_order WHERE rowid = OLD.id;
	INSERT INTO search_order (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_order WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_order_ad` AFTER DELETE ON `customer_orders` BEGIN
	DELETE FROM search_order WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE VIEW `search_doc_customer` AS
	SELECT id,
		coalesce(vat_number, '') || ' ' || ltrim(upper(coalesce(vat_number, '')), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') AS code,
		name || ' ' || city AS name, '' AS ctx
	FROM customers;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_customer` USING fts5(
	code, name, ctx,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `search_customer_ai` AFTER INSERT ON `customers` BEGIN
	INSERT INTO search_customer (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_customer WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_customer_au` AFTER UPDATE OF name, vat_number, city ON `customers`
	WHEN OLD.name IS NOT NEW.name OR OLD.vat_number IS NOT NEW.vat_number OR OLD.city IS NOT NEW.city BEGIN
	DELETE FROM search_customer WHERE rowid = OLD.id;
	INSERT INTO search_customer (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_customer WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_customer_ad` AFTER DELETE ON `customers` BEGIN
	DELETE FROM search_customer WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE VIEW `search_doc_supplier` AS
	SELECT id,
		coalesce(vat_number, '') || ' ' || ltrim(upper(coalesce(vat_number, '')), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') AS code,
		name || ' ' || city AS name, '' AS ctx
	FROM suppliers;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_supplier` USING fts5(
	code, name, ctx,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `search_supplier_ai` AFTER INSERT ON `suppliers` BEGIN
	INSERT INTO search_supplier (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_supplier WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_supplier_au` AFTER UPDATE OF name, vat_number, city ON `suppliers`
	WHEN OLD.name IS NOT NEW.name OR OLD.vat_number IS NOT NEW.vat_number OR OLD.city IS NOT NEW.city BEGIN
	DELETE FROM search_supplier WHERE rowid = OLD.id;
	INSERT INTO search_supplier (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_supplier WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_supplier_ad` AFTER DELETE ON `suppliers` BEGIN
	DELETE FROM search_supplier WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE VIEW `search_doc_item` AS
	SELECT id, sku || ' ' || coalesce(gtin, '') AS code, name, '' AS ctx FROM items;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_item` USING fts5(
	code, name, ctx,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `search_item_ai` AFTER INSERT ON `items` BEGIN
	INSERT INTO search_item (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_item WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_item_au` AFTER UPDATE OF sku, name, gtin ON `items`
	WHEN OLD.sku IS NOT NEW.sku OR OLD.name IS NOT NEW.name OR OLD.gtin IS NOT NEW.gtin BEGIN
	DELETE FROM search_item WHERE rowid = OLD.id;
	INSERT INTO search_item (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_item WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_item_ad` AFTER DELETE ON `items` BEGIN
	DELETE FROM search_item WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE VIEW `search_doc_lot` AS
	SELECT id, code || ' ' || coalesce(supplier_lot_code, '') AS code, '' AS name, '' AS ctx FROM lots;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_lot` USING fts5(
	code, name, ctx,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `search_lot_ai` AFTER INSERT ON `lots` BEGIN
	INSERT INTO search_lot (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_lot WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_lot_au` AFTER UPDATE OF code, supplier_lot_code ON `lots`
	WHEN OLD.code IS NOT NEW.code OR OLD.supplier_lot_code IS NOT NEW.supplier_lot_code BEGIN
	DELETE FROM search_lot WHERE rowid = OLD.id;
	INSERT INTO search_lot (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_lot WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_lot_ad` AFTER DELETE ON `lots` BEGIN
	DELETE FROM search_lot WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE VIEW `search_doc_ddt` AS
	SELECT id, number AS code, '' AS name, '' AS ctx FROM ddts;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_ddt` USING fts5(
	code, name, ctx,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `search_ddt_ai` AFTER INSERT ON `ddts` BEGIN
	INSERT INTO search_ddt (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_ddt WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_ddt_au` AFTER UPDATE OF number ON `ddts`
	WHEN OLD.number IS NOT NEW.number BEGIN
	DELETE FROM search_ddt WHERE rowid = OLD.id;
	INSERT INTO search_ddt (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_ddt WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_ddt_ad` AFTER DELETE ON `ddts` BEGIN
	DELETE FROM search_ddt WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE VIEW `search_doc_production_order` AS
	SELECT id, number AS code, '' AS name, '' AS ctx FROM production_orders;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_production_order` USING fts5(
	code, name, ctx,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `search_production_order_ai` AFTER INSERT ON `production_orders` BEGIN
	INSERT INTO search_production_order (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_production_order WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_production_order_au` AFTER UPDATE OF number ON `production_orders`
	WHEN OLD.number IS NOT NEW.number BEGIN
	DELETE FROM search_production_order WHERE rowid = OLD.id;
	INSERT INTO search_production_order (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_production_order WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_production_order_ad` AFTER DELETE ON `production_orders` BEGIN
	DELETE FROM search_production_order WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE VIEW `search_doc_purchase_order` AS
	SELECT id, number AS code, '' AS name, '' AS ctx FROM purchase_orders;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_purchase_order` USING fts5(
	code, name, ctx,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `search_purchase_order_ai` AFTER INSERT ON `purchase_orders` BEGIN
	INSERT INTO search_purchase_order (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_purchase_order WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_purchase_order_au` AFTER UPDATE OF number ON `purchase_orders`
	WHEN OLD.number IS NOT NEW.number BEGIN
	DELETE FROM search_purchase_order WHERE rowid = OLD.id;
	INSERT INTO search_purchase_order (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_purchase_order WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_purchase_order_ad` AFTER DELETE ON `purchase_orders` BEGIN
	DELETE FROM search_purchase_order WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE VIEW `search_doc_invoice` AS
	SELECT id, number AS code, '' AS name, '' AS ctx FROM invoices WHERE number IS NOT NULL;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_invoice` USING fts5(
	code, name, ctx,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `search_invoice_ai` AFTER INSERT ON `invoices` WHEN NEW.number IS NOT NULL BEGIN
	INSERT INTO search_invoice (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_invoice WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_invoice_au` AFTER UPDATE OF number ON `invoices`
	WHEN OLD.number IS NOT NEW.number BEGIN
	DELETE FROM search_invoice WHERE rowid = OLD.id;
	INSERT INTO search_invoice (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_invoice WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_invoice_ad` AFTER DELETE ON `invoices` BEGIN
	DELETE FROM search_invoice WHERE rowid = OLD.id;
END;
--> statement-breakpoint
-- The rows already there: the same statements `bottega search --rebuild` runs, then one
-- merged b-tree per index so the first searches do not pay for many small segments.
INSERT INTO search_order (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_order;
--> statement-breakpoint
INSERT INTO search_customer (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_customer;
--> statement-breakpoint
INSERT INTO search_supplier (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_supplier;
--> statement-breakpoint
INSERT INTO search_item (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_item;
--> statement-breakpoint
INSERT INTO search_lot (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_lot;
--> statement-breakpoint
INSERT INTO search_ddt (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_ddt;
--> statement-breakpoint
INSERT INTO search_production_order (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_production_order;
--> statement-breakpoint
INSERT INTO search_purchase_order (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_purchase_order;
--> statement-breakpoint
INSERT INTO search_invoice (rowid, code, name, ctx) SELECT id, code, name, ctx FROM search_doc_invoice;
--> statement-breakpoint
INSERT INTO search_order (search_order) VALUES ('optimize');
--> statement-breakpoint
INSERT INTO search_customer (search_customer) VALUES ('optimize');
--> statement-breakpoint
INSERT INTO search_supplier (search_supplier) VALUES ('optimize');
--> statement-breakpoint
INSERT INTO search_item (search_item) VALUES ('optimize');
--> statement-breakpoint
INSERT INTO search_lot (search_lot) VALUES ('optimize');
--> statement-breakpoint
INSERT INTO search_ddt (search_ddt) VALUES ('optimize');
--> statement-breakpoint
INSERT INTO search_production_order (search_production_order) VALUES ('optimize');
--> statement-breakpoint
INSERT INTO search_purchase_order (search_purchase_order) VALUES ('optimize');
--> statement-breakpoint
INSERT INTO search_invoice (search_invoice) VALUES ('optimize');
