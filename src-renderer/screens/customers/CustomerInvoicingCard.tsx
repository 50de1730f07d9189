/**
 * On the customer's page: how they are invoiced — an invoice always, never unless asked
 * (consumers of a web shop), or as their channel says; the Natura of their 0 % lines
 * (N3.2 intra-EU, N3.1 export, N3.5 with a dichiarazione d'intento) and its protocol.
 * The fiscal fields themselves (SDI code, PEC, codice fiscale, country) are in the form below.
 */
import { useState } from 'react';
import { Button, Card, Grid, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { NATURA_CODES, type CustomerInvoicing, type NaturaCode } from '../../../src-shared/contract/invoicing';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';

export function CustomerInvoicingCard({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const q = useApiQuery('invoicing.customerSettings', { customerId });
  return (
    <Card withBorder radius="md" padding="md" mb="md" data-testid="customer-invoicing">
      <Text fw={600} size="sm" mb="xs">
        {t('customer.invoicing.title')}
      </Text>
      <QueryState query={q} compact>
        {(d) => <Form key={JSON.stringify(d)} s={d} />}
      </QueryState>
    </Card>
  );
}

const wants = (v: boolean | null) => (v === null ? 'channel' : v ? 'yes' : 'no');

function Form({ s }: { s: CustomerInvoicing }) {
  const { t } = useI18n();
  const [wantsInvoice, setWants] = useState(wants(s.wantsInvoice));
  const [natura, setNatura] = useState<string | null>(s.defaultNatura);
  const [intent, setIntent] = useState(s.intentDeclaration);
  const save = useApiCommand('invoicing.setCustomerSettings', { onSuccess: () => notifySaved(t('customer.invoicing.saved')) });
  const server = fieldErrors(save.error, t);
  const dirty = wantsInvoice !== wants(s.wantsInvoice) || natura !== s.defaultNatura || intent !== s.intentDeclaration;
  return (
    <Stack gap="sm">
      <Grid gap="sm">
        <Grid.Col span={6}>
          <Select
            label={t('customer.invoicing.wantsInvoice')}
            description={t('customer.invoicing.wantsInvoice.hint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            data={(['channel', 'yes', 'no'] as const).map((w) => ({ value: w, label: t(`customer.invoicing.wantsInvoice.${w}`) }))}
            value={wantsInvoice}
            onChange={(v) => v && setWants(v as 'channel' | 'yes' | 'no')}
            allowDeselect={false}
            error={server.wantsInvoice}
            data-testid="customer-invoicing-wants"
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <Select
            label={t('customer.invoicing.natura')}
            placeholder={t('customer.invoicing.natura.none')}
            data={[...NATURA_CODES]}
            value={natura}
            onChange={setNatura}
            clearable
            searchable
            error={server.defaultNatura}
            data-testid="customer-invoicing-natura"
          />
        </Grid.Col>
        {natura === 'N3.5' || intent !== '' ? (
          <Grid.Col span={12}>
            <TextInput label={t('customer.invoicing.intent')} value={intent} onChange={(e) => setIntent(e.currentTarget.value)} error={server.intentDeclaration} data-testid="customer-invoicing-intent" />
          </Grid.Col>
        ) : null}
      </Grid>
      {save.error ? <ErrorAlert error={save.error} shownFields={['wantsInvoice', 'defaultNatura', 'intentDeclaration']} /> : null}
      <Group justify="flex-end">
        <Button
          variant="light"
          disabled={!dirty}
          loading={save.isPending}
          onClick={() => save.mutate({ customerId: s.customerId, wantsInvoice: wantsInvoice === 'channel' ? null : wantsInvoice === 'yes', defaultNatura: natura as NaturaCode | null, intentDeclaration: intent })}
          data-testid="customer-invoicing-save"
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
