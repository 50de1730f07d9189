/** On an order's page: the recalls that took stock away from it (nothing when none did). */
import { Alert, Stack } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { QueryError } from '../../components/QueryState';

export function OrderRecallNotice({ orderId }: { orderId: number }) {
  const { t, fmt } = useI18n();
  const q = useApiQuery('trace.orderRecalls', { orderId });
  const recalls = q.data?.recalls ?? [];
  if (recalls.length === 0) return <QueryError query={q} compact />;
  return (
    <Stack gap="xs" mb="md">
      {recalls.map((r) => (
        <Alert key={r.id} color="grape" variant="light" data-testid="order-recall">
          {t('trace.order.recalled', { date: fmt.date(r.date), root: r.lotCode, reason: r.reason, lots: r.lotCodes.join(', ') })}{' '}
          <Link to={`/traceability?lot=${encodeURIComponent(r.lotCode)}&dir=forward`} size="sm">
            {t('trace.title')}
          </Link>
        </Alert>
      ))}
    </Stack>
  );
}
