/**
 * On the customer's page: its group, its own price lists, its line discount ("10+5") and
 * payment terms — editable — and what applies today and where it comes from (the
 * customer's own setting or the group's).
 */
import { useState } from 'react';
import { Button, Card, Grid, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { CustomerTerms } from '../../../src-shared/contract/prices';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { QueryError, QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import { PriceListsSelect } from '../prices/PriceListsSelect';
import { checkDiscounts } from '../prices/priceChecks';

const FIELDS = ['groupId', 'priceListIds', 'paymentTermsId', 'discounts'];

export function CustomerTermsCard({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const terms = useApiQuery('prices.getCustomerTerms', { customerId });
  return (
    <Card withBorder radius="md" padding="md" mb="md" data-testid="customer-terms">
      <Text fw={600} size="sm" mb="xs">
        {t('prices.customer.title')}
      </Text>
      <QueryState query={terms} compact>
        {(d) => <TermsForm key={JSON.stringify(d)} terms={d} />}
      </QueryState>
    </Card>
  );
}

function TermsForm({ terms }: { terms: CustomerTerms }) {
  const { t, fmt } = useI18n();
  const groups = useApiQuery('prices.listGroups', {});
  const lists = useApiQuery('prices.listLists', { q: '', includeArchived: false });
  const payment = useApiQuery('prices.listPaymentTerms', { includeArchived: false });
  const [groupId, setGroupId] = useState<string | null>(terms.group ? String(terms.group.id) : null);
  const [listIds, setListIds] = useState<string[]>(terms.priceLists.map((l) => String(l.id)));
  const [termsId, setTermsId] = useState<string | null>(terms.paymentTermsId !== null ? String(terms.paymentTermsId) : null);
  const [discounts, setDiscounts] = useState(terms.discounts === null ? '' : terms.discounts.join('+') || '0');
  const save = useApiCommand('prices.setCustomerTerms', { onSuccess: () => notifySaved(t('prices.customer.saved')) });
  const server = fieldErrors(save.error, t);
  const discountErr = checkDiscounts(discounts, t);
  const e = terms.effective;
  const source = (s: 'customer' | 'group' | 'customer_list' | 'group_list' | 'none') => t(s === 'customer' || s === 'customer_list' ? 'prices.customer.source.customer' : 'prices.customer.source.group');

  const submit = () => {
    if (discountErr) return;
    save.mutate({ customerId: terms.customerId, groupId: groupId ? Number(groupId) : null, priceListIds: listIds.map(Number), paymentTermsId: termsId ? Number(termsId) : null, discounts: discounts.trim() === '' ? null : discounts.trim() });
  };

  return (
    <Stack gap="sm">
      <QueryError queries={[groups, lists, payment]} compact />
      <Grid gap="sm">
        <Grid.Col span={6}>
          <Select
            label={t('prices.customer.group')}
            placeholder={t('prices.customer.group.none')}
            data={(groups.data?.groups ?? []).map((g) => ({ value: String(g.id), label: g.name }))}
            value={groupId}
            onChange={setGroupId}
            clearable
            searchable
            error={server.groupId}
            data-testid="customer-terms-group"
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput
            label={t('prices.customer.discount')}
            description={t('prices.customer.discount.hint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={discounts}
            onChange={(ev) => setDiscounts(ev.currentTarget.value)}
            rightSection="%"
            error={discountErr ?? server.discounts}
            data-testid="customer-terms-discount"
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <PriceListsSelect lists={lists.data?.lists} value={listIds} onChange={setListIds} label={t('prices.customer.lists')} description={t('prices.customer.lists.hint')} error={server.priceListIds} testId="customer-terms-lists" />
        </Grid.Col>
        <Grid.Col span={6}>
          <Select
            label={t('prices.customer.terms')}
            placeholder={t('prices.customer.terms.fromGroup')}
            data={(payment.data?.terms ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
            value={termsId}
            onChange={setTermsId}
            clearable
            searchable
            error={server.paymentTermsId}
            data-testid="customer-terms-payment"
          />
        </Grid.Col>
      </Grid>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={0} data-testid="customer-terms-effective">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('prices.customer.effective')}
          </Text>
          <Text size="sm">{e.priceList ? t('prices.customer.effective.list', { name: e.priceList.name, source: source(e.priceList.source) }) : t('prices.customer.effective.base')}</Text>
          <Text size="sm">{e.paymentTerms ? t('prices.customer.effective.terms', { name: e.paymentTerms.name, source: source(e.paymentTerms.source) }) : t('prices.customer.effective.noTerms')}</Text>
          <Text size="sm">{e.discounts.length > 0 ? t('prices.customer.effective.discount', { chain: e.discounts.join('+'), pct: fmt.number(Number(e.discountPct)), source: source(e.discountSource) }) : t('prices.customer.effective.noDiscount')}</Text>
        </Stack>
        <Button variant="light" onClick={submit} loading={save.isPending} disabled={discountErr !== null} data-testid="customer-terms-save">
          {t('common.save')}
        </Button>
      </Group>
      {save.error ? <ErrorAlert error={save.error} shownFields={FIELDS} /> : null}
    </Stack>
  );
}
