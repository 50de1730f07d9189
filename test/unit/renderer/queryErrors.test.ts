/**
 * Every data hook of the renderer has its error shown (QueryState, QueryError, DetailPage,
 * ListResults, or a read of .error), so a failed query never leaves an empty screen
 * (issue 13, item 6). The count comes from scripts/count-query-errors.mjs, checked here
 * first on a screen that forgets its error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

type Count = { total: number; unhandled: string[]; onPurpose: number };
const count = (...args: string[]): Count => JSON.parse(execFileSync(process.execPath, ['scripts/count-query-errors.mjs', '--json', ...args], { encoding: 'utf8' })) as Count;

describe('renderer data hooks and their errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bottega-hooks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the counter finds a hook whose error nobody reads, and not one that hands it to QueryState', () => {
    writeFileSync(
      join(dir, 'Forgets.tsx'),
      [
        "export function Forgets() {",
        "  const q = useApiQuery('orders.list', {});",
        '  return <div>{q.data?.total}</div>;',
        '}',
        'export function Shows() {',
        "  const q = useApiQuery('orders.list', {});",
        '  return <QueryState query={q}>{(d) => d.total}</QueryState>;',
        '}',
      ].join('\n'),
    );
    expect(count('--root', dir)).toEqual({ total: 2, unhandled: ['Forgets.tsx:2'], onPurpose: 0 });
  });

  it('no hook in src-renderer leaves its error unhandled', () => {
    const c = count();
    expect(c.total).toBeGreaterThan(50);
    expect(c.unhandled).toEqual([]);
  });
});
