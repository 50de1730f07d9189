import { describe, expect, it } from 'vitest';
import { awaitingTyped, rowsForTyped } from '../../../src-renderer/components/typedSearch';

const rows = [{ id: 1, name: 'Bottega La Malva' }, { id: 2, name: 'Erboristeria Il Tiglio' }];

describe('a search-as-you-type picker offers only the rows of what is typed', () => {
  it('offers the found rows once they answer the text in the box', () => {
    expect(rowsForTyped('tiglio', 'tiglio', { data: rows, isPlaceholderData: false })).toEqual(rows);
    expect(awaitingTyped('tiglio', 'tiglio', { isFetching: false, isPlaceholderData: false })).toBe(false);
  });

  it('offers none of an earlier search while the text typed since waits for its debounce', () => {
    expect(rowsForTyped('tiglio', '', { data: rows, isPlaceholderData: false })).toEqual([]);
    expect(awaitingTyped('tiglio', '', { isFetching: false, isPlaceholderData: false })).toBe(true);
  });

  it('offers none of an earlier search while the answer to the new text is on its way (placeholder rows)', () => {
    expect(rowsForTyped('tiglio', 'tiglio', { data: rows, isPlaceholderData: true })).toEqual([]);
    expect(awaitingTyped('tiglio', 'tiglio', { isFetching: true, isPlaceholderData: true })).toBe(true);
  });
});
