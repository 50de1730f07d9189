import { describe, expect, it } from 'vitest';
import { cycles, importEdges } from '../support/importGraph';

/**
 * Dependencies point one way. Type-only imports count too: a circle of types is the same
 * knot in the design, and it becomes a runtime one as soon as a value crosses it.
 */
describe('the import graph', () => {
  const edges = importEdges(['src-main', 'src-shared', 'src-renderer']);

  it('reads our files’ imports (the graph is not empty by accident)', () => {
    expect(edges.length).toBeGreaterThan(1500);
    expect(edges).toContainEqual({ from: 'src-main/api/registry.ts', to: 'src-main/modules/orders/handlers.ts', typeOnly: false });
  });

  it('has no cycle between files in src-main, src-shared and src-renderer', () => {
    expect(cycles(edges)).toEqual([]);
  });

  it('has no cycle between the backend modules (src-main/modules/<name>), whatever files carry it', () => {
    const moduleOf = (p: string) => /^src-main\/modules\/([^/]+)\//.exec(p)?.[1];
    const between = edges
      .map((e) => ({ from: moduleOf(e.from), to: moduleOf(e.to), typeOnly: e.typeOnly }))
      .filter((e): e is { from: string; to: string; typeOnly: boolean } => !!e.from && !!e.to && e.from !== e.to);
    expect(between.length).toBeGreaterThan(20);
    expect(cycles(between)).toEqual([]);
  });

  it('finds a cycle when there is one (the detector itself)', () => {
    const e = (from: string, to: string) => ({ from, to, typeOnly: false });
    expect(cycles([e('a', 'b'), e('b', 'c'), e('c', 'a'), e('c', 'd')])).toEqual([['a', 'b', 'c']]);
    expect(cycles([e('a', 'a')])).toEqual([['a']]);
  });
});
