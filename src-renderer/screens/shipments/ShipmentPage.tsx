/**
 * #/shipments/7: one shipment — customer and destination, DDT number and date, transport,
 * packages and weight, the lines lot by lot with what came back, the returns. A draft is
 * the editable form (DraftEditor): changed, confirmed (DDT number, stock moves) or
 * cancelled; a confirmed one prints its DDT and packing slip and takes returns.
 */
import { useState } from 'react';
import { Alert, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { Shipment } from '../../../src-shared/contract/shipping';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useReloadForm } from '../../components/versionConflict';
import { IconInfo } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { ReasonDialog } from '../orders/ReasonDialog';
import { DdtButton } from './DocumentButtons';
import { ReturnDialog } from './ReturnDialog';
import { ShipmentActions } from './ShipmentActions';
import { DraftEditor } from './DraftEditor';
import { NotifyCustomer } from '../../components/NotifyCustomer';
import { ShipmentStateBadge, useShipmentName } from './shipmentBits';
import { DocumentHistory } from '../../components/DocumentHistory';
import { DetailPage } from '../../components/DetailPage';
import { OverdueWarning } from '../payments/OverdueWarning';
import { InvoiceShipmentButton } from '../invoices/InvoiceFromOrder';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function Returns({ s }: { s: Shipment }) {
  const { t, fmt } = useI18n();
  if (s.returns.length === 0) return <Text size="sm" c="dimmed">{t('shipping.page.noReturns')}</Text>;
  return (
    <Stack gap="xs" data-testid="shipment-returns">
      {s.returns.map((r) => (
        <Group key={r.id} justify="space-between" wrap="nowrap">
          <div>
            <Text size="sm" fw={600}>
              {fmt.date(r.date)} — {r.reason}
            </Text>
            <Text size="xs" c="dimmed">
              {r.lines.map((l) => `${l.item.sku} L. ${l.lotCode}: ${fmt.qty(l.qtyMilli, l.item.unit)} (${t(`shipping.return.disposition.${l.disposition}`)})`).join(' · ')}
            </Text>
          </div>
          {r.ddt ? <DdtButton returnId={r.id} label={t('shipping.return.ddt', { number: r.ddt.number })} testId={`return-ddt-${r.id}`} /> : null}
        </Group>
      ))}
    </Stack>
  );
}

export function ShipmentPage({ id }: { id: number }) {
  const q = useApiQuery('shipping.get', { id });
  // the way back is a button among the page's actions
  return <DetailPage query={q}>{(s) => <ShipmentView s={s} />}</DetailPage>;
}

/** What a confirmed or cancelled shipment carried, read-only (the DDT keeps what it was issued with). */
function ShipmentFacts({ s }: { s: Shipment }) {
  const { t, fmt } = useI18n();
  const address = (a: Shipment['destination']) => [a.street, [a.postcode, a.city, a.province ? `(${a.province})` : ''].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <>
      <Card withBorder radius="md" padding="md" mb="md">
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="md">
          <Fact label={t('shipping.page.customer')}>
            <Link to={`/customers/${s.customer.id}`} size="sm" fw={600}>
              {s.customer.name}
            </Link>
            <Text size="xs" c="dimmed">{s.orders.map((o) => o.number).join(', ')}</Text>
          </Fact>
          <Fact label={t('shipping.page.destination')}>
            {/* another place than the customer's (a fair, a warehouse): its name says where */}
            {s.destination.name !== s.customer.name ? <Text size="sm" fw={600}>{s.destination.name}</Text> : null}
            <Text size="sm" data-testid="shipment-destination">{address(s.destination)}</Text>
          </Fact>
          <Fact label={t('shipping.page.ddt')}>
            <Text size="sm" ff="monospace" fw={600} data-testid="shipment-ddt-number">
              {s.ddt ? `${s.ddt.number} · ${fmt.date(s.ddt.date)}` : '—'}
            </Text>
          </Fact>
          <Fact label={t('shipping.page.transport')}>
            <Text size="sm">{[t(`shipping.by.${s.transportBy}`), s.carrier, s.carrierService].filter(Boolean).join(' · ')}</Text>
            {s.trackingNumber ? <Text size="xs" ff="monospace">{s.trackingNumber}</Text> : null}
          </Fact>
          <Fact label={t('shipping.page.packages')}>
            <Text size="sm" data-testid="shipment-packages">
              {t('shipping.page.packagesText', { count: s.packageCount, weight: s.grossWeightG === null ? t('shipping.page.noWeight') : fmt.qty(s.grossWeightG, 'kg') })}
            </Text>
            {s.appearance ? <Text size="xs" c="dimmed">{s.appearance}</Text> : null}
          </Fact>
        </SimpleGrid>
      </Card>
      <Card withBorder radius="md" padding={0} mb="md">
        <Table verticalSpacing={6} data-testid="shipment-page-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shipping.col.order')}</Table.Th>
              <Table.Th>{t('shipping.col.item')}</Table.Th>
              <Table.Th>{t('shipping.col.lot')}</Table.Th>
              <Table.Th>{t('shipping.col.expiry')}</Table.Th>
              <Table.Th ta="right">{t('shipping.col.qty')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Link to={`/orders/${l.orderId}`} size="sm" ff="monospace">
                    {l.orderNumber}
                  </Link>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{l.item.name}</Text>
                  <Text size="xs" c="dimmed">{l.item.sku}</Text>
                </Table.Td>
                <Table.Td>
                  <Link to={`/inventory/lots/${l.lot.id}`} size="sm" ff="monospace">
                    {l.lot.code}
                  </Link>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{l.lot.expiresOn ? fmt.date(l.lot.expiresOn) : '—'}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" className="num">{fmt.qty(l.qtyMilli, l.item.unit)}</Text>
                  {l.returnedMilli > 0 ? <Text size="xs" c="orange.7">{t('shipping.page.returned', { qty: fmt.qty(l.returnedMilli, l.item.unit) })}</Text> : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </>
  );
}

function ShipmentView({ s }: { s: Shipment }) {
  const { t } = useI18n();
  const name = useShipmentName();
  const id = s.id;
  const [cancelOpen, setCancelOpen] = useState(false);
  const [returnOpen, setReturnOpen] = useState(false);
  const cancel = useApiCommand('shipping.cancel', { onSuccess: () => setCancelOpen(false) });
  const qc = useQueryClient();
  // Reload after a conflict: the draft and its proposal fetched again, the form filled again from them
  const again = useReloadForm(() => qc.invalidateQueries());
  return (
    <>
      <PageHeader
        title={t('shipping.page.title', { number: name(s) })}
        badge={<ShipmentStateBadge state={s.state} testId="shipment-state" />}
        actions={
          <>
            <InvoiceShipmentButton s={s} />
            <ShipmentActions s={s} onCancel={() => setCancelOpen(true)} onReturn={() => setReturnOpen(true)} />
          </>
        }
      />
      {s.state === 'confirmed' ? <NotifyCustomer kind="shipment_sent" docId={id} /> : null}
      {s.state === 'draft' ? (
        <Alert color="gray" variant="light" icon={<IconInfo />} mb="md" py="xs">
          {t('shipping.page.draftHint')}
        </Alert>
      ) : null}
      {s.state === 'draft' ? <OverdueWarning customer={s.customer} /> : null}
      {s.state === 'draft' ? <DraftEditor key={again.generation} s={s} onReload={again.reload} /> : <ShipmentFacts s={s} />}
      {s.state === 'confirmed' ? (
        <Card withBorder radius="md" padding="sm" mb="md">
          <Text fw={650} mb="xs">{t('shipping.page.returns')}</Text>
          <Returns s={s} />
        </Card>
      ) : null}
      <DocumentHistory doc={`shipments/${s.id}`} />
      <ReasonDialog
        opened={cancelOpen}
        title={t('shipping.cancel.title')}
        body={t('shipping.cancel.body')}
        reasonLabel={t('shipping.cancel.reason')}
        confirmLabel={t('shipping.cancel.confirm')}
        keepLabel={t('shipping.cancel.keep')}
        pending={cancel.isPending}
        error={cancel.error}
        onClose={() => setCancelOpen(false)}
        onConfirm={(reason) => cancel.mutate({ id, reason, expectedVersion: s.version })}
        testId="shipment-cancel-dialog"
      />
      {s.state === 'confirmed' ? <ReturnDialog shipment={s} opened={returnOpen} onClose={() => setReturnOpen(false)} /> : null}
    </>
  );
}
