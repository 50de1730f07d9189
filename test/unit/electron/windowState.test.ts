import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SIZE, initialBounds, readWindowState, writeWindowState } from '../../../src-main/electron/windowState';
import { tempDir } from '../../support/tempDir';

const t = tempDir('bottega-winstate-');
afterAll(() => t.cleanup());
const screenA = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window size and position', () => {
  it('round-trips through the state file and ignores a damaged one', () => {
    const file = join(t.dir, 'window-state.json');
    expect(readWindowState(file)).toBeNull();
    writeWindowState(file, { x: 100, y: 50, width: 1400, height: 900, maximized: true });
    expect(readWindowState(file)).toEqual({ x: 100, y: 50, width: 1400, height: 900, maximized: true });
    writeFileSync(file, '{"x": "left"}');
    expect(readWindowState(file)).toBeNull();
  });

  it('reopens where it was when that place is still on a screen', () => {
    expect(initialBounds({ x: 100, y: 50, width: 1400, height: 900, maximized: false }, [screenA])).toEqual({ x: 100, y: 50, width: 1400, height: 900 });
  });

  it('keeps the size but lets Electron centre it when its screen is gone, and uses the default on first start', () => {
    expect(initialBounds({ x: 2500, y: 50, width: 1400, height: 900, maximized: false }, [screenA])).toEqual({ width: 1400, height: 900 });
    expect(initialBounds(null, [screenA])).toEqual(DEFAULT_SIZE);
  });
});
