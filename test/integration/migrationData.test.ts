import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src-main/api/app';
import * as schema from '../../src-main/db/schema';
import { appliedTags, MIGRATIONS, migrateTo, migrateToLatest, migrationTags, schemaShape } from '../support/migrations';
import { fixedClock, tempDir } from '../support/tempDir';
import { expectReferenceRows } from '../support/kpiReference';
import { KPI_COLUMNS } from '../../src-main/modules/reports/invariants';

const require = createRequire(import.meta.url);
const kit = require('drizzle-kit/api') as typeof import('drizzle-kit/api');

/**
 * Every migration either has a data test in this file (old-shape rows in, migrate,
 * assert the rows) or is declared schema-only here: a new migration fails the rule test
 * until it is one or the other.
 */
const DATA_TESTED = ['0002_default_location', '0003_orders_production', '0010_prices', '0011_invoicing', '0013_search', '0017_versions', '0018_kpi_summary'];
const SCHEMA_ONLY = ['0000_init', '0001_inventory', '0004_channels', '0005_production_indexes', '0006_purchasing', '0007_trace_shipping', '0008_labels_notifications', '0009_audit', '0012_reports', '0014_kpi_indexes', '0015_accounts', '0016_devices', '0019_speed', '0020_write', '0021_check', '0022_fulfil', '0023_wal', '0024_purchase_list'];

let t: ReturnType<typeof tempDir>;
afterEach(() => t?.cleanup());

function fileAt(tag: string): Database.Database {
  t = tempDir();
  const db = new Database(t.dbPath);
  db.pragma('foreign_keys = ON');
  migrateTo(db, tag);
  return db;
}

const AT = '2025-03-01T10:00:00.000Z';

describe('migrations with data', () => {
  it('migrateTo stops at the tag asked for, and the app takes the file the rest of the way', () => {
    const db = fileAt('0001_inventory');
    expect(appliedTags(db)).toEqual(['0000_init', '0001_inventory']);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'customer_orders'").pluck().get()).toBe(0);
    db.close();
    const app = createApp(t.dbPath, { now: fixedClock() });
    expect(appliedTags(app.ctx.sqlite)).toEqual(migrationTags());
    expect(app.opened.preMigrationBackup).not.toBeNull(); // a file that had migrations is backed up first
    app.close();
  });

  it('0002 gives a file made before locations existed its default location, and leaves the items as they were', () => {
    const db = fileAt('0001_inventory');
    db.prepare('INSERT INTO items (sku, name, kind, unit, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run('SAP-1', 'Sapone', 'product', 'pz', AT, AT);
    const itemBefore = db.prepare('SELECT * FROM items').all();
    expect(db.prepare('SELECT count(*) FROM locations').pluck().get()).toBe(0);
    migrateTo(db, '0002_default_location');
    expect(db.prepare('SELECT code, name, is_default, archived FROM locations').all()).toEqual([{ code: 'MAG', name: 'Magazzino', is_default: 1, archived: 0 }]);
    expect(db.prepare('SELECT * FROM items').all()).toEqual(itemBefore);
    migrateToLatest(db);
    db.close();
    // the app, on the migrated file, receives into that location
    const app = createApp(t.dbPath, { now: fixedClock() });
    const locations = app.call('inventory.locations', {});
    expect(locations.locations.map((l) => [l.code, l.isDefault])).toEqual([['MAG', true]]);
    app.close();
  });

  it('0003 gives old customers and suppliers Italian as their language and no SDI code or PEC, keeping every other field', () => {
    const db = fileAt('0002_default_location');
    const insert = (table: string, name: string) =>
      db
        .prepare(`INSERT INTO ${table} (name, vat_number, email, street, postcode, city, province, notes, created_at, updated_at) VALUES (?, ?, ?, 'Via Roma 1', '40121', 'Bologna', 'BO', 'old', ?, ?)`)
        .run(name, '01234567897', `${table}@example.com`, AT, AT);
    insert('customers', 'Bottega Rossi');
    insert('suppliers', 'Oli Bianchi');
    const before = { customers: db.prepare('SELECT * FROM customers').all(), suppliers: db.prepare('SELECT * FROM suppliers').all() };
    migrateTo(db, '0003_orders_production');
    for (const table of ['customers', 'suppliers'] as const) {
      const rows = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      expect(rows).toEqual(before[table].map((r) => ({ ...(r as object), sdi_code: null, pec: null, language: 'it' })));
    }
    migrateToLatest(db);
    db.close();
    const app = createApp(t.dbPath, { now: fixedClock() });
    const c = app.call('parties.getCustomer', { id: 1 });
    expect([c.name, c.language, c.sdiCode, c.pec, c.city]).toEqual(['Bottega Rossi', 'it', null, null, 'Bologna']);
    app.close();
  });

  it('0010 gives old order lines their exact price and discount chain from the integer columns, marked manual (never re-priced), same totals', () => {
    const db = fileAt('0009_audit');
    db.prepare('INSERT INTO items (sku, name, kind, unit, sale_price_cents, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run('SAP-1', 'Sapone', 'product', 'pcs', 999, AT, AT);
    db.prepare('INSERT INTO customers (name, created_at, updated_at) VALUES (?, ?, ?)').run('Bottega Rossi', AT, AT);
    db.prepare(
      "INSERT INTO customer_orders (number, customer_id, channel, state, ordered_on, status, total_cents, created_at, updated_at) VALUES ('2026/0001', 1, 'manual', 'draft', '2026-01-10', 'draft', 0, ?, ?)",
    ).run(AT, AT);
    const line = db.prepare('INSERT INTO order_lines (order_id, position, item_id, qty_milli, unit_price_cents, discount_bp, vat_bp) VALUES (1, ?, 1, ?, ?, ?, 2200)');
    line.run(1, 3000, 1234, 1250);
    line.run(2, 1000, 5, 0);
    line.run(3, 2000, 100000, 1005);
    migrateTo(db, '0010_prices');
    expect(db.prepare('SELECT unit_price, price_source, discounts, unit_price_cents, discount_bp FROM order_lines ORDER BY position').all()).toEqual([
      { unit_price: '12.34', price_source: 'manual', discounts: '12.5', unit_price_cents: 1234, discount_bp: 1250 },
      { unit_price: '0.05', price_source: 'manual', discounts: '', unit_price_cents: 5, discount_bp: 0 },
      { unit_price: '1000.00', price_source: 'manual', discounts: '10.05', unit_price_cents: 100000, discount_bp: 1005 },
    ]);
    expect(db.prepare('SELECT payment_terms_id, payment_terms FROM customer_orders').get()).toEqual({ payment_terms_id: null, payment_terms: null });
    migrateToLatest(db);
    db.close();
    const app = createApp(t.dbPath, { now: fixedClock() });
    const o = app.call('orders.get', { id: 1 });
    // 3 × 12,34 less 12,5 % = 32,3925 → 32,39; 0,05; 2 × 1000 less 10,05 % = 1799,00
    expect(o.lines.map((l) => [l.unitPrice, l.priceSource, l.discounts, l.netCents])).toEqual([
      ['12.34', 'manual', ['12.5'], 3239],
      ['0.05', 'manual', [], 5],
      ['1000.00', 'manual', ['10.05'], 179900],
    ]);
    // a draft: the old lines keep their prices when it is saved again (they are manual)
    const u = app.call('orders.update', { id: 1, customerId: 1, lines: o.lines.map((l) => ({ itemId: l.item.id, quantity: String(l.qtyMilli / 1000), unitPrice: l.unitPrice, discountPct: l.discounts.join('+') })) });
    expect(u.totalCents).toBe(3239 + 5 + 179900);
    app.close();
  });

  it('0011 leaves customers and their orders as they were; an old customer has no invoicing settings (the channel rule applies) and nothing is invoiced', () => {
    const db = fileAt('0010_prices');
    db.prepare("INSERT INTO customers (name, vat_number, sdi_code, created_at, updated_at) VALUES ('Bottega Rossi', '01234567897', 'ABC1234', ?, ?)").run(AT, AT);
    const before = db.prepare('SELECT * FROM customers').all();
    migrateTo(db, '0011_invoicing');
    expect(db.prepare('SELECT * FROM customers').all()).toEqual(before);
    expect(db.prepare('SELECT COUNT(*) AS n FROM customer_invoicing').get()).toEqual({ n: 0 });
    migrateToLatest(db);
    db.close();
    const app = createApp(t.dbPath, { now: fixedClock() });
    expect(app.call('invoicing.customerSettings', { customerId: 1 })).toEqual({ customerId: 1, wantsInvoice: null, defaultNatura: null, intentDeclaration: '' });
    expect(app.call('invoicing.list', {}).total).toBe(0);
    app.close();
  });

  it('0017 gives old items, customers and suppliers version 0, keeping every other field; the first edit sent with version 0 goes through and makes it 1', () => {
    const db = fileAt('0015_accounts');
    db.prepare('INSERT INTO items (sku, name, kind, unit, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run('SAP-1', 'Sapone', 'product', 'pcs', AT, AT);
    db.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('Bottega Rossi', ?, ?)").run(AT, AT);
    db.prepare("INSERT INTO suppliers (name, created_at, updated_at) VALUES ('Oli Bianchi', ?, ?)").run(AT, AT);
    const tables = ['items', 'customers', 'suppliers'] as const;
    const before = Object.fromEntries(tables.map((tb) => [tb, db.prepare(`SELECT * FROM ${tb}`).all()]));
    migrateTo(db, '0017_versions');
    for (const tb of tables) {
      expect(db.prepare(`SELECT * FROM ${tb}`).all()).toEqual((before[tb] as object[]).map((r) => ({ ...r, version: 0 })));
    }
    migrateToLatest(db);
    db.close();
    const app = createApp(t.dbPath, { now: fixedClock() });
    const item = app.call('catalog.getItem', { id: 1 });
    expect(item.version).toBe(0);
    const saved = app.call('catalog.updateItem', { id: 1, sku: 'SAP-1', name: 'Sapone al latte', kind: 'product', unit: 'pcs', expectedVersion: 0 });
    expect(saved.version).toBe(1);
    app.close();
  });
});

describe('migration 0013_search', () => {
  it('fills the search indexes with the rows already there: customers, suppliers, items, orders, lots, purchase orders, numbered invoices', () => {
    const db = fileAt('0012_reports');
    const party = (table: string, name: string, vat: string, city: string) =>
      db.prepare(`INSERT INTO ${table} (name, vat_number, city, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`).run(name, vat, city, AT, AT);
    party('customers', 'Erboristeria La Malva', 'IT01234567897', 'Firenze');
    party('suppliers', 'Oleificio Bertolini', '09696430082', 'Andria');
    db.prepare("INSERT INTO items (sku, name, kind, unit, gtin, created_at, updated_at) VALUES ('PF-CR-CAL', 'Crème mani alla calendula', 'product', 'pcs', '8012345678907', ?, ?)").run(AT, AT);
    db.prepare(
      "INSERT INTO customer_orders (number, customer_id, channel, external_ref, state, ordered_on, status, total_cents, created_at, updated_at) VALUES ('2026/0103', 1, 'shopify', '#4471', 'confirmed', '2026-01-10', 'waiting', 0, ?, ?)",
    ).run(AT, AT);
    db.prepare(
      "INSERT INTO lots (item_id, code, origin, supplier_id, supplier_lot_code, status, origin_date, doc_type, doc_id, created_at) VALUES (1, 'L26010-1', 'receipt', 1, 'OL-7781', 'released', '2026-01-10', 'stock_document', 1, ?)",
    ).run(AT);
    db.prepare("INSERT INTO purchase_orders (number, supplier_id, status, ordered_on, expected_on, created_at) VALUES ('OF2026/0004', 1, 'sent', '2026-01-02', '2026-01-09', ?)").run(AT);
    db.prepare("INSERT INTO invoices (kind, state, customer_id, date, year, seq, number, created_at, updated_at) VALUES ('TD24', 'issued', 1, '2026-01-31', 2026, 12, '12/2026', ?, ?)").run(AT, AT);
    // a draft: no number yet, not indexed
    db.prepare("INSERT INTO invoices (kind, state, customer_id, date, created_at, updated_at) VALUES ('TD01', 'draft', 1, '2026-02-01', ?, ?)").run(AT, AT);
    migrateTo(db, '0013_search');
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect(['search_customer', 'search_supplier', 'search_item', 'search_order', 'search_lot', 'search_purchase_order', 'search_invoice'].map(count)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    migrateToLatest(db);
    db.close();
    const app = createApp(t.dbPath, { now: fixedClock() });
    const first = (q: string) => app.call('search.global', { q }).hits[0];
    expect(first('malva firenze')).toMatchObject({ kind: 'customer', id: 1 });
    expect(first('01234567897')).toMatchObject({ kind: 'customer', id: 1 });
    expect(first('bertolini')).toMatchObject({ kind: 'supplier', id: 1 });
    expect(first('crema calendula')).toMatchObject({ kind: 'item', id: 1 });
    expect(first('2026/0103')).toMatchObject({ kind: 'order', id: 1, subtitle: 'Erboristeria La Malva · #4471' });
    expect(first('malva 0103')).toMatchObject({ kind: 'order', id: 1 });
    expect(first('OL-7781')).toMatchObject({ kind: 'lot', id: 1 });
    expect(first('OF2026/0004')).toMatchObject({ kind: 'purchase_order', id: 1 });
    expect(first('12/2026')).toMatchObject({ kind: 'invoice', id: 1 });
    app.close();
  });
});

describe('migration 0018_kpi_summary', () => {
  it('fills the KPI summary with the lines of the confirmed orders already there: shipped by a DDT, at the lot cost, less what came back; drafts and undelivered shipments leave nothing', () => {
    const db = fileAt('0014_kpi_indexes');
    db.prepare('INSERT INTO customers (name, created_at, updated_at) VALUES (?, ?, ?)').run('Bottega Rossi', AT, AT);
    db.prepare("INSERT INTO items (sku, name, kind, unit, created_at, updated_at) VALUES ('SAP-1', 'Sapone', 'product', 'pcs', ?, ?)").run(AT, AT);
    db.prepare("INSERT INTO lots (item_id, code, origin, status, origin_date, unit_cost_micros, doc_type, doc_id, created_at) VALUES (1, 'L1', 'production', 'released', '2026-01-05', 1500000, 'production_order', 1, ?)").run(AT);
    const order = db.prepare(
      "INSERT INTO customer_orders (number, customer_id, channel, state, ordered_on, requested_on, status, total_cents, created_at, updated_at, confirmed_at) VALUES (?, 1, 'shop', ?, '2026-01-10', '2026-01-20', 'waiting', 0, ?, ?, ?)",
    );
    order.run('2026/0001', 'confirmed', AT, AT, '2026-01-11T09:00:00.000Z');
    order.run('2026/0002', 'draft', AT, AT, null);
    const line = db.prepare('INSERT INTO order_lines (order_id, position, item_id, qty_milli, unit_price_cents, discount_bp) VALUES (?, ?, 1, ?, 450, ?)');
    line.run(1, 1, 10_000, 1000); // 10 × 4,50 less 10 % = 40,50
    line.run(1, 2, 2_000, 0);
    line.run(2, 1, 5_000, 0);
    const shipment = db.prepare("INSERT INTO shipments (customer_id, state, transport_by, created_at, updated_at) VALUES (1, ?, 'sender', ?, ?)");
    shipment.run('confirmed', AT, AT);
    shipment.run('draft', AT, AT);
    db.prepare("INSERT INTO ddts (year, seq, number, date, kind, shipment_id, snapshot, created_at) VALUES (2026, 1, '1/2026', '2026-01-15', 'shipment', 1, '{}', ?)").run(AT);
    const shipLine = db.prepare('INSERT INTO shipment_lines (shipment_id, position, order_line_id, order_id, item_id, lot_id, qty_milli) VALUES (?, 1, ?, 1, 1, 1, ?)');
    shipLine.run(1, 1, 6_000);
    shipLine.run(2, 2, 2_000); // a draft: no DDT, not shipped
    db.prepare("INSERT INTO shipment_returns (shipment_id, date, reason, created_at) VALUES (1, '2026-01-18', 'rotto', ?)").run(AT);
    db.prepare("INSERT INTO shipment_return_lines (return_id, shipment_line_id, lot_id, qty_milli, disposition) VALUES (1, 1, 1, 1000, 'scrap')").run();
    migrateTo(db, '0018_kpi_summary');
    const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + 2440587;
    expect(db.prepare(`SELECT ${KPI_COLUMNS.join(', ')} FROM kpi_order_lines ORDER BY line_id`).all()).toEqual([
      {
        ordered_on: '2026-01-10', order_id: 1, item_id: 1, line_id: 1, channel: 'shop', customer_id: 1, confirmed_day: day('2026-01-11'), due: '2026-01-20',
        net_cents: 4050, qty_milli: 10_000, shipped_milli: 6_000, last_ddt_day: day('2026-01-15'), cost_micros: 9_000_000, unknown_cost_milli: 0, returned_milli: 1_000,
      },
      {
        ordered_on: '2026-01-10', order_id: 1, item_id: 1, line_id: 2, channel: 'shop', customer_id: 1, confirmed_day: day('2026-01-11'), due: '2026-01-20',
        net_cents: 900, qty_milli: 2_000, shipped_milli: 0, last_ddt_day: null, cost_micros: 0, unknown_cost_milli: 0, returned_milli: 0,
      },
    ]);
    migrateToLatest(db);
    db.close();
    const app = createApp(t.dbPath, { now: fixedClock() });
    expect(expectReferenceRows(app, '2026-01-01', '2026-12-31')).toBe(1);
    app.close();
  });
});

describe('the migration rule', () => {
  it('every migration has a data test or is declared schema-only (not both)', () => {
    const declared = [...DATA_TESTED, ...SCHEMA_ONLY];
    expect(new Set(declared).size).toBe(declared.length);
    expect(migrationTags().filter((tag) => !declared.includes(tag))).toEqual([]);
    expect(declared.filter((tag) => !migrationTags().includes(tag))).toEqual([]);
  });

  it('a migration declared schema-only writes no rows (no INSERT, UPDATE, DELETE, nor a NOT NULL column added to a table that has rows)', () => {
    for (const tag of SCHEMA_ONLY) {
      const sql = readFileSync(join(MIGRATIONS, `${tag}.sql`), 'utf8').replace(/--[^\n]*/g, '');
      expect(sql, tag).not.toMatch(/\b(INSERT\s+INTO|UPDATE\s+`?\w+`?\s+SET|DELETE\s+FROM)\b/i);
      expect(sql, tag).not.toMatch(/ALTER\s+TABLE[^;]*\bADD\b[^;]*NOT\s+NULL/i);
    }
  });
});

describe('the schema', () => {
  it('of a fresh database equals what the drizzle schema declares (drizzle-kit generates it in memory; nothing is written)', async () => {
    t = tempDir();
    const app = createApp(t.dbPath, { now: fixedClock() });
    const migrated = schemaShape(app.ctx.sqlite);
    app.close();
    const statements = await kit.generateSQLiteMigration(await kit.generateSQLiteDrizzleJson({}), await kit.generateSQLiteDrizzleJson(schema as Record<string, unknown>));
    const declared = new Database(':memory:');
    for (const s of statements) declared.exec(s);
    expect(migrated).toEqual(schemaShape(declared));
    expect(Object.keys(migrated).length).toBeGreaterThan(80);
    declared.close();
  });

  it('the comparison sees a drift: a column or an index the schema does not declare', () => {
    t = tempDir();
    const app = createApp(t.dbPath, { now: fixedClock() });
    const before = schemaShape(app.ctx.sqlite);
    app.ctx.sqlite.exec('ALTER TABLE items ADD extra text');
    expect(schemaShape(app.ctx.sqlite)).not.toEqual(before);
    app.ctx.sqlite.exec('ALTER TABLE items DROP extra');
    app.ctx.sqlite.exec('CREATE INDEX items_name_extra ON items (name)');
    expect(schemaShape(app.ctx.sqlite)).not.toEqual(before);
    app.close();
  });
});
