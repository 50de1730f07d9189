/**
 * The body of a list screen fetched page by page (usePagedList): the failed-load box with
 * Retry, else — once the first page says there is nothing — the empty state ("none yet"
 * or "nothing matches", the screen decides), else the table it is given.
 */
import { useCallback, type ReactNode } from 'react';
import { QueryError, type QueryLike } from './QueryState';

interface PagedLike extends QueryLike {
  total: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

export function ListResults({
  list,
  also = [],
  emptyWhen = true,
  describe,
  empty,
  children,
}: {
  list: PagedLike;
  /** other queries of the screen whose errors show in the same box (a cost column, totals) */
  also?: QueryLike[];
  /** a further condition for the empty state (purchasing waits to know whether any order exists at all) */
  emptyWhen?: boolean;
  describe?: (error: unknown) => string;
  empty: ReactNode;
  children: ReactNode;
}) {
  const settled = list.data !== undefined && list.total === 0 && emptyWhen;
  return (
    <>
      <QueryError query={list} queries={also} describe={describe} />
      {settled ? empty : children}
    </>
  );
}

/** What the virtual table calls as it nears the end of the loaded rows: the next page, once. */
export function useNextPage(list: Pick<PagedLike, 'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage'>) {
  return useCallback(() => {
    if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }, [list]);
}
