/**
 * A picker that searches the server as the user types (customers, suppliers, items) offers
 * only the rows that answer the text in the box now. The rows of an earlier search stay
 * hidden while the new answer is on its way (the debounce, then the call): they would be
 * replaced under the pointer, so a click pressed on one row was released on another and
 * lost, or fell on the row that had moved into its place — another customer. The box says
 * "Loading…" meanwhile (the picker's nothingFoundMessage).
 */
import { useDebouncedValue } from '@mantine/hooks';
import type { OperationName } from '../../src-shared/contract';
import { useApiQuery, type In, type Out } from '../api/hooks';

export const SEARCH_DEBOUNCE_MS = 150;

const NONE: readonly never[] = [];

/**
 * The found rows when they answer what is typed; none while the answer to newer text is
 * pending (a query with `placeholderData` keeps the earlier search's rows in `data`).
 */
export function rowsForTyped<T>(typed: string, sent: string, found: { data?: readonly T[]; isPlaceholderData: boolean }): readonly T[] {
  return typed === sent && !found.isPlaceholderData ? (found.data ?? NONE) : NONE;
}

/** Whether the picker is waiting for the rows of what is typed (it then says "Loading…"). */
export function awaitingTyped(typed: string, sent: string, found: { isFetching: boolean; isPlaceholderData: boolean }): boolean {
  return typed !== sent || found.isPlaceholderData || found.isFetching;
}

/**
 * A picker's server search: `typed` sent `SEARCH_DEBOUNCE_MS` after the user stops typing
 * (the earlier answer kept meanwhile, so the query does not flash empty), and what the
 * picker may offer of it — the rows, whether it waits, the search's error.
 */
export function useTypedSearchRows<K extends OperationName, R>(typed: string, name: K, input: (q: string) => In<K>, rowsOf: (out: Out<K>) => readonly R[]) {
  const [sent] = useDebouncedValue(typed, SEARCH_DEBOUNCE_MS);
  const found = useApiQuery(name, input(sent), { placeholderData: (prev) => prev });
  return {
    rows: rowsForTyped(typed, sent, { data: found.data ? rowsOf(found.data) : undefined, isPlaceholderData: found.isPlaceholderData }),
    awaiting: awaitingTyped(typed, sent, found),
    error: found.error,
  };
}
