import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contract, type OperationName } from '../../src-shared/contract';
import { EXPORT_LISTS } from '../../src-shared/contract/channels';
import { QUERIES_GIVEN_THE_WRITER, type Handler } from '../../src-main/api/handlers';
import { readOnlyConnection, readOnlyCtx } from '../../src-main/api/readOnly';
import { sql } from 'drizzle-orm';
import { settings } from '../../src-main/db/schema';
import { demoApp, removeTempDbs, tempDbPath } from '../builders';

afterAll(removeTempDbs);

const QUERIES = (Object.keys(contract) as OperationName[]).filter((n) => contract[n].kind === 'query');
const SHOP_EXPORT = readFileSync(join(__dirname, '..', 'fixtures', 'channels', 'shopify-orders-export.csv')).toString('base64');

describe('queries cannot write', () => {
  const app = demoApp({ path: tempDbPath() });
  const db = app.ctx.sqlite;
  const one = (sql: string): number => db.prepare(sql).pluck().get() as number;
  // an issued invoice, for the invoicing queries that read one (the demo has none yet)
  app.call('settings.update', { company: { street: 'Via delle Fornaci, 8', postcode: '50100', city: 'Firenze', province: 'FI', regimeFiscale: 'RF01' } });
  const invoiced = app.call('parties.createCustomer', { name: 'Cliente Fattura S.r.l.', vatNumber: '01234567897', street: 'Via Roma 1', postcode: '20121', city: 'Milano', province: 'MI', sdiCode: 'ABC1234' });
  const invoice = app.call('invoicing.issue', { id: app.call('invoicing.createDraft', { customerId: invoiced.id, lines: [{ description: 'Consulenza', quantity: '1', unitPrice: '100', vatRate: '22' }] }).id });
  const ids = {
    item: one("SELECT id FROM items WHERE kind = 'product' ORDER BY id LIMIT 1"),
    recipeItem: one('SELECT item_id FROM recipes ORDER BY id LIMIT 1'),
    customer: one('SELECT id FROM customers ORDER BY id LIMIT 1'),
    supplier: one('SELECT id FROM suppliers ORDER BY id LIMIT 1'),
    lot: one('SELECT id FROM lots ORDER BY id LIMIT 1'),
    lotCode: db.prepare('SELECT code FROM lots ORDER BY id LIMIT 1').pluck().get() as string,
    order: one("SELECT id FROM customer_orders WHERE state = 'confirmed' ORDER BY id LIMIT 1"),
    production: one('SELECT id FROM production_orders ORDER BY id LIMIT 1'),
    purchase: one('SELECT id FROM purchase_orders ORDER BY id LIMIT 1'),
    shipment: one('SELECT id FROM shipments WHERE ddt_id IS NOT NULL ORDER BY id LIMIT 1'),
    priceList: one('SELECT id FROM price_lists ORDER BY id LIMIT 1'),
    shipmentOrder: one('SELECT ol.order_id FROM shipment_lines sl JOIN order_lines ol ON ol.id = sl.order_line_id ORDER BY sl.id LIMIT 1'),
    // until the demo issues invoices, the invoice queries answer NOT_FOUND for an id that is not there
    invoice: (db.prepare("SELECT id FROM invoices WHERE state <> 'draft' ORDER BY id LIMIT 1").pluck().get() as number | undefined) ?? null,
  };

  /** Inputs for the queries that need one; every other query is called with {}. */
  const inputs: Partial<Record<OperationName, unknown>> = {
    'catalog.getItem': { id: ids.item },
    'catalog.getRecipe': { itemId: ids.recipeItem },
    'catalog.explodeRecipe': { itemId: ids.recipeItem, batches: 1 },
    'parties.getCustomer': { id: ids.customer },
    'parties.getSupplier': { id: ids.supplier },
    'inventory.itemLots': { itemId: ids.item },
    'inventory.lot': { lotId: ids.lot },
    'inventory.findLots': { q: ids.lotCode },
    'inventory.fefo': { itemId: ids.item, quantity: '1' },
    'orders.get': { id: ids.order },
    'orders.fulfilPreview': { orderIds: [ids.order] },
    'production.get': { id: ids.production },
    'production.sheetPdf': { id: ids.production },
    'channels.inspectFile': { fileBase64: SHOP_EXPORT, fileName: 'orders.csv' },
    'channels.previewImport': { fileBase64: SHOP_EXPORT, fileName: 'orders.csv' },
    'channels.startPreview': { fileBase64: SHOP_EXPORT, fileName: 'orders.csv' },
    'purchasing.previewFromShortages': { lines: [{ itemId: ids.item, qtyMilli: 1000 }] },
    'purchasing.get': { id: ids.purchase },
    'purchasing.pdf': { id: ids.purchase },
    'trace.findLot': { code: ids.lotCode },
    'invoicing.previewMonth': { month: '2026-01' },
    'invoicing.get': { id: invoice.id },
    'invoicing.document': { id: invoice.id },
    'invoicing.toCollect': { month: '2026-01' },
    'invoicing.customerBalance': { customerId: invoiced.id },
    'invoicing.customerSettings': { customerId: invoiced.id },
    'trace.lot': { lotId: ids.lot },
    'trace.orderRecalls': { orderId: ids.order },
    'trace.recallReportPdf': { lotId: ids.lot },
    'trace.recallReportCsv': { lotId: ids.lot },
    'labels.itemInfo': { itemId: ids.item },
    'labels.lotPdf': { lotId: ids.lot },
    'labels.productionPdf': { productionId: ids.production },
    'labels.shipmentPdf': { shipmentId: ids.shipment },
    'notifications.preview': { kind: 'order_confirmed', docId: ids.order },
    'notifications.history': { docType: 'order', docId: ids.order },
    'shipping.proposal': { orderIds: [ids.shipmentOrder] },
    'shipping.get': { id: ids.shipment },
    'shipping.ofOrder': { orderId: ids.shipmentOrder },
    'shipping.ddtPdf': { shipmentId: ids.shipment },
    'shipping.openDdt': { shipmentId: ids.shipment },
    'shipping.packingSlipPdf': { id: ids.shipment },
    'planning.calendar': { year: 2026 },
    'planning.promise': { orderId: ids.order },
    'planning.estimates': { orderIds: [ids.order] },
    'audit.document': { doc: `orders/${ids.order}` },
    'prices.getList': { id: ids.priceList },
    'prices.importPreview': { listId: ids.priceList, text: 'SAP-X\t1,00\n', format: 'paste' },
    'prices.exportList': { id: ids.priceList },
    'prices.getCustomerTerms': { customerId: ids.customer },
    'prices.quote': { customerId: ids.customer, itemId: ids.item, quantity: '24' },
    'prices.quoteBatch': { customerId: ids.customer, lines: [{ itemId: ids.item, quantity: '24' }] },
    'prices.itemCosts': { itemIds: [ids.item, ids.recipeItem] },
    'reports.kpis': { from: '2020-01-01', to: '2029-12-31', by: 'product', compare: true },
    'search.global': { q: 'crema lav' },
    'reports.kpisCsv': { from: '2020-01-01', to: '2029-12-31', by: 'category' },
    'reports.kpisPdf': { from: '2020-01-01', to: '2029-12-31', by: 'customer' },
    'invoicing.sdiCheck': { id: ids.invoice ?? 1 },
    'invoicing.pdf': { id: ids.invoice ?? 1 },
    // a file that is no backup: the preview answers with its problem, writing nothing
    'system.restorePreview': { path: app.ctx.dbPath + '.absent' },
  };

  function counts(): Record<string, number> {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, one(`SELECT count(*) FROM "${t}"`)]));
  }

  it('every query operation answers on the demo and leaves the file as it was (data_version seen from another connection, total changes, row counts)', async () => {
    const other = new Database(app.ctx.dbPath, { readonly: true });
    const versionBefore = other.pragma('data_version', { simple: true });
    const changesBefore = one('SELECT total_changes()');
    const countsBefore = counts();
    const answered: string[] = [];
    const failed: string[] = [];
    for (const name of QUERIES) {
      if (name === 'notifications.send') continue; // records what it sent, by design (QUERIES_GIVEN_THE_WRITER)
      let input = inputs[name] ?? {};
      if (name === 'exports.csv') {
        for (const list of EXPORT_LISTS) expect((await app.invokeAsync(name, { list })).ok, `exports.csv ${list}`).toBe(true);
        answered.push(name);
        continue;
      }
      if (name === 'channels.previewJob' || name === 'channels.importJob') {
        const { jobId } = app.call('channels.startPreview', inputs['channels.startPreview'] as never);
        input = { jobId };
      }
      if (name === 'notifications.draft') continue; // needs a record notifications.send makes: checked below
      const res = await app.invokeAsync(name, input);
      // a preview job is no import job: NOT_FOUND is that query's answer
      const noInvoice = ids.invoice === null && name.startsWith('invoicing.') && !res.ok && res.error.code === 'NOT_FOUND';
      if (!res.ok && !(name === 'channels.importJob' && res.error.code === 'NOT_FOUND') && !noInvoice) {
        failed.push(`${name}: ${res.error.code} ${res.error.message} ${JSON.stringify(res.error.details ?? {})}`);
      }
      answered.push(name);
    }
    expect(failed).toEqual([]);
    expect(answered.length).toBe(QUERIES.length - 2);
    expect(other.pragma('data_version', { simple: true })).toBe(versionBefore);
    expect(one('SELECT total_changes()')).toBe(changesBefore);
    expect(counts()).toEqual(countsBefore);
    other.close();
  });

  it('a recorded notification is read back as a draft without a write; sending is the one query that records', async () => {
    expect([...QUERIES_GIVEN_THE_WRITER].sort()).toEqual(['backups.runNow', 'notifications.send', 'system.makeBackup']);
    const sent = await app.callAsync('notifications.send', { kind: 'order_confirmed', docId: ids.order });
    const before = one('SELECT total_changes()');
    const draft = await app.invokeAsync('notifications.draft', { id: sent.id });
    expect(draft.ok).toBe(true);
    expect(one('SELECT total_changes()')).toBe(before);
  });

  it('a write under the query guard is refused before it runs (prepare, pragma, drizzle), reads pass, and the connection itself still writes', () => {
    const guarded = readOnlyConnection(db);
    const changes = one('SELECT total_changes()');
    expect(() => guarded.prepare("UPDATE settings SET value = value WHERE key = 'none'")).toThrow(/readonly/);
    expect(() => guarded.prepare('CREATE TEMP TABLE t_guard (x)')).toThrow(/readonly/);
    expect(() => guarded.pragma('user_version = 77')).toThrow(/readonly/);
    const ro = readOnlyCtx(app.ctx).db as unknown as typeof app.ctx.db;
    expect(() => ro.update(settings).set({ value: 'x' }).where(sql`key = 'none'`).run()).toThrow(/readonly/);
    expect(() => ro.all(sql`DELETE FROM settings WHERE key = 'none'`)).toThrow(/readonly/);
    expect(one('SELECT total_changes()')).toBe(changes);
    expect(guarded.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: one('SELECT count(*) FROM settings') });
    expect(guarded.pragma('user_version', { simple: true })).toBe(db.pragma('user_version', { simple: true }));
    // the same stand-in each time: per-connection caches keyed on it hit
    expect(readOnlyConnection(db)).toBe(guarded);
    expect(app.invoke('settings.get', {}).ok).toBe(true);
    db.prepare('CREATE TEMP TABLE t_after (x)').run();
  });

  it('a query handler is typed without write functions: insert, update, delete, run and transaction do not compile', () => {
    const h: Handler<'settings.get'> = (ctx) => {
      // @ts-expect-error a query's drizzle has no insert
      void ctx.db.insert;
      // @ts-expect-error a query's drizzle has no update
      void ctx.db.update;
      // @ts-expect-error a query's drizzle has no delete
      void ctx.db.delete;
      // @ts-expect-error a query's statements have no run
      void ctx.sqlite.prepare('SELECT 1').run;
      // @ts-expect-error a query's connection opens no transaction
      void ctx.sqlite.transaction;
      // @ts-expect-error nor runs raw SQL
      void ctx.sqlite.exec;
      return app.call('settings.get', {});
    };
    expect(typeof h).toBe('function');
  });

  afterAll(() => app.close());
});
