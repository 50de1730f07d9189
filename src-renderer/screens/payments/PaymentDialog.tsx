/**
 * Register a payment against one instalment: date, amount (what is due, or part of it),
 * method. More than what is due is refused by the server, naming the amount; the dialog
 * says it under the field before that.
 */
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../src-shared/contract/prices';
import { parseDecimal } from '../../../src-shared/domain/decimal';
import { useApiCommand } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { today } from '../orders/orderBits';

export interface PayableInstalment {
  id: number;
  dueDate: string;
  amountCents: number;
  paidCents: number;
  method: string;
  /** "12/2026 · Erboristeria Il Tiglio" */
  label: string;
}

const FIELDS = ['date', 'amount', 'method', 'notes'];

/** "120,50" → 12050; null when it is not a number. */
function centsOf(text: string): number | null {
  try {
    return parseDecimal(text, 2);
  } catch {
    return null;
  }
}

export function PaymentDialog({ instalment, onClose }: { instalment: PayableInstalment | null; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal opened={instalment !== null} onClose={onClose} title={<Text fw={650}>{t('payments.register.title')}</Text>} data-testid="payment-dialog">
      {instalment ? <PaymentForm key={instalment.id} instalment={instalment} onClose={onClose} /> : null}
    </Modal>
  );
}

function PaymentForm({ instalment, onClose }: { instalment: PayableInstalment; onClose(): void }) {
  const { t, fmt } = useI18n();
  const dueCents = instalment.amountCents - instalment.paidCents;
  const [date, setDate] = useState(today());
  const [amount, setAmount] = useState(fmt.decimalInput(dueCents, 2, { minFractionDigits: 2 }));
  const [method, setMethod] = useState<PaymentMethod>((PAYMENT_METHODS as readonly string[]).includes(instalment.method) ? (instalment.method as PaymentMethod) : 'MP05');
  const [notes, setNotes] = useState('');
  const save = useApiCommand('invoicing.registerPayment', {
    onSuccess: (after) => {
      notifySaved(after.state === 'paid' ? t('payments.register.paid') : t('payments.register.partial', { left: fmt.money(after.amountCents - after.paidCents) }));
      onClose();
    },
  });
  const server = fieldErrors(save.error, t);
  const typed = centsOf(amount);
  const amountError =
    amount.trim() === '' ? t('invoice.new.required') : typed === null || typed <= 0 ? t('payments.register.amountInvalid') : typed > dueCents ? t('payments.register.tooMuch', { due: fmt.money(dueCents) }) : undefined;
  const submit = () => {
    if (amountError || date === '') return;
    save.mutate({ instalmentId: instalment.id, date, amount: amount.trim(), method, notes });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          {instalment.label} · {t('payments.register.due', { date: fmt.date(instalment.dueDate), amount: fmt.money(dueCents) })}
        </Text>
        <Group grow align="flex-start">
          <DateField label={t('payments.col.paidOn')} value={date} onChange={setDate} required error={date === '' ? t('invoice.new.required') : server.date} data-testid="payment-date" />
          <TextInput label={t('payments.col.amount')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} rightSection="€" error={amountError ?? server.amount} classNames={{ input: 'num' }} data-testid="payment-amount" data-autofocus />
        </Group>
        <Select
          label={t('invoice.col.method')}
          data={PAYMENT_METHODS.map((m) => ({ value: m, label: `${t(`prices.method.${m}`)} (${m})` }))}
          value={method}
          onChange={(v) => v && setMethod(v as PaymentMethod)}
          allowDeselect={false}
          error={server.method}
          data-testid="payment-method"
        />
        <TextInput label={t('payments.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={server.notes} data-testid="payment-notes" />
        {save.error ? <ErrorAlert error={save.error} shownFields={FIELDS} /> : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={amountError !== undefined || date === ''} data-testid="payment-save">
            {t('payments.register.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
