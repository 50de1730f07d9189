/**
 * A credit note (TD04) for an issued invoice: from a return of its goods (the returned
 * quantities at the invoiced prices) or for a discount after the fact (an amount without
 * VAT). It is made as a draft, linked to the invoice, and opened to be checked and issued.
 */
import { useState } from 'react';
import { Button, Group, Modal, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { InvoiceDetail } from '../../../src-shared/contract/invoicing';
import type { ShipmentReturn } from '../../../src-shared/contract/shipping';
import { call } from '../../api/client';
import { useApiCommand } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';

/** The returns of the shipments whose DDTs the invoice covers. */
async function returnsOf(inv: InvoiceDetail): Promise<ShipmentReturn[]> {
  const out: ShipmentReturn[] = [];
  for (const d of inv.ddts) {
    const found = await call('shipping.list', { q: d.number, customerId: inv.customer.id, limit: 20 });
    for (const row of found.shipments.filter((s) => s.ddtNumber === d.number && s.returned)) {
      const s = await call('shipping.get', { id: row.id });
      out.push(...s.returns);
    }
  }
  return out;
}

export function CreditNoteDialog({ inv, opened, onClose }: { inv: InvoiceDetail; opened: boolean; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Text fw={650}>{t('invoice.credit.title', { number: inv.number ?? '' })}</Text>} data-testid="credit-note-dialog">
      {opened ? <CreditNoteForm inv={inv} onClose={onClose} /> : null}
    </Modal>
  );
}

function CreditNoteForm({ inv, onClose }: { inv: InvoiceDetail; onClose(): void }) {
  const { t, fmt } = useI18n();
  const [mode, setMode] = useState<'discount' | 'return'>(inv.ddts.length > 0 ? 'return' : 'discount');
  const [returnId, setReturnId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [vatRate, setVatRate] = useState('');
  const [description, setDescription] = useState(t('invoice.credit.descriptionDefault', { number: inv.number ?? '' }));
  const returns = useQuery({ queryKey: ['invoice-returns', inv.id], queryFn: () => returnsOf(inv), enabled: mode === 'return' });
  const create = useApiCommand('invoicing.createCreditNote', {
    onSuccess: (note) => {
      notifySaved(t('invoice.credit.created'));
      onClose();
      navigate(`/invoices/${note.id}`);
    },
  });
  const server = fieldErrors(create.error, t);
  const credited = inv.creditNotes.filter((c) => c.state !== 'draft').reduce((s, c) => s + c.totalCents, 0);
  // the server names a credit above what is left of the invoice on 'invoice.<field>': said here in the user's words
  const above = server['invoice.discountAmount'] || server['invoice.returnId'] ? t('invoice.credit.above', { amount: fmt.money(inv.totalCents - credited) }) : undefined;
  const submit = () => {
    if (mode === 'return') {
      if (!returnId) return;
      create.mutate({ invoiceId: inv.id, returnId: Number(returnId), notes: '' });
    } else {
      create.mutate({ invoiceId: inv.id, discountAmount: amount.trim(), vatRate: vatRate.trim() || undefined, description: description.trim(), notes: '' });
    }
  };
  const ready = mode === 'return' ? returnId !== null : amount.trim() !== '';
  return (
    <Stack gap="sm">
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v as 'discount' | 'return')}
        data={[
          { value: 'return', label: t('invoice.credit.fromReturn') },
          { value: 'discount', label: t('invoice.credit.discount') },
        ]}
        data-testid="credit-note-mode"
      />
      {mode === 'return' ? (
        <QueryState query={returns} compact isEmpty={(r) => r.length === 0} empty={<Text size="sm" c="dimmed">{t('invoice.credit.noReturns')}</Text>}>
          {(list) => (
            <Radio.Group value={returnId} onChange={setReturnId} label={t('invoice.credit.return')} error={server.returnId ?? above}>
              <Stack gap={6} mt={4}>
                {list.map((r) => (
                  <Radio
                    key={r.id}
                    value={String(r.id)}
                    label={`${fmt.date(r.date)} — ${r.reason || '—'}`}
                    description={r.lines.map((l) => `${l.item.sku}: ${fmt.qty(l.qtyMilli, l.item.unit)}`).join(' · ')}
                    data-testid={`credit-note-return-${r.id}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
        </QueryState>
      ) : (
        <>
          <Group grow align="flex-start">
            <TextInput
              label={t('invoice.credit.amount')}
              description={t('invoice.credit.max', { amount: fmt.money(inv.taxableCents - credited) })}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              rightSection="€"
              error={server.discountAmount ?? above}
              data-testid="credit-note-amount"
              data-autofocus
            />
            <TextInput label={t('invoice.credit.vat')} placeholder="22" value={vatRate} onChange={(e) => setVatRate(e.currentTarget.value)} rightSection="%" error={server.vatRate} data-testid="credit-note-vat" />
          </Group>
          <TextInput label={t('invoice.credit.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={server.description} data-testid="credit-note-description" />
        </>
      )}
      {create.error ? <ErrorAlert error={create.error} shownFields={['returnId', 'discountAmount', 'vatRate', 'description', 'invoice.discountAmount', 'invoice.returnId']} /> : null}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit} loading={create.isPending} disabled={!ready} data-testid="credit-note-create">
          {t('invoice.credit.create')}
        </Button>
      </Group>
    </Stack>
  );
}
