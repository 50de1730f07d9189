import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createApp } from '../../src-main/api/app';
import { runCheck } from '../../src-main/db/check';
import { fixedClock, tempDir } from '../support/tempDir';
import { soapWorkshopWithGenealogy } from '../builders/traceScenario';

let t: ReturnType<typeof tempDir>;
let w: ReturnType<typeof soapWorkshopWithGenealogy>;
beforeAll(() => {
  t = tempDir();
  const app = createApp(t.dbPath, { now: fixedClock('2026-10-01T08:00:00.000Z') });
  w = soapWorkshopWithGenealogy(app);
  app.close();
});
afterAll(() => t.cleanup());

/** The real `bottega` command, from source, on the scenario's database. */
function bottega(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/bottega.mjs', '--db', t.dbPath, ...args], { encoding: 'utf8', env: { ...process.env, BOTTEGA_FROM_SOURCE: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bottega trace / recall', () => {
  it('traces by the supplier lot code, prints the tree, answers JSON, refuses unknown codes and bad input', () => {
    const text = bottega('trace', 'ALM-2026-78', '--direction', 'forward');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Forward (what contains it):');
    for (const n of ['BL1', 'PL1', 'PL2', 'SL1', 'SL2'] as const) expect(text.stdout).toContain(w.lots[n].code);
    expect(text.stdout).not.toContain(w.lots.BL2.code);
    expect(text.stdout).toContain('Reservations on affected lots: 3');
    expect(text.stdout).toContain('Shipments: 2');
    expect(text.stdout).toContain(`DDT ${w.shipment.ddt!.number}`);
    expect(text.stdout).toContain('Customers to notify: Farmacia Bianchi acquisti@bianchi.example');

    const json = bottega('--json', 'trace', w.lots.SL1.code, '--direction', 'backward');
    expect(json.code).toBe(0);
    const tr = JSON.parse(json.stdout) as { lots: { code: string }[] };
    expect(tr.lots.map((l) => l.code)).toEqual(expect.arrayContaining([w.lots.O1.code, w.lots.O2.code, w.lots.Y1.code, w.lots.C1.code]));

    const unknown = bottega('trace', 'ALM-2026-79');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No lot with code ALM-2026-79');
    expect(bottega('trace', w.lots.SL1.code, '--direction', 'sideways').code).toBe(2);
    expect(bottega('recall', w.lots.SL1.code).code).toBe(2);
  });

  it('recalls after a dry run, and check stays clean', () => {
    const dry = bottega('--json', 'recall', 'ALM-2026-78', '--reason', 'Contaminazione', '--dry-run');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, recallId: null });
    const done = bottega('recall', 'ALM-2026-78', '--reason', 'Contaminazione');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Lots blocked (5)');
    const app = createApp(t.dbPath);
    try {
      expect(app.call('inventory.lot', { lotId: w.lots.SL2.id }).lot.status).toBe('recalled');
      expect(runCheck(app.ctx).ok).toBe(true);
    } finally {
      app.close();
    }
  });
});
