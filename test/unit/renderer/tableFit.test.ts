import { describe, expect, it } from 'vitest';
import { fitColumns, neededWidth } from '../../../src-renderer/components/tableFit';

const cols = [
  { key: 'number', width: 100 },
  { key: 'customer', minWidth: 200 },
  { key: 'channel', width: 120, dropOrder: 2 },
  { key: 'date', width: 120 },
  { key: 'lines', width: 60, dropOrder: 1 },
];

describe('table column fitting', () => {
  it('needs the fixed widths plus the flexible minimum', () => {
    expect(neededWidth(cols)).toBe(100 + 200 + 120 + 120 + 60);
  });
  it('shows every column when they fit, or before the table is measured', () => {
    expect(fitColumns(cols, 600).map((c) => c.key)).toEqual(['number', 'customer', 'channel', 'date', 'lines']);
    expect(fitColumns(cols, 0)).toHaveLength(5);
  });
  it('drops the optional columns lowest dropOrder first, only as many as needed', () => {
    expect(fitColumns(cols, 590).map((c) => c.key)).toEqual(['number', 'customer', 'channel', 'date']);
    expect(fitColumns(cols, 450).map((c) => c.key)).toEqual(['number', 'customer', 'date']);
  });
  it('never drops a column without dropOrder (the table scrolls instead)', () => {
    expect(fitColumns(cols, 100).map((c) => c.key)).toEqual(['number', 'customer', 'date']);
  });
});
