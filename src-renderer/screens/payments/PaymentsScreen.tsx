/**
 * #/payments, the scadenzario: every instalment by due date — open, overdue, paid — with
 * what is left to collect, filtered by state, customer and month; the month's "to
 * collect" totals on top; register a payment on a row; the list as CSV for Excel.
 */
import { useState } from 'react';
import { Badge, Button, Card, Group, SegmentedControl, Select, SimpleGrid, Text } from '@mantine/core';
import type { ScadenzarioRow } from '../../../src-shared/contract/invoicing';
import { call } from '../../api/client';
import { downloadText } from '../../api/files';
import { useApiQuery, usePagedList } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { errorText } from '../../components/errors';
import { IconPaymentsDue } from '../../components/moneyIcons';
import { ListResults, useNextPage } from '../../components/ListResults';
import { notifyError } from '../../components/notify';
import { CountBadge, PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryState';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate, useRoute } from '../../router';
import { CustomerSelect, type PickedCustomer } from '../orders/CustomerSelect';
import { customerFromRoute } from '../invoices/invoiceBits';
import { monthBounds, monthLabel, monthOptions, thisMonth } from '../invoices/months';
import { InstalmentStateBadge } from '../invoices/InstalmentsCard';
import { PaymentDialog, type PayableInstalment } from './PaymentDialog';
import { methodLabel } from './paymentBits';

type StateFilter = 'open' | 'overdue' | 'paid' | 'all';
const STATE_FILTERS: readonly StateFilter[] = ['open', 'overdue', 'paid', 'all'];

function stateFromRoute(v: string | null): StateFilter {
  return STATE_FILTERS.find((s) => s === v) ?? 'open';
}

function Stat({ label, value, color, testId }: { label: string; value: string; color?: string; testId: string }) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={20} fw={650} className="num" c={color} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

export function PaymentsScreen() {
  const { query } = useRoute();
  const { t, fmt, locale } = useI18n();
  // the home screen's "invoices overdue" tile opens #/payments?state=overdue
  const [state, setState] = useState<StateFilter>(() => stateFromRoute(query.get('state')));
  const [customer, setCustomer] = useState<PickedCustomer | null>(() => customerFromRoute(query));
  const [month, setMonth] = useState<string | null>(null);
  const [paying, setPaying] = useState<PayableInstalment | null>(null);
  const [exporting, setExporting] = useState(false);
  const filter = { state, customerId: customer?.id, ...(month ? monthBounds(month) : {}) };
  const list = usePagedList('invoicing.instalments', filter, (out) => ({ rows: out.instalments, total: out.total }));
  const totals = useApiQuery('invoicing.instalments', { ...filter, limit: 1 }, { placeholderData: (prev) => prev });
  const openAll = useApiQuery('invoicing.instalments', { state: 'open', limit: 1 });
  const collect = useApiQuery('invoicing.toCollect', { month: thisMonth() });
  const onNearEnd = useNextPage(list);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const out = await call('invoicing.scadenzarioCsv', filter);
      downloadText(out.text, out.fileName);
    } catch (err) {
      notifyError(t('payments.export'), errorText(err, t));
    } finally {
      setExporting(false);
    }
  };

  const columns: Column<ScadenzarioRow>[] = [
    { key: 'due', header: t('invoice.col.due'), width: 104, render: (r) => <Text size="sm">{fmt.date(r.dueDate)}</Text> },
    {
      key: 'invoice',
      header: t('payments.col.invoice'),
      width: 100,
      render: (r) => (
        <Text size="sm" ff="monospace" fw={600} c="blue.7">
          {r.invoiceNumber}
        </Text>
      ),
    },
    { key: 'customer', header: t('invoices.col.customer'), minWidth: 180, render: (r) => <Text size="sm" truncate>{r.customer.name}</Text> },
    { key: 'method', header: t('invoice.col.method'), width: 120, dropOrder: 1, render: (r) => <Text size="sm" truncate title={methodLabel(r.method, t)}>{methodLabel(r.method, t)}</Text> },
    { key: 'amount', header: t('payments.col.amount'), width: 104, align: 'right', render: (r) => <Text size="sm" className="num">{fmt.money(r.amountCents)}</Text> },
    { key: 'left', header: t('payments.col.left'), width: 104, align: 'right', render: (r) => <Text size="sm" className="num" fw={600} c={r.state === 'overdue' ? 'red.7' : undefined}>{fmt.money(r.dueCents)}</Text> },
    {
      key: 'state',
      header: t('invoices.col.state'),
      width: 140,
      // an overdue row says by how long ("66 giorni") in the state's red badge, so the customer keeps its room
      render: (r) =>
        r.state === 'overdue' && r.daysOverdue > 0 ? (
          <Badge color="red" variant="light" size="sm" title={t('payments.state.overdue')} data-testid={`scadenza-late-${r.id}`}>
            {t('payments.daysLate', { count: r.daysOverdue })}
          </Badge>
        ) : (
          <InstalmentStateBadge state={r.state} />
        ),
    },
    {
      key: 'pay',
      header: '',
      width: 86,
      align: 'right',
      render: (r) =>
        r.state !== 'paid' ? (
          <Button
            size="compact-xs"
            variant="light"
            onClick={(e) => {
              e.stopPropagation();
              setPaying({ ...r, label: `${r.invoiceNumber} · ${r.customer.name}` });
            }}
            data-testid={`scadenza-pay-${r.id}`}
          >
            {t('payments.pay')}
          </Button>
        ) : null,
    },
  ];

  const tot = totals.data?.totals;
  return (
    <>
      <PageHeader
        title={t('payments.title')}
        subtitle={t('payments.subtitle')}
        badge={<CountBadge count={list.data ? list.total : null} />}
        actions={
          <Button variant="default" loading={exporting} onClick={() => void exportCsv()} data-testid="payments-export">
            {t('payments.export')}
          </Button>
        }
      />
      <QueryError queries={[collect, openAll, totals]} compact />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="sm" data-testid="payments-stats">
        <Stat label={t('payments.stat.open')} value={openAll.data ? fmt.money(openAll.data.totals.dueCents) : '…'} testId="payments-open-total" />
        <Stat label={t('payments.stat.overdue')} value={openAll.data ? fmt.money(openAll.data.totals.overdueCents) : '…'} color="red.7" testId="payments-overdue-total" />
        <Stat label={t('payments.stat.toCollect', { month: monthLabel(thisMonth(), locale) })} value={collect.data ? fmt.money(collect.data.totals.dueCents) : '…'} testId="payments-collect-month" />
        <Stat label={t('payments.stat.collected', { month: monthLabel(thisMonth(), locale) })} value={collect.data ? fmt.money(collect.data.totals.paidCents) : '…'} color="teal.7" testId="payments-collected-month" />
      </SimpleGrid>
      <Group gap="xs" mb="sm" wrap="wrap" align="flex-end">
        <SegmentedControl
          value={state}
          onChange={(v) => setState(v as StateFilter)}
          data={(['open', 'overdue', 'paid', 'all'] as const).map((s) => ({ value: s, label: t(`payments.filter.${s}`) }))}
          data-testid="payments-filter-state"
        />
        <CustomerSelect value={customer} onChange={setCustomer} placeholder={t('invoices.filter.customer')} aria-label={t('invoices.filter.customer')} clearable w={220} data-testid="payments-filter-customer" />
        <Select
          placeholder={t('payments.filter.anyMonth')}
          aria-label={t('payments.filter.month')}
          data={monthOptions(locale, 15, new Date(new Date().getFullYear(), new Date().getMonth() + 3, 15))}
          value={month}
          onChange={setMonth}
          clearable
          w={190}
          data-testid="payments-filter-month"
        />
        {tot ? (
          <Text size="sm" c="dimmed" ml="auto" data-testid="payments-filter-totals">
            {t('payments.filteredTotals', { due: fmt.money(tot.dueCents), paid: fmt.money(tot.paidCents) })}
          </Text>
        ) : null}
      </Group>
      <ListResults list={list} empty={<EmptyScreen icon={<IconPaymentsDue size={28} />} title={t('payments.empty.title')} description={t('payments.empty.body')} testId="payments-empty" />}>
        <VirtualTable
          rows={list.rows}
          columns={columns}
          rowKey={(r) => r.id}
          onOpen={(r) => navigate(`/invoices/${r.invoiceId}`)}
          onNearEnd={onNearEnd}
          height="calc(100dvh - 330px)"
          testId="payments-table"
          rowTestId={(r) => `scadenza-${r.id}`}
          dimmed={(r) => r.state === 'paid'}
        />
      </ListResults>
      <PaymentDialog instalment={paying} onClose={() => setPaying(null)} />
    </>
  );
}
