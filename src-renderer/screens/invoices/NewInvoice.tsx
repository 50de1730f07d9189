/**
 * #/invoices/new: an immediate invoice (TD01) for goods or services without a DDT — the
 * customer, the day of the sale, free lines (description, quantity, price, VAT or Natura).
 * Saved as a draft, then issued from its page. A sale older than the settings' days
 * (12) is flagged while typing: an immediate invoice is late after that.
 */
import { useState } from 'react';
import { ActionIcon, Alert, Button, Card, Grid, Group, Select, Table, TextInput, Textarea } from '@mantine/core';
import { NATURA_CODES } from '../../../src-shared/contract/invoicing';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { BackLink } from '../../components/BackLink';
import { DateField } from '../../components/DateField';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { IconAlert, IconPlus, IconTrash } from '../../components/icons';
import { notifySaved } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { CustomerSelect, type PickedCustomer } from '../orders/CustomerSelect';
import { today } from '../orders/orderBits';
import { daysSince } from './months';

interface Line {
  key: number;
  description: string;
  quantity: string;
  unitPrice: string;
  vatRate: string;
  natura: string | null;
}

let nextKey = 1;
const newLine = (): Line => ({ key: nextKey++, description: '', quantity: '1', unitPrice: '', vatRate: '22', natura: null });

const isZero = (rate: string) => /^\s*0+([.,]0*)?\s*$/.test(rate);

export function NewInvoice() {
  const { t } = useI18n();
  // query-error: the 12-day default stands in while settings load; I18nProvider shows their error
  const settings = useApiQuery('settings.get', {}, { staleTime: Infinity });
  const lateAfter = settings.data?.invoicing.immediateInvoiceDays ?? 12;
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [date, setDate] = useState(today());
  const [notes, setNotes] = useState('');
  const [lines, setLines] = useState<Line[]>(() => [newLine()]);
  const [tried, setTried] = useState(false);
  const create = useApiCommand('invoicing.createDraft', {
    onSuccess: (inv) => {
      notifySaved(t('invoice.new.saved'));
      navigate(`/invoices/${inv.id}`, { replace: true });
    },
  });
  const server = fieldErrors(create.error, t);
  const set = (key: number, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const days = date ? daysSince(date) : 0;
  const required = (v: string) => (tried && v.trim() === '' ? t('invoice.new.required') : undefined);

  const submit = () => {
    setTried(true);
    if (!customer || lines.some((l) => l.description.trim() === '' || l.quantity.trim() === '' || l.unitPrice.trim() === '' || l.vatRate.trim() === '')) return;
    create.mutate({
      customerId: customer.id,
      date: date || null,
      notes,
      lines: lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, vatRate: l.vatRate, natura: isZero(l.vatRate) ? l.natura : null })),
    });
  };
  const shown = ['customerId', 'date', 'notes', ...lines.flatMap((_, i) => ['description', 'quantity', 'unitPrice', 'vatRate', 'natura'].map((f) => `lines.${i}.${f}`))];

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <BackLink to="/invoices">{t('invoices.title')}</BackLink>
      <PageHeader title={t('invoice.new.title')} subtitle={t('invoice.new.subtitle')} />
      <Card withBorder radius="md" padding="md" mb="md">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <CustomerSelect label={t('invoice.new.customer')} value={customer} onChange={setCustomer} required autoFocus error={tried && !customer ? t('invoice.new.required') : server.customerId} data-testid="invoice-new-customer" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <DateField label={t('invoice.new.date')} value={date} onChange={setDate} error={server.date} data-testid="invoice-new-date" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Textarea label={t('invoice.new.notes')} autosize minRows={1} maxRows={4} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={server.notes} data-testid="invoice-new-notes" />
          </Grid.Col>
        </Grid>
      </Card>
      {days > lateAfter ? (
        <Alert color="yellow" variant="light" icon={<IconAlert />} mb="md" py="xs" data-testid="invoice-new-late">
          {t('invoice.new.late', { days })}
        </Alert>
      ) : null}
      <Card withBorder radius="md" padding={0} mb="md">
        <Table verticalSpacing={6} horizontalSpacing="xs" data-testid="invoice-new-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoice.new.description')}</Table.Th>
              <Table.Th w={110}>{t('invoice.new.quantity')}</Table.Th>
              <Table.Th w={130}>{t('invoice.new.price')}</Table.Th>
              <Table.Th w={90}>{t('invoice.new.vat')}</Table.Th>
              <Table.Th w={130}>{t('invoice.new.natura')}</Table.Th>
              <Table.Th w={44} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l, i) => (
              <Table.Tr key={l.key} style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  <TextInput aria-label={t('invoice.new.description')} value={l.description} onChange={(e) => set(l.key, { description: e.currentTarget.value })} error={required(l.description) ?? server[`lines.${i}.description`]} data-testid={`invoice-new-desc-${i}`} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={t('invoice.new.quantity')} value={l.quantity} onChange={(e) => set(l.key, { quantity: e.currentTarget.value })} error={required(l.quantity) ?? server[`lines.${i}.quantity`]} classNames={{ input: 'num' }} data-testid={`invoice-new-qty-${i}`} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={t('invoice.new.price')} value={l.unitPrice} onChange={(e) => set(l.key, { unitPrice: e.currentTarget.value })} rightSection="€" error={required(l.unitPrice) ?? server[`lines.${i}.unitPrice`]} classNames={{ input: 'num' }} data-testid={`invoice-new-price-${i}`} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={t('invoice.new.vat')} value={l.vatRate} onChange={(e) => set(l.key, { vatRate: e.currentTarget.value })} rightSection="%" error={required(l.vatRate) ?? server[`lines.${i}.vatRate`]} classNames={{ input: 'num' }} data-testid={`invoice-new-vat-${i}`} />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('invoice.new.natura')}
                    placeholder={t('invoice.new.natura.hint')}
                    data={[...NATURA_CODES]}
                    value={l.natura}
                    onChange={(v) => set(l.key, { natura: v })}
                    disabled={!isZero(l.vatRate)}
                    clearable
                    searchable
                    error={server[`lines.${i}.natura`]}
                    data-testid={`invoice-new-natura-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="gray" mt={6} disabled={lines.length === 1} onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))} aria-label={t('common.remove')}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group p="xs">
          <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setLines((ls) => [...ls, newLine()])} data-testid="invoice-new-add-line">
            {t('invoice.new.addLine')}
          </Button>
        </Group>
      </Card>
      {create.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={create.error} shownFields={shown} />
        </div>
      ) : null}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={() => navigate('/invoices')}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={create.isPending} data-testid="invoice-new-save">
          {t('invoice.new.save')}
        </Button>
      </Group>
    </form>
  );
}
