/** A payment-terms template: name, method (MP05 bonifico, MP12 RiBa…), days ("30/60"), end of month, cash on delivery. */
import { useState } from 'react';
import { Button, Select, Stack, Switch, TextInput } from '@mantine/core';
import { PAYMENT_METHODS, type PaymentMethod, type PaymentTerms } from '../../../src-shared/contract/prices';
import { useApiCommand } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { SubmitForm } from '../../components/SubmitForm';
import { useI18n } from '../../i18n/I18nProvider';
import { SaveFooter } from './SaveFooter';
import { parseDays } from './priceChecks';

const FIELDS = ['name', 'method', 'days', 'endOfMonth', 'cashOnDelivery'];

export function PaymentTermsForm({ terms, onDone }: { terms: PaymentTerms | null; onDone(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(terms?.name ?? '');
  const [method, setMethod] = useState<PaymentMethod>(terms?.method ?? 'MP05');
  const [days, setDays] = useState(terms?.days.join('/') ?? '30');
  const [endOfMonth, setEndOfMonth] = useState(terms?.endOfMonth ?? false);
  const [cod, setCod] = useState(terms?.cashOnDelivery ?? false);
  const [tried, setTried] = useState(false);
  const create = useApiCommand('prices.createPaymentTerms');
  const update = useApiCommand('prices.updatePaymentTerms');
  const archive = useApiCommand('prices.archivePaymentTerms', { onSuccess: onDone });
  const save = terms ? update : create;
  const server = fieldErrors(save.error, t);
  const parsed = parseDays(days);

  const submit = () => {
    setTried(true);
    if (!parsed || name.trim() === '') return;
    const body = { name: name.trim(), method, days: parsed, endOfMonth, cashOnDelivery: cod };
    const done = () => {
      notifySaved(t('prices.terms.saved', { name: body.name }));
      onDone();
    };
    if (terms) update.mutate({ ...body, id: terms.id }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };

  return (
    <SubmitForm onSubmit={submit} data-testid="payment-terms-form">
      <Stack gap="sm">
        <TextInput label={t('prices.terms.field.name')} placeholder="Bonifico 30 gg DF" value={name} onChange={(e) => setName(e.currentTarget.value)} error={(tried && name.trim() === '' ? t('prices.check.nameRequired') : undefined) ?? server.name} required data-autofocus data-testid="payment-terms-name" />
        <Select
          label={t('prices.terms.field.method')}
          data={PAYMENT_METHODS.map((m) => ({ value: m, label: `${m} · ${t(`prices.method.${m}`)}` }))}
          value={method}
          onChange={(v) => v && setMethod(v as PaymentMethod)}
          allowDeselect={false}
          error={server.method}
          data-testid="payment-terms-method"
        />
        <TextInput
          label={t('prices.terms.field.days')}
          description={t('prices.terms.field.days.hint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={days}
          onChange={(e) => setDays(e.currentTarget.value)}
          error={(parsed ? undefined : t('prices.check.days')) ?? server.days}
          data-testid="payment-terms-days"
        />
        <Switch label={t('prices.terms.field.endOfMonth')} description={t('prices.terms.field.endOfMonth.hint')} checked={endOfMonth} onChange={(e) => setEndOfMonth(e.currentTarget.checked)} />
        <Switch label={t('prices.terms.field.cod')} description={t('prices.terms.field.cod.hint')} checked={cod} onChange={(e) => setCod(e.currentTarget.checked)} />
        {save.error ? <ErrorAlert error={save.error} shownFields={FIELDS} /> : null}
        {archive.error ? <ErrorAlert error={archive.error} /> : null}
        <SaveFooter
          left={
            terms ? (
              <Button variant="subtle" color="gray" onClick={() => archive.mutate({ id: terms.id, archived: !terms.archived })} loading={archive.isPending}>
                {terms.archived ? t('common.restore') : t('common.archive')}
              </Button>
            ) : undefined
          }
          onCancel={onDone}
          saving={save.isPending}
          testId="payment-terms-save"
        />
      </Stack>
    </SubmitForm>
  );
}
