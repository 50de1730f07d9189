import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from '../../../src-main/db/check';
import { generateDemo } from '../../../src-main/demo/generate';
import { fixedClock, removeTempDbs, tempDbPath, testApp } from '../../builders/db';

afterAll(removeTempDbs);

describe('demo shipments (small, through the commands)', () => {
  it('ships most ready orders with DDTs in date order, registers some returns, leaves the last days ready, and check passes', async () => {
    const path = tempDbPath();
    const app = testApp({ path, now: fixedClock('2026-11-20T09:00:00.000Z') });
    const counts = app.ctx.sqlite.transaction(() => generateDemo(app.ctx, { scale: 'small', seed: 1 }))();
    expect(counts.shipments).toBeGreaterThan(20);
    expect(counts.returns).toBeGreaterThan(0);
    expect(runCheck(app.ctx).checks.filter((c) => !c.ok)).toEqual([]);
    const ddts = app.ctx.sqlite.prepare('SELECT year, seq, date FROM ddts ORDER BY year, seq').all() as { year: number; seq: number; date: string }[];
    // numbered in date order
    expect(ddts.map((d) => d.date)).toEqual([...ddts.map((d) => d.date)].sort());
    const statuses = app.ctx.sqlite.prepare('SELECT status, count(*) AS n FROM customer_orders GROUP BY status').all() as { status: string; n: number }[];
    expect(statuses.find((s) => s.status === 'shipped')?.n).toBeGreaterThan(20);
    expect(statuses.find((s) => s.status === 'ready_to_ship')?.n).toBeGreaterThan(0);
    const list = app.call('shipping.list', { limit: 5 });
    expect(list.total).toBe(counts.shipments);
    const pdf = await app.callAsync('shipping.ddtPdf', { shipmentId: list.shipments[0]!.id });
    const file = join(path, '..', 'demo-ddt.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    expect(execFileSync('pdftotext', [file, '-']).toString()).toContain('Saponificio Bottega S.r.l.');
    app.close();
  }, 120_000);
});
