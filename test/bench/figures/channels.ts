/** Channel import figures (issue 8): preview, import and re-import of a 10,000-line Shopify export. */
import { shopifyExport } from '../../builders/shopifyExport';
import { defineFigure, type BenchEnv } from '../harness';

const LINES = 10_000;

function ok(env: BenchEnv, name: string, input: unknown): unknown {
  const res = env.app.invoke(name, input);
  if (!res.ok) throw new Error(`${name}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

/** The shop sells the workshop's products under their own SKUs (exact SKU match, no mapping to choose). */
function productSkus(env: BenchEnv): string[] {
  const skus = env.app.ctx.sqlite.prepare(`SELECT sku FROM items WHERE kind = 'product' AND archived = 0 ORDER BY id LIMIT 60`).pluck().all() as string[];
  if (skus.length === 0) throw new Error('no products in the database');
  return skus;
}

/** A fresh export: order names and customers no earlier run has used. */
function file(env: BenchEnv, skus: string[], tag: string): { fileBase64: string; fileName: string } {
  const text = shopifyExport({ lines: LINES, skus, seed: env.seed, prefix: `#${tag}-`, customerTag: tag, startDate: '2026-02-01' });
  return { fileBase64: Buffer.from(text, 'utf8').toString('base64'), fileName: `${tag}.csv` };
}

export const figures = [
  defineFigure({
    name: 'channels.preview',
    what: `preview of a ${LINES.toLocaleString('en')}-line Shopify export (registry, nothing written)`,
    n: 10,
    warmup: 2,
    goal: { median_ms: 2000 },
    setup: (env) => {
      const f = file(env, productSkus(env), 'BP');
      const p = ok(env, 'channels.previewImport', f) as { counts: Record<string, number>; canImport: boolean; customers: { toCreate: number } };
      env.log(`${p.counts.orders} orders, ${p.counts.lines} lines, ${p.customers.toCreate} new customers, canImport ${p.canImport}`);
      return f;
    },
    run: (env, f) => {
      ok(env, 'channels.previewImport', f);
    },
  }),
  defineFigure({
    name: 'channels.import',
    what: `import of a ${LINES.toLocaleString('en')}-line Shopify export: new orders and customers, one transaction`,
    n: 5,
    warmup: 1,
    goal: { median_ms: 3000 },
    setup: (env) => productSkus(env),
    prepare: (env, skus, i) => file(env, skus, `BI${i}`),
    run: (env, _skus, _i, f) => {
      const r = ok(env, 'channels.import', f) as { created: number };
      if (r.created === 0) throw new Error('nothing created');
    },
  }),
  defineFigure({
    name: 'channels.reimport',
    what: `the same ${LINES.toLocaleString('en')}-line export imported again: all duplicates, nothing written`,
    n: 10,
    warmup: 2,
    goal: { median_ms: 2000 },
    setup: (env) => {
      const f = file(env, productSkus(env), 'BR');
      ok(env, 'channels.import', f);
      return f;
    },
    run: (env, f) => {
      const r = ok(env, 'channels.import', f) as { created: number; duplicates: number };
      if (r.created !== 0 || r.duplicates === 0) throw new Error('the re-import was not all duplicates');
    },
  }),
];
