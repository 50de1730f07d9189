import { describe, expect, it } from 'vitest';
import { NAV } from '../../../src-renderer/nav';

describe('sidebar shortcuts', () => {
  it('give every screen its own "g <key>" and path (two branches once both took g b)', () => {
    const keys = NAV.map((n) => n.key);
    const paths = NAV.map((n) => n.path);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
  });
});
