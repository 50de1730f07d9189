/** The trace as tables: affected lots with their stock, customers to call, shipments, open reservations. */
import { Paper, Stack, Table, Text } from '@mantine/core';
import type { TraceLot, TraceResult } from '../../../src-shared/contract/trace';
import type { CustomerExposure } from '../../../src-shared/domain/traceGraph';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { CellText } from '../../components/CellText';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';
import { CardTitle, LotStatusBadge } from '../inventory/common';

const mono = { fontFamily: 'var(--mantine-font-family-monospace)' };
/** a whole date in either language ("17 nov 2026", "Nov 17, 2026") with the cell's padding */
const DATE_WIDTH = 130;

export function AffectedLots({ lots }: { lots: TraceLot[] }) {
  const { t, fmt } = useI18n();
  const columns: Column<TraceLot>[] = [
    { key: 'code', header: t('trace.col.lot'), width: 120, render: (l) => <span style={mono}>{l.code}</span> },
    { key: 'item', header: t('trace.col.item'), minWidth: 200, render: (l) => <CellText full={`${l.item.name} · ${l.item.sku}`}>{`${l.item.name} · ${l.item.sku}`}</CellText> },
    { key: 'level', header: t('trace.col.level'), width: 70, align: 'right', dropOrder: 1, render: (l) => l.depth },
    { key: 'status', header: t('trace.col.status'), width: 120, render: (l) => <LotStatusBadge status={l.status} size="xs" /> },
    { key: 'via', header: t('trace.col.via'), width: 120, render: (l) => l.production?.number ?? '' },
    { key: 'expiry', header: t('trace.col.expiry'), width: DATE_WIDTH, render: (l) => <span className="num">{l.expiresOn ? fmt.date(l.expiresOn) : '—'}</span> },
    { key: 'onHand', header: t('trace.col.onHand'), width: 110, align: 'right', render: (l) => <span className="num">{fmt.qty(l.onHandMilli, l.item.unit)}</span> },
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <CardTitle>{t('trace.section.lots')}</CardTitle>
      <VirtualTable
        rows={lots}
        columns={columns}
        rowKey={(l) => l.id}
        onOpen={(l) => navigate(`/inventory/lots/${l.id}`)}
        height={Math.min(420, 40 + lots.length * 38)}
        testId="trace-lots"
        rowTestId={(l) => `trace-lot-${l.code}`}
        dimmed={(l) => l.onHandMilli === 0}
      />
    </Paper>
  );
}

export function CustomersCard({ customers, lots }: { customers: CustomerExposure[]; lots: Map<number, TraceLot> }) {
  const { t, fmt } = useI18n();
  return (
    <Paper withBorder p="md" radius="md" data-testid="trace-customers">
      <CardTitle>{t('trace.section.customers')}</CardTitle>
      {customers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('trace.noCustomers')}
        </Text>
      ) : (
        <Table striped withRowBorders={false} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trace.col.customer')}</Table.Th>
              <Table.Th>{t('trace.col.contact')}</Table.Th>
              <Table.Th>{t('trace.col.ddt')}</Table.Th>
              <Table.Th>{t('trace.col.lot')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {customers.map((c) => (
              <Table.Tr key={c.customer.id} data-testid={`trace-customer-${c.customer.id}`}>
                <Table.Td>
                  <Link to={`/customers/${c.customer.id}`} size="sm">
                    {c.customer.name}
                  </Link>
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {c.customer.email ? <Text size="sm">{c.customer.email}</Text> : null}
                    {c.customer.phone ? <Text size="sm">{c.customer.phone}</Text> : null}
                  </Stack>
                </Table.Td>
                <Table.Td>{c.ddts.map((d) => `${d.number ?? '—'}${d.date ? ` · ${fmt.date(d.date)}` : ''}`).join(', ')}</Table.Td>
                <Table.Td style={mono}>{c.lotIds.map((id) => lots.get(id)?.code ?? '').join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

type Shipment = TraceResult['shipments'][number];

export function ShipmentsCard({ shipments, lots }: { shipments: Shipment[]; lots: Map<number, TraceLot> }) {
  const { t, fmt } = useI18n();
  const qty = (milli: number, s: Shipment) => {
    const lot = lots.get(s.lotId);
    return lot ? fmt.qty(milli, lot.item.unit) : '';
  };
  const columns: Column<Shipment>[] = [
    { key: 'ddt', header: t('trace.col.ddt'), width: 90, render: (s) => s.ddtNumber ?? '—' },
    { key: 'date', header: t('trace.col.ddtDate'), width: DATE_WIDTH, render: (s) => <span className="num">{s.ddtDate ? fmt.date(s.ddtDate) : ''}</span> },
    { key: 'customer', header: t('trace.col.customer'), minWidth: 180, render: (s) => <CellText>{s.customer.name}</CellText> },
    { key: 'order', header: t('trace.col.order'), width: 110, render: (s) => (s.order ? <Link to={`/orders/${s.order.id}`} size="sm">{s.order.number}</Link> : '') },
    { key: 'lot', header: t('trace.col.lot'), width: 120, render: (s) => <span style={mono}>{lots.get(s.lotId)?.code}</span> },
    { key: 'shipped', header: t('trace.col.shipped'), width: 100, align: 'right', render: (s) => qty(s.shippedMilli, s) },
    { key: 'returned', header: t('trace.col.returned'), width: 100, align: 'right', render: (s) => (s.returnedMilli ? qty(s.returnedMilli, s) : '') },
  ];
  return (
    <Paper withBorder p="md" radius="md" data-testid="trace-shipments">
      <CardTitle>{t('trace.section.shipments')}</CardTitle>
      {shipments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('trace.noShipments')}
        </Text>
      ) : (
        <VirtualTable rows={shipments} columns={columns} rowKey={(s) => s.shipmentLineId} height={Math.min(360, 40 + shipments.length * 38)} rowTestId={(s) => `trace-shipment-${s.shipmentLineId}`} />
      )}
    </Paper>
  );
}

export function ReservationsCard({ reservations, lots }: { reservations: TraceResult['reservations']; lots: Map<number, TraceLot> }) {
  const { t, fmt } = useI18n();
  return (
    <Paper withBorder p="md" radius="md" data-testid="trace-reservations">
      <CardTitle>{t('trace.section.reservations')}</CardTitle>
      {reservations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('trace.noReservations')}
        </Text>
      ) : (
        <Table striped withRowBorders={false} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trace.col.lot')}</Table.Th>
              <Table.Th>{t('trace.col.heldBy')}</Table.Th>
              <Table.Th ta="right">{t('trace.col.qty')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reservations.map((r) => {
              const lot = lots.get(r.lotId);
              const to = r.order ? `/orders/${r.order.id}` : r.productionOrder ? `/production/${r.productionOrder.id}` : null;
              return (
                <Table.Tr key={r.reservationId}>
                  <Table.Td style={mono}>{lot?.code}</Table.Td>
                  <Table.Td>{to ? <Link to={to} size="sm">{r.label}</Link> : r.label}</Table.Td>
                  <Table.Td ta="right">{lot ? fmt.qty(r.qtyMilli, lot.item.unit) : ''}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
