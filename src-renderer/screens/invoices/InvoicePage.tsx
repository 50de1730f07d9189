/**
 * #/invoices/12: one invoice or credit note — who, when, which DDTs, the lines with their
 * DDT, the VAT summary with the bollo, the instalments with their payments, the files
 * exported; and what can be done in its state (issue, sent, delivered, rejected, correct
 * and export again, credit note, payment).
 */
import { useState } from 'react';
import { Alert, Card, Grid, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { InvoiceDetail } from '../../../src-shared/contract/invoicing';
import { isUnit } from '../../../src-shared/domain/units';
import { useApiQuery } from '../../api/hooks';
import { DetailPage } from '../../components/DetailPage';
import { ErrorAlert } from '../../components/errors';
import { Fact } from '../../components/Fact';
import { IconAlert, IconInfo } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { PaymentDialog, type PayableInstalment } from '../payments/PaymentDialog';
import { InstalmentsCard } from './InstalmentsCard';
import { InvoiceActions } from './InvoiceActions';
import { InvoiceKindBadge, InvoiceStateBadge, rateLabel, useInvoiceName } from './invoiceBits';
import { monthLabel } from './months';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function InvoicePage({ id }: { id: number }) {
  const { t } = useI18n();
  const q = useApiQuery('invoicing.get', { id });
  return <DetailPage query={q} back={{ to: '/invoices', label: t('invoices.title') }}>{(inv) => <InvoiceView inv={inv} />}</DetailPage>;
}

function InvoiceView({ inv }: { inv: InvoiceDetail }) {
  const { t } = useI18n();
  const name = useInvoiceName();
  const [paying, setPaying] = useState<PayableInstalment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const firstOpen = inv.instalments.find((i) => i.state !== 'paid');
  const payable = (i: InvoiceDetail['instalments'][number]): PayableInstalment => ({ ...i, label: `${name(inv)} · ${inv.customer.name}` });
  return (
    <>
      <PageHeader
        title={t('invoice.page.title', { kind: t(`invoice.kind.${inv.kind}`), number: name(inv) })}
        badge={<InvoiceStateBadge state={inv.state} testId="invoice-state" />}
        actions={<InvoiceActions inv={inv} onPay={firstOpen ? () => setPaying(payable(firstOpen)) : null} onError={setError} />}
      />
      {error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} testId="invoice-action-error" />
        </div>
      ) : null}
      <Notices inv={inv} />
      <Facts inv={inv} />
      <Lines inv={inv} />
      <Grid gap="md" mb="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <VatSummary inv={inv} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Totals inv={inv} />
        </Grid.Col>
      </Grid>
      {inv.kind !== 'TD04' && inv.state !== 'draft' ? <InstalmentsCard inv={inv} onPay={(i) => setPaying(payable(i))} /> : null}
      {inv.state !== 'draft' ? <Files inv={inv} /> : null}
      <PaymentDialog instalment={paying} onClose={() => setPaying(null)} />
    </>
  );
}

function Notices({ inv }: { inv: InvoiceDetail }) {
  const { t } = useI18n();
  return (
    <Stack gap="xs" mb="md">
      {inv.state === 'draft' ? (
        <Alert color="gray" variant="light" icon={<IconInfo />} py="xs">
          {t('invoice.page.draftHint')}
        </Alert>
      ) : null}
      {inv.state === 'rejected' ? (
        <Alert color="red" variant="light" icon={<IconAlert />} py="xs" data-testid="invoice-rejected">
          {t('invoice.page.rejectedHint', { reason: inv.rejectedReason })}
        </Alert>
      ) : null}
      {inv.state === 'delivered' ? (
        <Alert color="teal" variant="light" icon={<IconInfo />} py="xs">
          {t('invoice.page.deliveredHint')}
        </Alert>
      ) : null}
      {inv.warnings.map((w) => (
        <Alert key={w.code} color="yellow" variant="light" icon={<IconAlert />} py="xs" data-testid={`invoice-warning-${w.code}`}>
          {w.code === 'late_immediate' && w.days !== null ? t('invoice.page.late', { days: w.days }) : w.code === 'customer_overdue' ? t('invoice.page.customerOverdue') : w.message}
        </Alert>
      ))}
    </Stack>
  );
}

function Facts({ inv }: { inv: InvoiceDetail }) {
  const { t, fmt, locale } = useI18n();
  return (
    <Card withBorder radius="md" padding="md" mb="md">
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="md">
        <Fact label={t('invoice.page.customer')}>
          <Link to={`/customers/${inv.customer.id}`} size="sm" fw={600} data-testid="invoice-customer">
            {inv.customer.name}
          </Link>
        </Fact>
        <Fact label={t('invoice.page.date')}>
          <Text size="sm">{fmt.date(inv.date)}</Text>
        </Fact>
        <Fact label={t('invoices.col.kind')}>
          <InvoiceKindBadge kind={inv.kind} />
        </Fact>
        {inv.ddts.length > 0 ? (
          <Fact label={t('invoice.col.ddt')}>
            <Text size="sm" ff="monospace" data-testid="invoice-ddts">
              {inv.ddts.map((d) => d.number).join(', ')}
            </Text>
            {inv.periodMonth ? (
              <Text size="xs" c="dimmed">
                {t('invoice.page.period', { month: monthLabel(inv.periodMonth, locale) })}
              </Text>
            ) : null}
          </Fact>
        ) : null}
        {inv.orderId !== null ? (
          <Fact label={t('invoice.page.order')}>
            <Link to={`/orders/${inv.orderId}`} size="sm">
              #{inv.orderId}
            </Link>
          </Fact>
        ) : null}
        {inv.corrects ? (
          <Fact label={t('invoice.page.corrects')}>
            <Link to={`/invoices/${inv.corrects.id}`} size="sm" ff="monospace" data-testid="invoice-corrects">
              {inv.corrects.number ?? `#${inv.corrects.id}`} · {fmt.date(inv.corrects.date)}
            </Link>
          </Fact>
        ) : null}
        {inv.creditNotes.length > 0 ? (
          <Fact label={t('invoice.page.correctedBy')}>
            <Stack gap={0}>
              {inv.creditNotes.map((c) => (
                <Link key={c.id} to={`/invoices/${c.id}`} size="sm" ff="monospace">
                  {c.number ?? t('invoice.draftName', { id: c.id })} · {fmt.money(c.totalCents)}
                </Link>
              ))}
            </Stack>
          </Fact>
        ) : null}
      </SimpleGrid>
      {inv.notes ? (
        <Text size="sm" c="dimmed" mt="sm">
          {inv.notes}
        </Text>
      ) : null}
    </Card>
  );
}

function Lines({ inv }: { inv: InvoiceDetail }) {
  const { t, fmt } = useI18n();
  const ddtNumber = new Map(inv.ddts.map((d) => [d.id, d.number]));
  const pct = (n: number) => fmt.number(n);
  const hasDdt = inv.lines.some((l) => l.ddtId !== null);
  return (
    <Card withBorder radius="md" padding={0} mb="md">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={6} horizontalSpacing="sm" fz="sm" data-testid="invoice-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36} />
              {hasDdt ? <Table.Th style={NOWRAP}>{t('invoice.col.ddt')}</Table.Th> : null}
              <Table.Th>{t('invoice.col.item')}</Table.Th>
              <Table.Th ta="right" style={NOWRAP}>{t('invoice.col.qty')}</Table.Th>
              <Table.Th ta="right" style={NOWRAP}>{t('invoice.col.price')}</Table.Th>
              <Table.Th ta="right" style={NOWRAP}>{t('invoice.col.discount')}</Table.Th>
              <Table.Th ta="right" style={NOWRAP}>{t('invoice.col.vat')}</Table.Th>
              <Table.Th ta="right" style={NOWRAP}>{t('invoice.col.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inv.lines.map((l) => (
              <Table.Tr key={l.id} data-testid={`invoice-line-${l.position}`}>
                <Table.Td c="dimmed" ta="right">
                  {l.position}
                </Table.Td>
                {hasDdt ? (
                  <Table.Td style={NOWRAP}>
                    <Text size="xs" ff="monospace">
                      {l.ddtId !== null ? (ddtNumber.get(l.ddtId) ?? '') : ''}
                    </Text>
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <Text size="sm">{l.description}</Text>
                  {l.code ? (
                    <Text size="xs" c="dimmed" ff="monospace">
                      {l.code}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right" className="num" style={NOWRAP}>
                  {isUnit(l.unit) ? fmt.qty(l.qtyMilli, l.unit) : `${fmt.number(l.qtyMilli / 1000)} ${l.unit}`.trim()}
                </Table.Td>
                <Table.Td ta="right" className="num" style={NOWRAP}>
                  {fmt.micros(Math.round(Number(l.unitPrice) * 1_000_000))}
                </Table.Td>
                <Table.Td ta="right" style={NOWRAP}>
                  {l.discounts ? `${l.discounts} %` : ''}
                </Table.Td>
                <Table.Td ta="right" style={NOWRAP}>
                  {rateLabel(l.vatBp, l.natura, pct)}
                </Table.Td>
                <Table.Td ta="right" className="num" style={NOWRAP}>
                  {fmt.money(l.lineTotalCents)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function VatSummary({ inv }: { inv: InvoiceDetail }) {
  const { t, fmt } = useI18n();
  const pct = (n: number) => fmt.number(n);
  return (
    <Card withBorder radius="md" padding="sm" h="100%">
      <Text fw={650} mb="xs">
        {t('invoice.page.vat')}
      </Text>
      <Table verticalSpacing={4} fz="sm" data-testid="invoice-vat">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoice.col.rate')}</Table.Th>
            <Table.Th ta="right">{t('invoice.col.taxable')}</Table.Th>
            <Table.Th ta="right">{t('invoice.col.tax')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inv.vatRows.map((r) => (
            <Table.Tr key={`${r.vatBp}-${r.natura ?? ''}`}>
              <Table.Td>{rateLabel(r.vatBp, r.natura, pct)}</Table.Td>
              <Table.Td ta="right" className="num">
                {fmt.money(r.taxableCents)}
              </Table.Td>
              <Table.Td ta="right" className="num">
                {fmt.money(r.vatCents)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function Totals({ inv }: { inv: InvoiceDetail }) {
  const { t, fmt } = useI18n();
  const row = (label: string, cents: number, testId: string, strong = false) => (
    <Group justify="space-between" gap="xl" wrap="nowrap">
      <Text size="sm" c={strong ? undefined : 'dimmed'} fw={strong ? 650 : undefined}>
        {label}
      </Text>
      <Text size="sm" className="num" fw={strong ? 650 : undefined} data-testid={testId}>
        {fmt.money(cents)}
      </Text>
    </Group>
  );
  const due = inv.kind === 'TD04' || inv.state === 'draft' ? null : inv.totalCents - inv.paidCents;
  return (
    <Card withBorder radius="md" padding="sm" h="100%" data-testid="invoice-totals">
      <Stack gap={4}>
        {row(t('invoice.totals.taxable'), inv.taxableCents, 'invoice-taxable')}
        {row(t('invoice.totals.vat'), inv.vatCents, 'invoice-vat-total')}
        {inv.bolloCents > 0 ? row(t('invoice.totals.bollo'), inv.bolloCents, 'invoice-bollo') : null}
        <div style={{ borderTop: '1px solid var(--mantine-color-gray-3)', paddingTop: 4 }}>{row(t('invoice.totals.total'), inv.totalCents, 'invoice-total', true)}</div>
        {due !== null ? row(t('invoice.totals.due'), due, 'invoice-due') : null}
      </Stack>
    </Card>
  );
}

function Files({ inv }: { inv: InvoiceDetail }) {
  const { t, fmt } = useI18n();
  return (
    <Card withBorder radius="md" padding="sm" mb="md" data-testid="invoice-files">
      <Text fw={650} mb="xs">
        {t('invoice.page.files')}
      </Text>
      {inv.files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('invoice.page.noFiles')}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoice.col.file')}</Table.Th>
              <Table.Th>{t('invoice.col.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inv.files.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td ff="monospace">{f.fileName}</Table.Td>
                <Table.Td>{fmt.dateTime(f.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
