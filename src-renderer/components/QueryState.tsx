/**
 * What a screen shows while its data is not there to show: one loader, one empty state,
 * and — when the query failed — the translated message from the envelope with a Retry
 * button (never a silently empty screen). Every screen that reads data goes through here.
 *
 * How to adopt it (a new screen or card):
 *
 *   const q = useApiQuery('backups.list', {});
 *   return (
 *     <QueryState query={q} isEmpty={(d) => d.rows.length === 0} empty={<EmptyScreen … />}>
 *       {(data) => <BackupsTable rows={data.rows} />}
 *     </QueryState>
 *   );
 *
 * - A page that returns early (a back link above): the gate form, no children —
 *     if (q.data === undefined || q.error) return <>{back}<QueryState query={q} /></>;
 * - Several queries: `queries={[a, b]}` and children without an argument (read a.data!, b.data!).
 * - A list that keeps its rows on screen (usePagedList, placeholderData): render the rows
 *   yourself and put `<QueryError query={list} />` above them.
 * - A query that may be disabled (`enabled: false`) never settles: use QueryError for it,
 *   not QueryState (which would wait for it).
 * - A card among others (Settings): `what={t('…title')}` names it in the error's title.
 * - Inside a card, a picker or a dialog: `compact` (a one-line message, a small loader).
 * - Inventory screens pass their own wording: `describe={(e) => invErrorText(e, i18n)}`.
 * - An error left alone on purpose (the UI falls back to a default): write
 *   `// query-error: <why>` above the hook so `node scripts/count-query-errors.mjs` knows.
 *
 * Test ids: `query-error` (the box), `query-retry` (its button), `query-loading`.
 */
import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { errorText } from './errors';
import { IconAlert } from './icons';

/** What QueryState needs of a TanStack query result (useApiQuery and usePagedList both fit). */
export interface QueryLike<T = unknown> {
  data: T | undefined;
  error: unknown;
  isFetching?: boolean;
  refetch: () => Promise<unknown>;
}

interface ErrorProps {
  /** the failed query (or queries): Retry asks each failed one again */
  query?: QueryLike | undefined;
  queries?: readonly QueryLike[];
  /** one line, for cards, pickers and dialogs */
  compact?: boolean;
  /** the sentence for the error, when an area words its errors itself */
  describe?: (error: unknown) => string;
  /** what failed to load, for the title ("Could not load “Labels”"); default a general title */
  what?: string;
  testId?: string;
}

/** The failed-query box: what went wrong, in the user's language, and a Retry button. Nothing when no query failed. */
export function QueryError({ query, queries = [], compact, describe, what, testId = 'query-error' }: ErrorProps) {
  const { t } = useI18n();
  const all = query ? [query, ...queries] : queries;
  const failed = all.filter((q) => q.error);
  const error = failed[0]?.error;
  if (!error) return null;
  const text = describe ? describe(error) : errorText(error, t);
  // the server's own words help someone reporting an INTERNAL error; other codes say it all
  const detail = error instanceof ApiError && (error.code === 'INTERNAL' || error.code === 'NETWORK') && error.message !== text ? error.message : null;
  const busy = failed.some((q) => q.isFetching);
  const retry = (
    <Button size={compact ? 'compact-xs' : 'xs'} variant="default" loading={busy} onClick={() => void Promise.all(failed.map((q) => q.refetch()))} data-testid="query-retry">
      {t('common.retry')}
    </Button>
  );
  if (compact) {
    return (
      <Group gap="xs" wrap="nowrap" data-testid={testId} role="alert">
        <IconAlert size={14} color="var(--mantine-color-red-7)" />
        <Text size="xs" c="red.8" style={{ flex: 1 }}>
          {text}
        </Text>
        {retry}
      </Group>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} title={what ? t('error.loadFailedOf', { what }) : t('error.loadFailed')} data-testid={testId} role="alert">
      <Text size="sm">{text}</Text>
      {detail ? (
        <Text size="xs" c="dimmed" mt={4}>
          {detail}
        </Text>
      ) : null}
      <Group mt="xs">{retry}</Group>
    </Alert>
  );
}

type StateProps<T> = Omit<ErrorProps, 'query' | 'queries'> & {
  /** what to show before the data arrives; default a centred loader (null: nothing) */
  loading?: ReactNode;
  /** true when the data holds nothing to show; then `empty` is shown */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
} & (
    | { query: QueryLike<T>; queries?: undefined; children?: ReactNode | ((data: T) => ReactNode) }
    | { queries: readonly QueryLike[]; query?: undefined; children?: ReactNode | (() => ReactNode) }
  );

/**
 * The children once every query has data; the error box (with Retry) when one failed
 * and has nothing to show; the loader before. A refetch that fails over data already
 * shown keeps the data and puts the error box above it.
 */
export function QueryState<T>(props: StateProps<T>) {
  const { loading, isEmpty, empty, children, compact, describe, what, testId } = props;
  const all: readonly QueryLike[] = props.query ? [props.query] : props.queries;
  const missing = all.some((q) => q.data === undefined);
  const failed = all.some((q) => q.error);
  if (failed && missing) return <QueryError queries={all} compact={compact} describe={describe} what={what} testId={testId} />;
  if (missing) {
    if (loading !== undefined) return <>{loading}</>;
    return (
      <Center py={compact ? 'xs' : 'xl'} data-testid="query-loading">
        <Loader size={compact ? 'xs' : 'md'} />
      </Center>
    );
  }
  const data = props.query?.data as T;
  const body = props.query && isEmpty?.(data) && empty !== undefined ? empty : typeof children === 'function' ? (children as (d: T) => ReactNode)(data) : children;
  return (
    <>
      {failed ? <QueryError queries={all} compact={compact} describe={describe} what={what} testId={testId} /> : null}
      {body}
    </>
  );
}
