import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ident, join, list, sql, trusted, where } from '../../src-main/db/sql';

describe('sql tagged template', () => {
  it('binds every value as ? and keeps the text independent of the values', () => {
    const a = sql`SELECT * FROM lots WHERE item_id = ${1} AND code = ${"x' OR 1=1 --"}`;
    const b = sql`SELECT * FROM lots WHERE item_id = ${2} AND code = ${'y'}`;
    expect(a.text).toBe('SELECT * FROM lots WHERE item_id = ? AND code = ?');
    expect(a.text).toBe(b.text);
    expect(a.values).toEqual([1, "x' OR 1=1 --"]);
  });

  it('inlines fragments with their values in order, and builds WHERE and IN lists', () => {
    const cond = where([sql`a = ${1}`, null, sql`b IN ${list([2, 3])}`, false]);
    const q = sql`SELECT ${join([sql`a`, sql`b`])} FROM t ${cond} LIMIT ${10}`;
    expect(q.text).toBe('SELECT a, b FROM t WHERE a = ? AND b IN (?, ?) LIMIT ?');
    expect(q.values).toEqual([1, 2, 3, 10]);
    expect(where([]).text).toBe('');
  });

  it('takes a name only as a checked identifier, and text only from a literal', () => {
    expect(sql`SELECT 1 FROM ${ident('production_orders')}`.text).toBe('SELECT 1 FROM "production_orders"');
    expect(() => ident('items; DROP TABLE items')).toThrow(/identifier/);
    expect(sql`x = '${trusted('customer_order')}'`.text).toBe("x = 'customer_order'");
  });
});

describe('the lint rules', () => {
  const eslint = new ESLint();
  const messages = async (code: string, filePath: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);

  it('refuse ${…} inside prepare() in src-main, and accept the sql tag', async () => {
    const bad = 'export const f = (db: { prepare(s: string): unknown }, t: string) => db.prepare(`SELECT * FROM ${t}`);\n';
    const good = "import { sql } from '../db/sql';\nexport const f = (db: { prepare(s: string): unknown }, id: number) => db.prepare(sql`SELECT * FROM t WHERE id = ${id}`.text);\n";
    expect(await messages(bad, 'src-main/modules/x.ts')).toEqual([expect.stringMatching(/No \$\{…\} inside prepare/)]);
    expect(await messages(good, 'src-main/modules/x.ts')).toEqual([]);
  });

  it('refuse .only in tests', async () => {
    const code = "import { it } from 'vitest';\nit.only('x', () => undefined);\n";
    expect((await messages(code, 'test/unit/x.test.ts')).length).toBeGreaterThan(0);
  });
});
