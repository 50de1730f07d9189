/**
 * The frame of a record's page (an order, a production order, a shipment, a purchase
 * order): the way back to its list, then — until the record is there — the loader or the
 * error with Retry (QueryState), then the page itself, drawn from the loaded record.
 * The page's own state and commands live in the view it renders, which mounts once the
 * record is loaded.
 *
 *   export function OrderPage({ id }: { id: number }) {
 *     const { t } = useI18n();
 *     const q = useApiQuery('orders.get', { id });
 *     return <DetailPage query={q} back={{ to: '/orders', label: t('orders.title') }}>{(o) => <OrderView o={o} />}</DetailPage>;
 *   }
 */
import type { ReactNode } from 'react';
import { BackLink } from './BackLink';
import { QueryState, type QueryLike } from './QueryState';

export function DetailPage<T>({ query, back, children }: { query: QueryLike<T>; back?: { to: string; label: ReactNode }; children: (data: T) => ReactNode }) {
  const backLink = back ? <BackLink to={back.to}>{back.label}</BackLink> : null;
  if (query.data === undefined || query.error) {
    return (
      <>
        {backLink}
        <QueryState query={query} />
      </>
    );
  }
  return (
    <>
      {backLink}
      {children(query.data)}
    </>
  );
}
