/** After the import: what was done, links to the new orders, and what must be looked at by hand. */
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';
import { OrderStatusBadge } from '../orders/orderBits';
import { StateBadge } from './PreviewView';
import type { ImportResult } from './useImportFlow';
import { errorText } from '../../components/errors';

const LINKS_SHOWN = 60;

/** An order by its number (the result names numbers: the link finds the order). */
function OrderLink({ number }: { number: string }) {
  const { t } = useI18n();
  const found = useApiQuery('orders.list', { q: number, limit: 1 });
  const order = found.data?.orders.find((o) => o.number === number);
  // a failed look-up leaves the number as plain text, with the reason on hover
  if (!order) return <Text span title={found.error ? errorText(found.error, t) : undefined}>{number}</Text>;
  return (
    <Link to={`/orders/${order.id}`} data-testid="import-result-order">
      {number}
    </Link>
  );
}

export function ImportResultView({ result, onAnother }: { result: ImportResult; onAnother(): void }) {
  const { t } = useI18n();
  const numbers = [...result.orderNumbers, ...result.updatedNumbers, ...result.cancelledNumbers];
  return (
    <Paper withBorder radius="md" p="lg" data-testid="import-result">
      <Title order={4} c="teal">
        {t('channels.result.title')}
      </Title>
      <Text mt="xs" data-testid="import-result-body">
        {t('channels.result.body', { created: result.created, updated: result.updated, cancelled: result.cancelled, duplicates: result.duplicates, customers: result.customersCreated })}
      </Text>
      {numbers.length > 0 ? (
        <Group gap="sm" mt="sm" wrap="wrap">
          {numbers.slice(0, LINKS_SHOWN).map((n) => (
            <OrderLink key={n} number={n} />
          ))}
          {numbers.length > LINKS_SHOWN ? <Text c="dimmed">… +{numbers.length - LINKS_SHOWN}</Text> : null}
        </Group>
      ) : null}
      {result.reported.length > 0 ? (
        <Alert color="orange" mt="md" title={t('channels.result.reported')}>
          <Stack gap={4}>
            {result.reported.map((r) => (
              <Group key={r.ref} gap="xs">
                <Anchor size="sm">{r.ref}</Anchor>
                <OrderLink number={r.number} />
                <OrderStatusBadge status={r.status} size="sm" />
                <StateBadge state={r.state} />
              </Group>
            ))}
          </Stack>
        </Alert>
      ) : null}
      <Group mt="lg">
        <Button onClick={() => navigate('/orders')} data-testid="import-go-orders">
          {t('channels.result.list')}
        </Button>
        <Button variant="default" onClick={onAnother}>
          {t('channels.drop.another')}
        </Button>
      </Group>
    </Paper>
  );
}
