/**
 * A fingerprint of the workshop demo's documents, for refactors that promise "behaviour
 * stays": loads the small demo (seed 1) into a fresh temp database on a fixed clock,
 * hashes every table's rows (by primary key order) and the text of every DDT and
 * production sheet PDF. Same code → same hash; run it before and after a change.
 *
 *   node --import tsx scripts/demoFingerprint.ts [--tables]
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoApp } from '../test/builders/demo';
import { removeTempDbs } from '../test/builders/db';
import { pdfText } from '../test/support/pdfTools';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

async function main(): Promise<void> {
  const app = demoApp({ scale: 'small', seed: 1 });
  const work = mkdtempSync(join(tmpdir(), 'bottega-fp-'));
  const parts: Record<string, string> = {};
  try {
    const tables = app.ctx.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
      .pluck()
      .all() as string[];
    for (const t of tables) {
      const rows = app.ctx.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all();
      parts[`table ${t}`] = sha(JSON.stringify(rows));
    }
    const shipments = app.ctx.sqlite.prepare("SELECT id FROM shipments WHERE ddt_id IS NOT NULL ORDER BY id").pluck().all() as number[];
    for (const id of shipments) {
      const pdf = await app.callAsync('shipping.ddtPdf', { shipmentId: id });
      parts[`ddt ${id}`] = sha(pdfText(Buffer.from(pdf.base64, 'base64'), work, `ddt${id}`));
    }
    const orders = app.ctx.sqlite.prepare('SELECT id FROM production_orders ORDER BY id').pluck().all() as number[];
    for (const id of orders) {
      const pdf = await app.callAsync('production.sheetPdf', { id, language: 'it' });
      parts[`sheet ${id}`] = sha(pdfText(Buffer.from(pdf.base64, 'base64'), work, `sheet${id}`));
    }
  } finally {
    app.close();
    rmSync(work, { recursive: true, force: true });
    removeTempDbs();
  }
  if (process.argv.includes('--tables')) for (const [k, v] of Object.entries(parts)) console.log(`${v.slice(0, 16)}  ${k}`);
  const n = (p: string) => Object.keys(parts).filter((k) => k.startsWith(p)).length;
  console.log(`tables ${n('table')}, DDTs ${n('ddt')}, production sheets ${n('sheet')}`);
  console.log(`fingerprint ${sha(JSON.stringify(parts))}`);
}

void main();
