/** A customer group's name, lists, default payment terms and line discount ("10+5"). */
import { useState } from 'react';
import { Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import type { CustomerGroup } from '../../../src-shared/contract/prices';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { QueryError } from '../../components/QueryState';
import { SubmitForm } from '../../components/SubmitForm';
import { useI18n } from '../../i18n/I18nProvider';
import { SaveFooter } from './SaveFooter';
import { PriceListsSelect } from './PriceListsSelect';
import { checkDiscounts } from './priceChecks';

const FIELDS = ['name', 'priceListIds', 'paymentTermsId', 'discounts', 'notes'];

export function GroupForm({ group, onDone }: { group: CustomerGroup | null; onDone(): void }) {
  const { t } = useI18n();
  const lists = useApiQuery('prices.listLists', { q: '', includeArchived: false });
  const terms = useApiQuery('prices.listPaymentTerms', { includeArchived: false });
  const [name, setName] = useState(group?.name ?? '');
  const [listIds, setListIds] = useState<string[]>(group?.priceLists.map((l) => String(l.id)) ?? []);
  const [termsId, setTermsId] = useState<string | null>(group?.paymentTerms ? String(group.paymentTerms.id) : null);
  const [discounts, setDiscounts] = useState(group?.discounts.join('+') ?? '');
  const [notes, setNotes] = useState(group?.notes ?? '');
  const [tried, setTried] = useState(false);
  const create = useApiCommand('prices.createGroup');
  const update = useApiCommand('prices.updateGroup');
  const remove = useApiCommand('prices.deleteGroup', { onSuccess: onDone });
  const save = group ? update : create;
  const server = fieldErrors(save.error, t);
  const discountErr = checkDiscounts(discounts, t);
  const nameErr = tried && name.trim() === '' ? t('prices.check.nameRequired') : undefined;

  const submit = () => {
    setTried(true);
    if (discountErr || name.trim() === '') return;
    const body = { name: name.trim(), priceListIds: listIds.map(Number), paymentTermsId: termsId ? Number(termsId) : null, discounts: discounts.trim(), notes };
    const done = () => {
      notifySaved(t('prices.group.saved', { name: body.name }));
      onDone();
    };
    if (group) update.mutate({ ...body, id: group.id }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };

  return (
    <SubmitForm onSubmit={submit} data-testid="price-group-form">
      <Stack gap="sm">
        <QueryError queries={[lists, terms]} compact />
        <TextInput label={t('prices.group.field.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameErr ?? server.name} required data-autofocus data-testid="price-group-name" />
        <PriceListsSelect lists={lists.data?.lists} value={listIds} onChange={setListIds} label={t('prices.group.field.lists')} description={t('prices.group.field.lists.hint')} error={server.priceListIds} testId="price-group-lists" />
        <Group grow align="flex-start">
          <Select
            label={t('prices.group.field.terms')}
            data={(terms.data?.terms ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
            value={termsId}
            onChange={setTermsId}
            clearable
            searchable
            error={server.paymentTermsId}
            data-testid="price-group-terms"
          />
          <TextInput
            label={t('prices.group.field.discount')}
            description={t('prices.discount.hint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={discounts}
            onChange={(e) => setDiscounts(e.currentTarget.value)}
            rightSection="%"
            error={(tried || discounts.trim() !== '' ? discountErr : null) ?? server.discounts}
            data-testid="price-group-discount"
          />
        </Group>
        <Textarea label={t('prices.group.field.notes')} autosize minRows={1} maxRows={4} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        {save.error ? <ErrorAlert error={save.error} shownFields={FIELDS} /> : null}
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        <SaveFooter
          left={
            group ? (
              <Button variant="subtle" color="red" onClick={() => remove.mutate({ id: group.id })} loading={remove.isPending} data-testid="price-group-delete">
                {t('prices.group.delete')}
              </Button>
            ) : undefined
          }
          onCancel={onDone}
          saving={save.isPending}
          testId="price-group-save"
        />
      </Stack>
    </SubmitForm>
  );
}
