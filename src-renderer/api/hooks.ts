/**
 * TanStack Query over the typed client. Queries are keyed by [name, input]; after any
 * command succeeds every query is invalidated — simple, and never shows stale data.
 */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { Contract, InputOf, OperationName, OutputOf } from '../../src-shared/contract';
import { call, type ApiError } from './client';

export type In<K extends OperationName> = InputOf<Contract[K]>;
export type Out<K extends OperationName> = OutputOf<Contract[K]>;

type QueryOpts<K extends OperationName> = Omit<UseQueryOptions<Out<K>, ApiError, Out<K>, readonly [K, In<K>]>, 'queryKey' | 'queryFn'>;

export function useApiQuery<K extends OperationName>(name: K, input: In<K>, opts: QueryOpts<K> = {}) {
  return useQuery({ queryKey: [name, input] as const, queryFn: () => call(name, input), ...opts });
}

/** One query per input, keyed as useApiQuery keys them (a list's pages, each asking for its own rows). */
export function useApiQueries<K extends OperationName>(name: K, inputs: readonly In<K>[], opts: QueryOpts<K> = {}) {
  return useQueries({ queries: inputs.map((input) => ({ queryKey: [name, input] as const, queryFn: () => call(name, input), ...opts })) });
}

type CommandOpts<K extends OperationName> = Omit<UseMutationOptions<Out<K>, ApiError, In<K>>, 'mutationFn'>;

export function useApiCommand<K extends OperationName>(name: K, opts: CommandOpts<K> = {}) {
  const qc = useQueryClient();
  const { onSuccess, ...rest } = opts;
  return useMutation<Out<K>, ApiError, In<K>>({
    mutationFn: (input) => call(name, input),
    ...rest,
    onSuccess: async (...args) => {
      await qc.invalidateQueries();
      await onSuccess?.(...args);
    },
  });
}

/**
 * A long list fetched page by page (offset/limit) as the user scrolls: the virtual table
 * asks for the next page when it nears the end of what is loaded.
 */
export function usePagedList<K extends OperationName, Row>(
  name: K,
  input: In<K>,
  pick: (out: Out<K>) => { rows: Row[]; total: number },
  pageSize = 200,
) {
  const q = useInfiniteQuery({
    queryKey: [name, input, 'paged'] as const,
    initialPageParam: 0,
    queryFn: async ({ pageParam }) => pick(await call(name, { ...(input as object), limit: pageSize, offset: pageParam } as In<K>)),
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded < last.total && last.rows.length > 0 ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });
  const rows = q.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = q.data?.pages[0]?.total ?? 0;
  return { ...q, rows, total };
}
