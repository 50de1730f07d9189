/**
 * #/purchasing/7: one purchase order — supplier, dates, each line with what is ordered,
 * received and still due, the receipts with their lots. Send (PDF), receive (the goods
 * receipt pre-filled with what is due), edit while nothing has arrived, cancel.
 */
import { useState } from 'react';
import { Alert, Button, Card, Group, SimpleGrid, Table, Text } from '@mantine/core';
import type { PurchaseOrder } from '../../../src-shared/contract/purchasing';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { IconInventory } from '../../components/icons';
import { notifySaved } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';
import { CardTitle, Stat } from '../inventory/common';
import { ReasonDialog } from '../orders/ReasonDialog';
import { PoPdfActions } from './PoPdfActions';
import { canEdit, canReceive, PurchaseStatusBadge } from './purchasingBits';
import { DetailPage } from '../../components/DetailPage';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

function LinesTable({ po }: { po: PurchaseOrder }) {
  const { t, fmt } = useI18n();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={8} horizontalSpacing="sm" fz="sm" data-testid="po-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('purchasing.line.item')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('purchasing.line.code')}</Table.Th>
            <Table.Th ta="right" style={NOWRAP}>{t('purchasing.line.ordered')}</Table.Th>
            <Table.Th ta="right" style={NOWRAP}>{t('purchasing.line.received')}</Table.Th>
            <Table.Th ta="right" style={NOWRAP}>{t('purchasing.line.open')}</Table.Th>
            <Table.Th ta="right" style={NOWRAP}>{t('purchasing.line.price')}</Table.Th>
            <Table.Th ta="right" style={NOWRAP}>{t('purchasing.line.total')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('purchasing.line.expected')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {po.lines.map((l, i) => (
            <Table.Tr key={l.id} data-testid={`po-line-${i}`}>
              <Table.Td>
                <Link to={`/inventory/items/${l.item.id}`} size="sm" fw={500}>
                  {l.item.name}
                </Link>
                <Text size="xs" c="dimmed" ff="monospace">
                  {l.item.sku}
                  {l.notes ? ` · ${l.notes}` : ''}
                </Text>
              </Table.Td>
              <Table.Td ff="monospace">{l.supplierCode ?? '—'}</Table.Td>
              <Table.Td ta="right" className="num" style={NOWRAP}>{fmt.qty(l.qtyMilli, l.item.unit)}</Table.Td>
              <Table.Td ta="right" className="num" style={NOWRAP} data-testid={`po-line-received-${i}`}>{fmt.qty(l.receivedMilli, l.item.unit)}</Table.Td>
              <Table.Td ta="right" className="num" style={NOWRAP} fw={l.openMilli > 0 ? 600 : undefined} data-testid={`po-line-open-${i}`}>
                {fmt.qty(l.openMilli, l.item.unit)}
              </Table.Td>
              <Table.Td ta="right" className="num" style={NOWRAP}>{l.unitPriceMicros === null ? '—' : fmt.perUnit(l.unitPriceMicros, l.item.unit)}</Table.Td>
              <Table.Td ta="right" className="num" style={NOWRAP}>{l.totalCents === null ? '—' : fmt.money(l.totalCents)}</Table.Td>
              <Table.Td className="num" style={NOWRAP}>{fmt.date(l.expectedOn)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td colSpan={6} ta="right" fw={600}>
              {t('purchasing.total')}
            </Table.Td>
            <Table.Td ta="right" fw={650} className="num" data-testid="po-total">
              {fmt.money(po.totalCents)}
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Receipts({ po }: { po: PurchaseOrder }) {
  const { t, fmt } = useI18n();
  const lineOf = new Map(po.lines.map((l) => [l.id, l]));
  if (po.receipts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('purchasing.page.noReceipts')}
      </Text>
    );
  }
  return (
    <Table verticalSpacing={6} fz="sm" data-testid="po-receipts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('purchasing.receipt.date')}</Table.Th>
          <Table.Th>{t('purchasing.line.item')}</Table.Th>
          <Table.Th>{t('purchasing.receipt.lot')}</Table.Th>
          <Table.Th ta="right">{t('purchasing.receipt.qty')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {po.receipts.map((r) => {
          const line = lineOf.get(r.lineId);
          return (
            <Table.Tr key={`${r.stockDocumentId}-${r.lotId}-${r.lineId}`}>
              <Table.Td className="num">{fmt.date(r.receivedOn)}</Table.Td>
              <Table.Td>{line?.item.name ?? ''}</Table.Td>
              <Table.Td>
                <Link to={`/inventory/lots/${r.lotId}`} size="sm" ff="monospace">
                  {r.lotCode}
                </Link>
              </Table.Td>
              <Table.Td ta="right" className="num">
                {line ? fmt.qty(r.qtyMilli, line.item.unit) : r.qtyMilli}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export function PurchaseOrderPage({ id }: { id: number }) {
  const { t } = useI18n();
  const detail = useApiQuery('purchasing.get', { id });
  return (
    <DetailPage query={detail} back={{ to: '/purchasing', label: t('purchasing.page.back') }}>
      {(po) => <PurchaseOrderView po={po} />}
    </DetailPage>
  );
}

function PurchaseOrderView({ po }: { po: PurchaseOrder }) {
  const { t, fmt } = useI18n();
  const [cancelOpen, setCancelOpen] = useState(false);
  const cancel = useApiCommand('purchasing.cancel', {
    onSuccess: (po) => {
      setCancelOpen(false);
      notifySaved(t('purchasing.cancelled', { number: po.number }));
    },
  });
  const open = po.status !== 'cancelled' && po.status !== 'received';

  return (
    <>
      <PageHeader
        title={<span data-testid="po-number">{po.number}</span>}
        badge={<PurchaseStatusBadge status={po.status} size="lg" data-testid="po-status" />}
        subtitle={po.supplier.name}
        actions={
          <>
            {canEdit(po.status) ? (
              <Button variant="default" onClick={() => navigate(`/purchasing/${po.id}/edit`)} data-testid="po-edit">
                {t('purchasing.action.edit')}
              </Button>
            ) : null}
            {open ? (
              <Button variant="default" color="red" onClick={() => setCancelOpen(true)} data-testid="po-cancel">
                {t('purchasing.action.cancel')}
              </Button>
            ) : null}
            <PoPdfActions po={po} />
            {canReceive(po.status) ? (
              <Button leftSection={<IconInventory size={16} />} onClick={() => navigate(`/inventory/receive?po=${po.id}`)} data-testid="po-receive">
                {t('purchasing.action.receive')}
              </Button>
            ) : null}
          </>
        }
      />
      {po.status === 'cancelled' && po.cancelledAt ? (
        <Alert color="gray" mb="md" data-testid="po-cancelled">
          {po.cancelReason
            ? t('purchasing.page.cancelledBecause', { date: fmt.date(po.cancelledAt.slice(0, 10)), reason: po.cancelReason })
            : t('purchasing.page.cancelledOn', { date: fmt.date(po.cancelledAt.slice(0, 10)) })}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
        <Stat label={t('purchasing.page.supplier')} value={<Link to={`/suppliers/${po.supplier.id}`} fz={16}>{po.supplier.name}</Link>} />
        <Stat label={t('purchasing.page.ordered')} value={fmt.date(po.orderedOn)} sub={po.sentAt ? t('purchasing.page.sentAt', { date: fmt.date(po.sentAt.slice(0, 10)) }) : undefined} />
        <Stat label={t('purchasing.page.expected')} value={fmt.date(po.expectedOn)} testId="po-expected" />
        <Stat label={t('purchasing.col.total')} value={fmt.money(po.totalCents)} />
      </SimpleGrid>
      {po.notes ? (
        <Card withBorder radius="md" padding="md" mb="md">
          <CardTitle>{t('purchasing.page.notes')}</CardTitle>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {po.notes}
          </Text>
        </Card>
      ) : null}
      <Card withBorder radius="md" padding="md" mb="md">
        <CardTitle>{t('purchasing.page.lines')}</CardTitle>
        <LinesTable po={po} />
      </Card>
      <Card withBorder radius="md" padding="md" mb="md">
        <Group justify="space-between">
          <CardTitle>{t('purchasing.page.receipts')}</CardTitle>
        </Group>
        <Receipts po={po} />
      </Card>
      <ReasonDialog
        opened={cancelOpen}
        title={t('purchasing.cancel.title', { number: po.number })}
        body={t('purchasing.cancel.body')}
        reasonLabel={t('purchasing.cancel.reason')}
        confirmLabel={t('purchasing.cancel.confirm')}
        keepLabel={t('purchasing.cancel.keep')}
        pending={cancel.isPending}
        error={cancel.error}
        onClose={() => setCancelOpen(false)}
        onConfirm={(reason) => cancel.mutate({ id: po.id, reason })}
        testId="po-cancel-dialog"
      />
    </>
  );
}
