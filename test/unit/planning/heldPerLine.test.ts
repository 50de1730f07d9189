import { describe, expect, it } from 'vitest';
import { heldPerLine } from '../../../src-main/modules/planning/heldPerLine';

describe('what is held per open line read', () => {
  it('sums the reservations of each line by its place, and passes over lines not read (ids close together)', () => {
    const held = heldPerLine([12, 10, 11, 15], [11, 15, 11, 9, 16, 13], [100, 5, 20, 7, 8, 9]);
    expect([...held]).toEqual([0, 0, 120, 5]);
  });

  it('gives the same when the ids are far apart (placed by a map)', () => {
    const held = heldPerLine([12, 1_000_000, 11, 15], [11, 1_000_000, 11, 9, 2_000_000, 12], [100, 5, 20, 7, 8, 9]);
    expect([...held]).toEqual([9, 5, 120, 0]);
  });

  it('holds nothing without reservations or lines', () => {
    expect([...heldPerLine([3, 4], [], [])]).toEqual([0, 0]);
    expect([...heldPerLine([], [3], [1])]).toEqual([]);
  });
});
