import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { contract } from '../../../src-shared/contract';
import { renderWindowOperations, windowOperations, WINDOW_OPERATIONS_FILE } from '../../../scripts/window-operations';
import { WINDOW_OPERATIONS } from '../../../src-main/electron/windowOperations';
import { notForTheWindow, windowMayInvoke } from '../../../src-main/electron/windowGate';

describe('the window allow-list', () => {
  it('is the file the generator writes today (run `npm run gen:window-ops` after the renderer uses a new operation)', () => {
    expect(readFileSync(WINDOW_OPERATIONS_FILE, 'utf8')).toBe(renderWindowOperations(windowOperations()));
  });

  it('holds only contract operations, and leaves out those only the CLI and scripts use', () => {
    for (const name of WINDOW_OPERATIONS) expect(Object.hasOwn(contract, name), name).toBe(true);
    expect(WINDOW_OPERATIONS).toContain('orders.create');
    for (const name of ['inventory.consume', 'inventory.reserve', 'channels.deleteSkuMapping']) expect(WINDOW_OPERATIONS).not.toContain(name);
    expect(WINDOW_OPERATIONS.length).toBeLessThan(Object.keys(contract).length);
  });

  it('lets the preload pass listed operations and answers FORBIDDEN for any other name or a non-string', () => {
    expect(windowMayInvoke('system.status')).toBe(true);
    expect(windowMayInvoke('inventory.consume')).toBe(false);
    expect(windowMayInvoke('__proto__')).toBe(false);
    expect(windowMayInvoke(42)).toBe(false);
    expect(notForTheWindow('inventory.consume')).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'The window cannot invoke "inventory.consume"' } });
  });

  it('is what the built preload carries: no zod, no contract, only electron required', () => {
    const preload = readFileSync('src-main/electron/preload.ts', 'utf8');
    expect([...preload.matchAll(/from '([^']+)'/g)].map((m) => m[1])).toEqual(['electron', './windowGate']);
    const gate = readFileSync('src-main/electron/windowGate.ts', 'utf8');
    expect([...gate.matchAll(/^import (?!type)[^;]* from '([^']+)'/gm)].map((m) => m[1])).toEqual(['./windowOperations']);
  });
});
