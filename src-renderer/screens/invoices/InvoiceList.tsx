/**
 * #/invoices: invoices and credit notes, newest first — number, date, kind, customer,
 * total, what is still to collect (red when overdue) and the state at the SdI. Filters:
 * month, state, kind, customer, overdue only. Virtualised, page by page.
 */
import { useState } from 'react';
import { Badge, Button, Chip, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { INVOICE_STATES, type InvoiceHeader, type InvoiceState } from '../../../src-shared/contract/invoicing';
import type { InvoiceKind } from '../../../src-shared/contract/invoiceDocument';
import { usePagedList } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconPlus, IconSearch } from '../../components/icons';
import { IconInvoices } from '../../components/moneyIcons';
import { ListResults, useNextPage } from '../../components/ListResults';
import { ListSearch } from '../../components/ListSearch';
import { CountBadge, PageHeader } from '../../components/PageHeader';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate, useRoute } from '../../router';
import { CustomerSelect, type PickedCustomer } from '../orders/CustomerSelect';
import { customerFromRoute, InvoiceKindBadge, InvoiceStateBadge, useInvoiceName } from './invoiceBits';
import { monthOptions } from './months';
import { ExportMonthButton } from './ExportMonth';

const KINDS: InvoiceKind[] = ['TD24', 'TD01', 'TD04'];

/** What is left to collect on an invoice (credit notes collect nothing). */
export function dueOf(r: Pick<InvoiceHeader, 'kind' | 'state' | 'totalCents' | 'paidCents'>): number {
  if (r.kind === 'TD04' || r.state === 'draft') return 0;
  return Math.max(0, r.totalCents - r.paidCents);
}

export function InvoiceList() {
  const { query } = useRoute();
  const { t, fmt, locale } = useI18n();
  const name = useInvoiceName();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 150);
  const [month, setMonth] = useState<string | null>(null);
  const [state, setState] = useState<InvoiceState | null>(null);
  const [kind, setKind] = useState<InvoiceKind | null>(null);
  const [customer, setCustomer] = useState<PickedCustomer | null>(() => customerFromRoute(query));
  const [overdue, setOverdue] = useState(false);
  const input = { q, month: month ?? undefined, state: state ?? undefined, kind: kind ?? undefined, customerId: customer?.id, overdue };
  const list = usePagedList('invoicing.list', input, (out) => ({ rows: out.invoices, total: out.total }));
  const onNearEnd = useNextPage(list);
  const filtered = q !== '' || month !== null || state !== null || kind !== null || customer !== null || overdue;

  const columns: Column<InvoiceHeader>[] = [
    { key: 'number', header: t('invoices.col.number'), width: 110, render: (r) => <Text size="sm" ff="monospace" fw={600} c={r.number ? undefined : 'dimmed'}>{name(r)}</Text> },
    { key: 'date', header: t('invoices.col.date'), width: 112, render: (r) => <Text size="sm">{fmt.date(r.date)}</Text> },
    { key: 'kind', header: t('invoices.col.kind'), width: 150, dropOrder: 2, render: (r) => <InvoiceKindBadge kind={r.kind} /> },
    { key: 'customer', header: t('invoices.col.customer'), minWidth: 180, render: (r) => <Text size="sm" truncate>{r.customer.name}</Text> },
    { key: 'total', header: t('invoices.col.total'), width: 120, align: 'right', render: (r) => <Text size="sm" className="num">{fmt.money(r.kind === 'TD04' ? -r.totalCents : r.totalCents)}</Text> },
    {
      key: 'due',
      header: t('invoices.col.due'),
      width: 160,
      align: 'right',
      render: (r) => {
        const due = dueOf(r);
        if (r.kind === 'TD04' || r.state === 'draft') return null;
        if (due === 0) return <Text size="xs" c="teal.7">{t('invoices.paid')}</Text>;
        return (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            {r.overdueCents > 0 ? (
              <Badge color="red" variant="light" size="xs">
                {t('invoices.overdue')}
              </Badge>
            ) : null}
            <Text size="sm" className="num" c={r.overdueCents > 0 ? 'red.7' : undefined}>
              {fmt.money(due)}
            </Text>
          </Group>
        );
      },
    },
    { key: 'state', header: t('invoices.col.state'), width: 118, render: (r) => <InvoiceStateBadge state={r.state} /> },
  ];

  const actions = (
    <>
      <ExportMonthButton />
      <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => navigate('/invoices/new')} data-testid="invoice-new">
        {t('invoices.new')}
      </Button>
      <Button onClick={() => navigate('/invoices/month')} data-testid="invoices-month">
        {t('invoices.month')}
      </Button>
    </>
  );

  return (
    <>
      <PageHeader title={t('invoices.title')} subtitle={t('invoices.subtitle')} badge={<CountBadge count={list.data ? list.total : null} />} actions={actions} />
      <Stack gap={8} mb="sm">
        <Group gap="xs" wrap="wrap" align="flex-end">
          <ListSearch value={text} onChange={setText} onEnter={() => list.rows[0] && navigate(`/invoices/${list.rows[0].id}`)} placeholder={t('invoices.search')} w={240} testId="invoices-search" />
          <Select
            placeholder={t('invoices.filter.allMonths')}
            aria-label={t('invoices.filter.month')}
            data={monthOptions(locale)}
            value={month}
            onChange={setMonth}
            clearable
            w={170}
            data-testid="invoices-filter-month"
          />
          <Select
            placeholder={t('invoices.filter.kind')}
            aria-label={t('invoices.filter.kind')}
            data={KINDS.map((k) => ({ value: k, label: t(`invoice.kind.${k}`) }))}
            value={kind}
            onChange={(v) => setKind((v as InvoiceKind | null) ?? null)}
            clearable
            w={170}
            data-testid="invoices-filter-kind"
          />
          <CustomerSelect value={customer} onChange={setCustomer} placeholder={t('invoices.filter.customer')} aria-label={t('invoices.filter.customer')} clearable w={220} data-testid="invoices-filter-customer" />
        </Group>
        <Group gap={6} wrap="wrap">
          <Chip checked={overdue} onChange={setOverdue} size="xs" color="red" variant={overdue ? 'filled' : 'outline'} wrapperProps={{ 'data-testid': 'invoices-filter-overdue' }}>
            {t('invoices.overdue')}
          </Chip>
          <Text c="gray.4" size="sm" aria-hidden>
            |
          </Text>
          <Chip.Group value={state ?? ''} onChange={(v) => setState(v === '' || v === state ? null : (v as InvoiceState))}>
            <Group gap={6}>
              {INVOICE_STATES.map((s) => (
                <Chip key={s} value={s} size="xs" variant="outline" onClick={() => s === state && setState(null)} wrapperProps={{ 'data-testid': `invoices-state-${s}` }}>
                  {t(`invoice.state.${s}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Group>
      </Stack>
      <ListResults
        list={list}
        empty={
          filtered ? (
            <EmptyScreen icon={<IconSearch size={28} />} title={t('invoices.noMatch')} description={t('invoices.empty.body')} testId="invoices-no-match" />
          ) : (
            <EmptyScreen
              icon={<IconInvoices size={28} />}
              title={t('invoices.empty.title')}
              description={t('invoices.empty.body')}
              action={
                <Button onClick={() => navigate('/invoices/month')} data-testid="invoices-empty-month">
                  {t('invoices.month')}
                </Button>
              }
              testId="invoices-empty"
            />
          )
        }
      >
        <VirtualTable
          rows={list.rows}
          columns={columns}
          rowKey={(r) => r.id}
          onOpen={(r) => navigate(`/invoices/${r.id}`)}
          onNearEnd={onNearEnd}
          height="calc(100dvh - 270px)"
          testId="invoices-table"
          rowTestId={(r) => `invoice-row-${r.id}`}
        />
      </ListResults>
    </>
  );
}
