/**
 * Invoicing figures (issue 15). `invoicing.month`: the deferred invoices of the busiest month
 * of the last year, thousands of DDTs; each repetition inside a transaction rolled back after
 * it, so every run invoices the same state. `invoicing.scadenzario_page`: the first page of
 * open instalments, after the untimed setup invoiced the last months on the working copy.
 */
import { defineFigure, type BenchEnv } from '../harness';
import { partitaIvaCheckDigit } from '../../../src-shared/domain/italianTax';

function ok(env: BenchEnv, name: string, input: unknown): unknown {
  const res = env.app.invoke(name, input);
  if (!res.ok) throw new Error(`${name}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

/** The company's fiscal data and, for customers the generator made without it, an SDI code and a valid address, through the registry. */
export function fiscalData(env: BenchEnv, customerIds: number[]): void {
  ok(env, 'settings.update', {
    company: { name: 'Saponificio Bench S.r.l.', vatNumber: '01234567897', street: 'Via Roma 1', postcode: '50100', city: 'Firenze', province: 'FI', regimeFiscale: 'RF01' },
  });
  let fixed = 0;
  for (const id of customerIds) {
    const c = ok(env, 'parties.getCustomer', { id }) as Record<string, unknown> & { vatNumber: string | null; fiscalCode: string | null; sdiCode: string | null; pec: string | null; postcode: string; street: string; city: string; country: string };
    const vatOk = typeof c.vatNumber === 'string' && /^\d{11}$/.test(c.vatNumber);
    if (vatOk && (c.sdiCode || c.pec) && /^\d{5}$/.test(c.postcode) && c.street && c.city && c.country === 'IT') continue;
    const first10 = String(1_000_000 + id).padStart(7, '0') + '015';
    ok(env, 'parties.updateCustomer', {
      ...c,
      vatNumber: vatOk ? c.vatNumber : first10 + String(partitaIvaCheckDigit(first10)),
      fiscalCode: null,
      sdiCode: c.sdiCode ?? 'ABC1234',
      postcode: /^\d{5}$/.test(c.postcode) ? c.postcode : '20100',
      street: c.street || 'Via Roma 1',
      city: c.city || 'Milano',
      country: 'IT',
    });
    fixed++;
  }
  env.log(`fiscal data given to ${fixed} customers`);
}

/** The months of the last year with sale DDTs, busiest first. */
export function months(env: BenchEnv): { month: string; ddts: number }[] {
  return env.app.ctx.sqlite
    .prepare(
      `SELECT substr(d.date, 1, 7) AS month, COUNT(*) AS ddts FROM ddts d JOIN shipments s ON s.id = d.shipment_id
        WHERE d.kind = 'shipment' AND d.date >= (SELECT date(MAX(date), '-12 months') FROM ddts) GROUP BY 1 ORDER BY 2 DESC`,
    )
    .all() as { month: string; ddts: number }[];
}

export function customersOf(env: BenchEnv, month: string): number[] {
  return env.app.ctx.sqlite
    .prepare("SELECT DISTINCT s.customer_id FROM ddts d JOIN shipments s ON s.id = d.shipment_id WHERE d.kind = 'shipment' AND d.date LIKE ?")
    .pluck()
    .all(`${month}-%`) as number[];
}

export const figures = [
  defineFigure({
    name: 'invoicing.month',
    what: "invoicing.issueMonth of the busiest month of the last year (every customer's DDTs), in a transaction rolled back after each run",
    n: 5,
    warmup: 1,
    goal: { median_ms: 5000 },
    scales: ['large', 'small'],
    setup: (env) => {
      const m = months(env)[0];
      if (!m) throw new Error('no DDT in the dataset');
      fiscalData(env, customersOf(env, m.month));
      const p = ok(env, 'invoicing.previewMonth', { month: m.month }) as { invoices: unknown[]; totals: { ddtCount: number } };
      env.log(`month ${m.month}: ${m.ddts} DDTs, ${p.invoices.length} invoices of ${p.totals.ddtCount} DDTs`);
      return { month: m.month };
    },
    prepare: (env) => {
      const db = env.app.ctx.sqlite;
      if (db.inTransaction) db.exec('ROLLBACK');
      db.exec('BEGIN IMMEDIATE');
    },
    run: (env, s) => {
      const r = ok(env, 'invoicing.issueMonth', { month: s.month }) as { invoices: unknown[] };
      if (r.invoices.length === 0) throw new Error('nothing invoiced: the rollback did not restore the state');
    },
    teardown: (env) => {
      if (env.app.ctx.sqlite.inTransaction) env.app.ctx.sqlite.exec('ROLLBACK');
    },
  }),
  defineFigure({
    name: 'invoicing.scadenzario_page',
    what: 'invoicing.instalments, first page of 50 open instalments with totals, after invoicing the last 3 months',
    n: 300,
    warmup: 30,
    goal: { median_ms: 20 },
    scales: ['large', 'small'],
    setup: (env) => {
      const last = months(env)
        .map((m) => m.month)
        .sort()
        .slice(-4, -1);
      fiscalData(env, last.flatMap((m) => customersOf(env, m)));
      let n = 0;
      for (const m of last) n += (ok(env, 'invoicing.issueMonth', { month: m }) as { invoices: unknown[] }).invoices.length;
      env.log(`invoiced ${last.join(', ')}: ${n} invoices`);
      return null;
    },
    run: (env) => {
      ok(env, 'invoicing.instalments', { state: 'open', limit: 50 });
    },
  }),
];
