import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
beforeAll(() => {
  t = tempDir();
});
afterAll(() => t.cleanup());

/** The real `bottega` command, from source, on a temp database. */
function bottega(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, ['bin/bottega.mjs', '--db', t.dbPath, ...args], {
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, BOTTEGA_FROM_SOURCE: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bottega CLI', () => {
  it('lists every command with its input JSON schema', () => {
    const r = bottega(['commands', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { name: string; input: { properties?: Record<string, unknown> } }[];
    const create = list.find((c) => c.name === 'catalog.createItem');
    expect(create?.input.properties).toHaveProperty('sku');
    expect(list.map((c) => c.name)).toContain('catalog.explodeRecipe');
  });

  it('calls a command with JSON from the argument and from stdin', () => {
    const a = bottega(['call', 'catalog.createItem', '{"sku":"MIELE","name":"Miele","kind":"material","unit":"kg","unitCost":"12"}']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ sku: 'MIELE', unitCostMicros: 12_000_000 });
    const b = bottega(['call', 'catalog.searchItems', '-', '--json'], '{"q":"mie"}');
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout).total).toBe(1);
  });

  it('exits 1 with the envelope on stderr when a rule refuses, 2 on bad input', () => {
    const dup = bottega(['call', 'catalog.createItem', '{"sku":"miele","name":"Again","kind":"material","unit":"kg"}']);
    expect(dup.code).toBe(1);
    expect(JSON.parse(dup.stderr)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(bottega(['call', 'catalog.createItem', '{not json']).code).toBe(2);
    expect(bottega(['call', 'catalog.createItem', '{"sku":""}']).code).toBe(2);
    expect(bottega(['frobnicate']).code).toBe(2);
  });

  it('checks, backs up and restores', () => {
    expect(bottega(['check']).code).toBe(0);
    const full = bottega(['check', '--full', '--json']);
    expect(full.code).toBe(0);
    expect(JSON.parse(full.stdout).checks).toContainEqual({ name: 'sqlite.integrity', ok: true, problems: [], ms: expect.any(Number) });
    const file = join(t.dir, 'copy.db');
    expect(bottega(['backup', file]).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    bottega(['call', 'catalog.createItem', '{"sku":"AFTER","name":"After backup","kind":"material","unit":"g"}']);
    const r = bottega(['restore', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).previous).toMatch(/pre-restore/);
    const after = JSON.parse(bottega(['call', 'catalog.searchItems', '{}']).stdout);
    expect(after.items.map((i: { sku: string }) => i.sku)).toEqual(['MIELE']);
    expect(bottega(['restore', join(t.dir, 'missing.db')]).code).toBe(2);
  });
});
