/** On the order page: the "Ship" action for an order with ready lines, and the shipments (with returns) that carried it. */
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import type { Order } from '../../../src-shared/contract/orders';
import { useApiQuery } from '../../api/hooks';
import { IconShipments } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';
import { ShipmentStateBadge, useShipmentName } from './shipmentBits';
import { QueryError } from '../../components/QueryState';

export function canShip(o: Order): boolean {
  return o.state === 'confirmed' && o.lines.some((l) => l.allocatedMilli > 0 && l.qtyMilli > l.shippedMilli);
}

export function ShipButton({ order }: { order: Order }) {
  const { t } = useI18n();
  if (!canShip(order)) return null;
  return (
    <Button leftSection={<IconShipments size={16} />} onClick={() => navigate(`/shipments/new?orders=${order.id}`)} data-testid="order-ship">
      {t('shipping.action.ship')}
    </Button>
  );
}

export function OrderShipments({ orderId }: { orderId: number }) {
  const { t, fmt } = useI18n();
  const name = useShipmentName();
  const q = useApiQuery('shipping.ofOrder', { orderId });
  if (!q.data || q.data.length === 0) return <QueryError query={q} what={t('shipping.order.title')} />;
  return (
    <Card withBorder radius="md" padding="sm" mb="md" data-testid="order-shipments">
      <Text fw={650} mb="xs">
        {t('shipping.order.title')}
      </Text>
      <Stack gap={6}>
        {q.data.map((s) => (
          <Group key={s.id} justify="space-between" wrap="nowrap">
            <Group gap="xs">
              <Link to={`/shipments/${s.id}`} size="sm" ff="monospace" fw={600}>
                {name(s)}
              </Link>
              <ShipmentStateBadge state={s.state} />
              <Text size="xs" c="dimmed">
                {s.ddt ? fmt.date(s.ddt.date) : ''} {[s.carrier, s.trackingNumber].filter(Boolean).join(' · ')}
              </Text>
            </Group>
            <Text size="xs" c={s.returns.length > 0 ? 'orange.7' : 'dimmed'}>
              {s.lines
                .filter((l) => l.returnedMilli > 0)
                .map((l) => `${l.item.sku} L. ${l.lot.code}: ${t('shipping.page.returned', { qty: fmt.qty(l.returnedMilli, l.item.unit) })}`)
                .join(' · ')}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
