/**
 * A price list's own fields: name, prices with or without VAT, valid from/to, the
 * free-shipping threshold and notes. The server's problems (a validity that overlaps
 * another list of the same customer or group) show under the field they name.
 */
import { useState } from 'react';
import { Grid, Switch, Text, TextInput, Textarea } from '@mantine/core';
import type { PriceList } from '../../../src-shared/contract/prices';
import { useApiCommand } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { SubmitForm } from '../../components/SubmitForm';
import { useI18n } from '../../i18n/I18nProvider';
import { SaveFooter } from './SaveFooter';
import { checkPrice } from './priceChecks';

const FIELDS = ['name', 'vatIncluded', 'validFrom', 'validTo', 'freeShippingOver', 'notes'];

export function PriceListForm({ list, onSaved, onCancel }: { list: PriceList | null; onSaved(l: PriceList): void; onCancel?: () => void }) {
  const { t, fmt } = useI18n();
  const [name, setName] = useState(list?.name ?? '');
  const [vatIncluded, setVatIncluded] = useState(list?.vatIncluded ?? false);
  const [validFrom, setValidFrom] = useState(list?.validFrom ?? '');
  const [validTo, setValidTo] = useState(list?.validTo ?? '');
  const [freeOver, setFreeOver] = useState(list?.freeShippingOverCents != null ? fmt.decimalInput(list.freeShippingOverCents, 2, { minFractionDigits: 2 }) : '');
  const [notes, setNotes] = useState(list?.notes ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const create = useApiCommand('prices.createList');
  const update = useApiCommand('prices.updateList');
  const save = list ? update : create;
  const server = fieldErrors(save.error, t);
  const err = (f: string) => local[f] ?? server[f];

  const submit = () => {
    const e: Record<string, string> = {};
    if (name.trim() === '') e.name = t('prices.check.nameRequired');
    if (validFrom && validTo && validTo < validFrom) e.validTo = t('prices.check.validTo');
    const free = checkPrice(freeOver, t, { optional: true });
    if (free) e.freeShippingOver = free;
    setLocal(e);
    if (Object.keys(e).length > 0) return;
    const body = { name: name.trim(), vatIncluded, validFrom: validFrom || null, validTo: validTo || null, freeShippingOver: freeOver.trim() || undefined, notes };
    const done = (l: PriceList) => {
      notifySaved(t('prices.list.saved', { name: l.name }));
      onSaved(l);
    };
    if (list) update.mutate({ ...body, id: list.id }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };

  return (
    <SubmitForm onSubmit={submit} data-testid="price-list-form">
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput label={t('prices.list.field.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={err('name')} required data-autofocus data-testid="price-list-name" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput
            label={t('prices.list.field.freeShippingOver')}
            description={t('prices.list.field.freeShippingOver.hint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={freeOver}
            onChange={(e) => setFreeOver(e.currentTarget.value)}
            rightSection={<Text size="xs" c="dimmed">€</Text>}
            inputMode="decimal"
            error={err('freeShippingOver')}
            data-testid="price-list-free-shipping"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <DateField label={t('prices.list.field.validFrom')} value={validFrom} onChange={setValidFrom} error={err('validFrom')} data-testid="price-list-valid-from" />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <DateField label={t('prices.list.field.validTo')} value={validTo} onChange={setValidTo} error={err('validTo')} data-testid="price-list-valid-to" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }} pt={34}>
          <Switch label={t('prices.list.field.vatIncluded')} description={t('prices.list.field.vatIncluded.hint')} checked={vatIncluded} onChange={(e) => setVatIncluded(e.currentTarget.checked)} data-testid="price-list-vat-included" />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label={t('prices.list.field.notes')} autosize minRows={1} maxRows={4} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={err('notes')} />
        </Grid.Col>
      </Grid>
      {save.error ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={save.error} shownFields={FIELDS} />
        </div>
      ) : null}
      <SaveFooter onCancel={onCancel} saving={save.isPending} testId="price-list-save" />
    </SubmitForm>
  );
}
