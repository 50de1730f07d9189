/**
 * A long list as a compact table, virtualised (TanStack Virtual): only the rows in view
 * are in the DOM, so 50 000 items scroll like 50. Rows open on click or Enter, and the
 * arrow keys move between them. The table measures itself and chooses which columns
 * shrink (tableFit.ts): fixed columns keep their width, the flexible one takes the rest.
 */
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { Table } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { fitColumns, neededWidth } from './tableFit';

export interface Column<T> {
  key: string;
  header: ReactNode;
  /** px or any CSS width: a fixed column (dates, numbers, statuses); leave the text column without width to take the rest */
  width?: number | string;
  /** a column without width never gets less than this (px, default 160): the table drops optional columns or scrolls instead */
  minWidth?: number;
  /** the column may be left out when the table is too narrow; the lowest goes first */
  dropOrder?: number;
  align?: 'left' | 'right' | 'center';
  render(row: T): ReactNode;
}

/** The width of an element's content box, kept up to date (0 until measured). */
function useContentWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

interface Props<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey(row: T): string | number;
  onOpen?(row: T): void;
  /** called when the user scrolls near the last loaded row (load the next page) */
  onNearEnd?(): void;
  height: CSSProperties['height'];
  rowHeight?: number;
  testId?: string;
  rowTestId?(row: T, index: number): string;
  dimmed?(row: T): boolean;
}

export function VirtualTable<T>({ rows, columns: allColumns, rowKey, onOpen, onNearEnd, height, rowHeight = 38, testId, rowTestId, dimmed }: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = fitColumns(allColumns, useContentWidth(scrollRef));
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index : -1;

  useEffect(() => {
    if (onNearEnd && rows.length > 0 && lastIndex >= rows.length - 30) onNearEnd();
  }, [lastIndex, rows.length, onNearEnd]);

  const paddingTop = items.length > 0 ? items[0]!.start : 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  const focusRow = (index: number) => {
    if (index < 0 || index >= rows.length) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`)?.focus();
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, index: number, row: T) => {
    if (e.key === 'Enter' && onOpen) {
      e.preventDefault();
      onOpen(row);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusRow(index + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(index - 1);
    }
  };

  return (
    <div ref={scrollRef} className="virtual-scroll" style={{ height }} data-testid={testId}>
      <Table stickyHeader highlightOnHover verticalSpacing={0} horizontalSpacing="xs" fz="sm" style={{ tableLayout: 'fixed', minWidth: neededWidth(columns) }}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={c.width !== undefined ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} ta={c.align ?? 'left'} className="virtual-th" title={typeof c.header === 'string' ? c.header : undefined} data-col={c.key}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paddingTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: paddingTop, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {items.map((vi) => {
            const row = rows[vi.index]!;
            return (
              <Table.Tr
                key={rowKey(row)}
                data-row-index={vi.index}
                data-testid={rowTestId?.(row, vi.index)}
                tabIndex={0}
                className={'virtual-row' + (dimmed?.(row) ? ' virtual-row-dimmed' : '')}
                style={{ height: rowHeight, cursor: onOpen ? 'pointer' : undefined }}
                onClick={onOpen ? () => onOpen(row) : undefined}
                onKeyDown={(e) => onKeyDown(e, vi.index, row)}
              >
                {columns.map((c) => (
                  <Table.Td key={c.key} ta={c.align ?? 'left'} className="virtual-td" data-col={c.key}>
                    {c.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: paddingBottom, padding: 0, border: 0 }} />
            </tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </div>
  );
}
