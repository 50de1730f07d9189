import { describe, expect, it } from 'vitest';
import { NAV, navFor } from '../../../src-renderer/nav';

describe('sidebar shortcuts', () => {
  it('give every screen its own "g <key>" and path (two branches once both took g b)', () => {
    const keys = NAV.map((n) => n.key);
    const paths = NAV.map((n) => n.path);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
  });
});

describe('the sidebar by role', () => {
  it('shows the owner every screen, and a packing or production account only the screens its role may open', () => {
    expect(navFor('owner')).toEqual(NAV);
    const packing = navFor('packing').map((n) => n.id);
    expect(packing).toContain('packing');
    expect(packing).toContain('shipments');
    expect(packing).not.toContain('floor');
    expect(packing).not.toContain('invoices');
    const production = navFor('production').map((n) => n.id);
    expect(production).toContain('floor');
    expect(production).not.toContain('packing');
    expect(production).not.toContain('reports');
    expect(navFor('viewer').map((n) => n.id)).not.toContain('packing');
  });
});
