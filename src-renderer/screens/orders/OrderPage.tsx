/**
 * #/orders/12: one order — who, how it came in, its dates and derived status, and each
 * line with what is reserved for it (lot by lot) and the production that serves it.
 * Confirm a draft, fulfil, cancel (linked production stays, make-to-stock) or edit.
 */
import { NotifyCustomer } from '../../components/NotifyCustomer';
import { useState } from 'react';
import { Alert, Button, Card, Group, Menu, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { MoreActions } from '../../components/MoreActions';
import type { Order } from '../../../src-shared/contract/orders';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { IconCheck, IconInfo, IconProduction } from '../../components/icons';
import { notifySaved } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';
import { ProductionStatusBadge } from '../production/productionBits';
import { FulfilDialog } from './FulfilDialog';
import { canEditOrder } from './OrderEditor';
import { LateBadge, LineStatusBadge, OrderStatusBadge, pct } from './orderBits';
import { ReasonDialog } from './ReasonDialog';
import { OrderRecallNotice } from '../traceability/OrderRecallNotice';
import { OrderShipments, ShipButton } from '../shipments/OrderShipments';
import { OrderPromisePanel } from '../planning/PromisePanel';
import { Fact } from '../../components/Fact';
import { DocumentHistory } from '../../components/DocumentHistory';
import { DetailPage } from '../../components/DetailPage';
import { InvoiceOrderButton } from '../invoices/InvoiceFromOrder';
import type { Out } from '../../api/hooks';

/** Lines that still need stock or production (the server's openLines rule). */
export function hasOpenLines(o: Order): boolean {
  if (o.state !== 'confirmed') return false;
  return o.lines.some((l) => {
    const making = l.production.filter((p) => p.status !== 'cancelled' && p.status !== 'completed').reduce((s, p) => s + p.qtyMilli, 0);
    return l.qtyMilli - l.shippedMilli - l.allocatedMilli - making > 0;
  });
}

const NOWRAP = { whiteSpace: 'nowrap' } as const;

function LinesTable({ order }: { order: Order }) {
  const { t, fmt } = useI18n();
  return (
    <Table.ScrollContainer minWidth={1060}>
      <Table verticalSpacing={8} horizontalSpacing="sm" fz="sm" data-testid="order-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={28} />
            <Table.Th>{t('orders.lines.col.item')}</Table.Th>
            <Table.Th ta="right" style={NOWRAP}>{t('orders.lines.col.qty')}</Table.Th>
            <Table.Th ta="right" style={NOWRAP}>{t('orders.lines.col.price')}</Table.Th>
            <Table.Th ta="right" style={NOWRAP}>{t('orders.lines.col.discount')}</Table.Th>
            <Table.Th ta="right" style={NOWRAP}>{t('orders.lines.col.vat')}</Table.Th>
            <Table.Th ta="right" style={NOWRAP}>{t('orders.lines.col.net')}</Table.Th>
            <Table.Th style={{ ...NOWRAP, minWidth: 150 }}>{t('orders.lines.col.status')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('orders.lines.col.lots')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('orders.lines.col.production')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.lines.map((l, i) => (
            <Table.Tr key={l.id} data-testid={`order-line-row-${i}`} style={{ verticalAlign: 'top' }}>
              <Table.Td c="dimmed" ta="right">
                {l.position}
              </Table.Td>
              <Table.Td style={{ minWidth: 200 }}>
                <Link to={`/items/${l.item.id}`} size="sm" fw={500}>
                  {l.item.name}
                </Link>
                <Text size="xs" c="dimmed" ff="monospace">
                  {l.item.sku}
                </Text>
                {l.note ? (
                  <Text size="xs" c="dimmed" fs="italic">
                    {l.note}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right" className="num">
                {fmt.qty(l.qtyMilli, l.item.unit)}
                {l.shippedMilli > 0 ? (
                  <Text size="xs" c="dimmed">
                    {t('orders.lines.shipped', { qty: fmt.qty(l.shippedMilli, l.item.unit) })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right" className="num" style={NOWRAP}>
                {fmt.money(l.unitPriceCents)}
              </Table.Td>
              <Table.Td ta="right" className="num">
                {l.discountBp ? pct(l.discountBp, fmt.number) : '—'}
              </Table.Td>
              <Table.Td ta="right" className="num">
                {pct(l.vatBp, fmt.number)}
              </Table.Td>
              <Table.Td ta="right" className="num" fw={500} style={NOWRAP}>
                {fmt.money(l.netCents)}
              </Table.Td>
              <Table.Td>
                <LineStatusBadge status={l.status} data-testid={`order-line-status-${i}`} />
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {l.allocations.map((a) => (
                    <div key={a.reservationId} data-testid={`order-line-lot-${i}`} style={NOWRAP}>
                      <Text size="xs">
                        <Text span ff="monospace" fw={600} size="xs">
                          {a.lotCode}
                        </Text>{' '}
                        · <span className="num">{fmt.qty(a.qtyMilli, l.item.unit)}</span>
                      </Text>
                      {a.expiresOn ? (
                        <Text size="xs" c="dimmed" lh={1.2}>
                          {t('orders.lines.expires', { date: fmt.date(a.expiresOn) })}
                        </Text>
                      ) : null}
                    </div>
                  ))}
                  {l.allocations.length === 0 ? <Text size="xs" c="dimmed">—</Text> : null}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  {l.production.map((p) => (
                    <div key={p.id} style={NOWRAP}>
                      <Link to={`/production/${p.id}`} size="xs" ff="monospace" fw={600} data-testid={`order-line-po-${i}`}>
                        {p.number}
                      </Link>
                      <div>
                        <ProductionStatusBadge status={p.status} size="xs" />
                      </div>
                    </div>
                  ))}
                  {l.production.length === 0 ? <Text size="xs" c="dimmed">—</Text> : null}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function OrderPage({ id }: { id: number }) {
  const { t } = useI18n();
  const q = useApiQuery('orders.get', { id });
  return (
    <DetailPage query={q} back={{ to: '/orders', label: t('orders.title') }}>
      {(o) => <OrderView o={o} />}
    </DetailPage>
  );
}

function OrderView({ o }: { o: Out<'orders.get'> }) {
  const { t, fmt } = useI18n();
  const [fulfilOpen, setFulfilOpen] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const confirm = useApiCommand('orders.confirm', { onSuccess: (o) => notifySaved(t('orders.confirmed', { number: o.number })) });
  const cancel = useApiCommand('orders.cancel', {
    onSuccess: (o) => {
      setCancelOpen(false);
      notifySaved(t('orders.cancelled', { number: o.number }));
    },
  });
  const open = hasOpenLines(o);
  const shipped = o.lines.some((l) => l.shippedMilli > 0);
  const due = o.promisedOn ?? o.requestedOn;

  return (
    <>
      <PageHeader
        title={t('orders.page.title', { number: o.number })}
        subtitle={[o.customer.name, t(`orders.channel.${o.channel}`), o.externalRef].filter(Boolean).join(' · ')}
        badge={
          <Group gap={6} wrap="nowrap" style={{ flex: 'none' }}>
            <OrderStatusBadge status={o.status} data-testid="order-status" />
            {o.late ? <LateBadge /> : null}
          </Group>
        }
        actions={
          <>
            {canEditOrder(o) ? (
              <Button variant="default" onClick={() => navigate(`/orders/${o.id}/edit`)} data-testid="order-edit">
                {t('orders.action.edit')}
              </Button>
            ) : null}
            {o.state !== 'cancelled' && !shipped ? (
              // a rare, destructive action: behind "⋯", the main ones keep the room
              <MoreActions testId="order-more">
                <Menu.Item color="red" onClick={() => setCancelOpen(true)} data-testid="order-cancel">
                  {t('orders.action.cancel')}
                </Menu.Item>
              </MoreActions>
            ) : null}
            {o.state === 'draft' ? (
              <Button leftSection={<IconCheck size={16} />} loading={confirm.isPending} onClick={() => confirm.mutate({ id: o.id, expectedVersion: o.version })} data-testid="order-confirm">
                {t('orders.action.confirm')}
              </Button>
            ) : null}
            {open ? (
              <Button leftSection={<IconProduction size={16} />} onClick={() => setFulfilOpen(true)} data-testid="order-fulfil">
                {t('orders.action.fulfil')}
              </Button>
            ) : null}
            {o.lines.some((l) => l.shippedMilli > 0) ? <InvoiceOrderButton orderId={o.id} /> : null}
            <ShipButton order={o} />
          </>
        }
      />
      <OrderRecallNotice orderId={o.id} />
      {confirm.error ? <ErrorAlert error={confirm.error} testId="order-confirm-error" /> : null}
      {o.state === 'confirmed' ? <NotifyCustomer kind="order_confirmed" docId={o.id} /> : null}
      {o.state === 'draft' ? (
        <Alert color="gray" variant="light" icon={<IconInfo />} mb="md" py="xs">
          {t('orders.page.draftHint')}
        </Alert>
      ) : null}
      {o.status === 'ready_to_ship' ? (
        <Alert color="teal" variant="light" icon={<IconCheck />} mb="md" py="xs" data-testid="order-ready">
          {t('orders.page.readyHint')}
        </Alert>
      ) : null}

      <Card withBorder radius="md" padding="md" mb="md">
        <SimpleGrid cols={{ base: 3, md: 6 }} spacing="md">
          <Fact label={t('orders.page.customer')}>
            <Link to={`/customers/${o.customer.id}`} size="sm" fw={600}>
              {o.customer.name}
            </Link>
            {o.customer.email || o.customer.phone ? (
              <Text size="xs" c="dimmed" truncate>
                {[o.customer.email, o.customer.phone].filter(Boolean).join(' · ')}
              </Text>
            ) : null}
          </Fact>
          <Fact label={t('orders.page.channel')}>
            <Text size="sm">{t(`orders.channel.${o.channel}`)}</Text>
            {o.externalRef ? (
              <Text size="xs" ff="monospace" c="dimmed">
                {o.externalRef}
              </Text>
            ) : null}
          </Fact>
          <Fact label={t('orders.page.orderedOn')}>
            <Text size="sm">{fmt.date(o.orderedOn)}</Text>
          </Fact>
          <Fact label={t('orders.page.requestedOn')}>
            <Text size="sm" c={o.late && due === o.requestedOn ? 'red.7' : undefined} fw={o.late && due === o.requestedOn ? 600 : undefined} data-testid="order-requested">
              {o.requestedOn ? fmt.date(o.requestedOn) : '—'}
            </Text>
          </Fact>
          <Fact label={t('orders.page.promisedOn')}>
            <Text size="sm" c={o.late && o.promisedOn ? 'red.7' : undefined} data-testid="order-promised">
              {o.promisedOn ? fmt.date(o.promisedOn) : '—'}
            </Text>
          </Fact>
          <Fact label={t('orders.terms')}>
            <Text size="sm" data-testid="order-payment-terms">
              {o.paymentTerms?.name ?? '—'}
            </Text>
            {o.paymentTerms?.cashOnDelivery ? (
              <Text size="xs" c="orange.8" fw={600}>
                {t('orders.terms.cod')}
              </Text>
            ) : null}
          </Fact>
        </SimpleGrid>
      </Card>

      <Card withBorder radius="md" padding={0} mb="md">
        <LinesTable order={o} />
      </Card>
      <OrderShipments orderId={o.id} />
      {o.state === 'confirmed' && o.status !== 'shipped' ? <OrderPromisePanel orderId={o.id} orderNumber={o.number} promisedOn={o.promisedOn} /> : null}

      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <div style={{ minWidth: 0, flex: 1 }}>
          {o.notes ? (
            <Card withBorder radius="md" padding="sm" maw={640}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t('orders.page.notes')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {o.notes}
              </Text>
            </Card>
          ) : null}
        </div>
        <Card withBorder radius="md" padding="sm" miw={280} data-testid="order-totals">
          <Group justify="space-between" gap="xl">
            <Text size="sm" c="dimmed">
              {t('orders.totals.net')}
            </Text>
            <Text size="sm" className="num">
              {fmt.money(o.totalCents)}
            </Text>
          </Group>
          <Group justify="space-between" gap="xl">
            <Text size="sm" c="dimmed">
              {t('orders.totals.vat')}
            </Text>
            <Text size="sm" className="num">
              {fmt.money(o.vatCents)}
            </Text>
          </Group>
          <Group justify="space-between" gap="xl" mt={4} pt={4} style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Text fw={650}>{t('orders.totals.total')}</Text>
            <Text fw={650} className="num" data-testid="order-total">
              {fmt.money(o.totalCents + o.vatCents)}
            </Text>
          </Group>
        </Card>
      </Group>
      <DocumentHistory doc={`orders/${o.id}`} />

      <FulfilDialog orderIds={[o.id]} label={t('orders.fulfil.oneOrder', { number: o.number })} opened={fulfilOpen} onClose={() => setFulfilOpen(false)} onDone={() => setFulfilOpen(false)} />
      <ReasonDialog
        opened={cancelOpen}
        title={t('orders.cancel.title', { number: o.number })}
        body={t('orders.cancel.body')}
        reasonLabel={t('orders.cancel.reason')}
        confirmLabel={t('orders.cancel.confirm')}
        keepLabel={t('orders.cancel.keep')}
        pending={cancel.isPending}
        error={cancel.error}
        onClose={() => setCancelOpen(false)}
        onConfirm={(reason) => cancel.mutate({ id: o.id, reason, expectedVersion: o.version })}
        testId="order-cancel-dialog"
      />
    </>
  );
}
