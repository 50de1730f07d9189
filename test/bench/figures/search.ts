/**
 * Global search figure (BENCH.md, issue 16): `search.global` over a mix of what people
 * type, drawn from the dataset's own records — words and prefixes of customer, supplier
 * and item names (one or two words, in either order, sometimes with a city), order
 * numbers whole or in part, shop references, lot and supplier lot codes, DDT, production
 * and purchase order numbers, P.IVA, GTIN, a customer's word with a year, and scanned
 * GS1 case labels. Setup also reports the size of the search indexes.
 */
import { caseElements, elementString } from '../../../src-main/documents/labels/gs1';
import type { Rng } from '../../../src-main/demo/rng';
import { defineFigure, type BenchEnv } from '../harness';

const QUERIES = 1000;

function sample<T>(env: BenchEnv, sql: string, n = 300): T[] {
  // a spread of the table, not its first rows: every k-th row
  const total = env.app.ctx.sqlite.prepare(`SELECT count(*) FROM (${sql})`).pluck().get() as number;
  const step = Math.max(1, Math.floor(total / n));
  return env.app.ctx.sqlite.prepare(`SELECT * FROM (${sql}) WHERE rowid % ? = 0 LIMIT ?`).all(step, n) as T[];
}

/** One or two words of a name, whole or as a prefix of three or more letters, in any order. */
function wordsOf(rng: Rng, name: string): string {
  const words = name.split(/[\s,.'’()&-]+/).filter((w) => w.length >= 3);
  if (words.length === 0) return name;
  const cut = (w: string) => (rng.chance(0.5) ? w : w.slice(0, rng.int(3, Math.max(3, w.length))));
  const a = cut(rng.pick(words));
  if (words.length === 1 || rng.chance(0.4)) return a;
  const b = cut(rng.pick(words));
  return rng.chance(0.5) ? `${a} ${b}` : `${b} ${a}`;
}

function mix(env: BenchEnv): string[] {
  const rng = env.rng;
  const customers = sample<{ name: string; city: string; vat_number: string | null }>(env, 'SELECT rowid, name, city, vat_number FROM customers');
  const suppliers = sample<{ name: string; city: string }>(env, 'SELECT rowid, name, city FROM suppliers');
  const items = sample<{ name: string; sku: string; gtin: string | null }>(env, 'SELECT rowid, name, sku, gtin FROM items');
  const orders = sample<{ number: string; external_ref: string | null }>(env, 'SELECT rowid, number, external_ref FROM customer_orders');
  const lots = sample<{ code: string; supplier_lot_code: string | null; gtin: string | null; expires_on: string | null }>(
    env,
    'SELECT l.rowid, l.code, l.supplier_lot_code, i.gtin, l.expires_on FROM lots l JOIN items i ON i.id = l.item_id',
  );
  const ddts = sample<{ number: string }>(env, 'SELECT rowid, number FROM ddts');
  const production = sample<{ number: string }>(env, 'SELECT rowid, number FROM production_orders');
  const purchases = sample<{ number: string }>(env, 'SELECT rowid, number FROM purchase_orders');
  const makers: (() => string)[] = [
    () => wordsOf(rng, rng.pick(customers).name),
    () => {
      const c = rng.pick(customers);
      return `${wordsOf(rng, c.name).split(' ')[0]} ${c.city}`;
    },
    () => wordsOf(rng, rng.pick(suppliers).name),
    () => wordsOf(rng, rng.pick(items).name),
    () => wordsOf(rng, rng.pick(items).name),
    () => rng.pick(items).sku,
    () => rng.pick(orders).number,
    () => rng.pick(orders).number.slice(0, rng.int(4, 7)),
    () => rng.pick(orders).external_ref ?? rng.pick(orders).number,
    () => `${wordsOf(rng, rng.pick(customers).name).split(' ')[0]} ${rng.pick(orders).number.slice(0, 4)}`,
    () => rng.pick(lots).code,
    () => rng.pick(lots).code.slice(0, rng.int(3, 6)),
    () => rng.pick(lots).supplier_lot_code ?? rng.pick(lots).code,
    () => rng.pick(ddts).number,
    () => rng.pick(production).number,
    () => rng.pick(purchases).number,
    () => rng.pick(customers).vat_number ?? rng.pick(customers).name,
    () => rng.pick(items.filter((i) => i.gtin)).gtin ?? rng.pick(items).sku,
    () => {
      const l = rng.pick(lots.filter((x) => x.gtin));
      const e = caseElements({ gtin: l.gtin!, lotCode: l.code, date: l.expires_on, dateKind: 'expiry', count: 12 });
      return e ? elementString(e) : l.code;
    },
  ];
  return Array.from({ length: QUERIES }, () => rng.pick(makers)());
}

export const figures = [
  defineFigure({
    name: 'search.global',
    what: 'global search: a mix of name words, numbers, codes, P.IVA, GTIN and GS1 labels from the data (limit 30)',
    n: 2000,
    warmup: 200,
    goal: { median_ms: 5, p95_ms: 20 },
    setup: (env) => {
      const indexes = env.app.ctx.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'search_%' AND sql LIKE 'CREATE VIRTUAL TABLE%'").pluck().get() as number;
      let size = '?';
      try {
        size = ((env.app.ctx.sqlite.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_%'").pluck().get() as number) / 1e6).toFixed(1);
      } catch {
        // dbstat is not compiled in: the size is not reported
      }
      env.log(`${indexes} search indexes, ${size} MB`);
      const queries = mix(env);
      env.log(`queries such as: ${queries.slice(0, 12).map((q) => JSON.stringify(q)).join(', ')}`);
      return queries;
    },
    run: (env, queries, i) => {
      const res = env.app.invoke('search.global', { q: queries[i % queries.length], limit: 30 });
      if (!res.ok) throw new Error(`search.global: ${res.error.code} ${res.error.message}`);
    },
  }),
];
