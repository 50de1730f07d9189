/** Invoices and payments settings: the overdue amount above which orders and shipments warn, the days of an immediate invoice, who pays the bollo. */
import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { parseDecimal } from '../../../src-shared/domain/decimal';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';

export function InvoicingSettingsCard() {
  const { t, fmt } = useI18n();
  // query-error: settings.get is loaded before any screen shows — I18nProvider waits for it and shows its error with Retry
  const settings = useApiQuery('settings.get', {}, { staleTime: Infinity });
  const update = useApiCommand('settings.update', { onSuccess: () => notifySaved(t('settings.invoicing.saved')) });
  const [warn, setWarn] = useState<string | null>(null);
  const [days, setDays] = useState<number | string>(12);
  const [bollo, setBollo] = useState(true);

  useEffect(() => {
    if (!settings.data || warn !== null) return;
    const s = settings.data.invoicing;
    setWarn(fmt.decimalInput(s.overdueWarnCents, 2, { minFractionDigits: 2 }));
    setDays(s.immediateInvoiceDays);
    setBollo(s.bolloChargedToCustomer);
  }, [settings.data, warn, fmt]);

  if (warn === null) return null;
  const server = fieldErrors(update.error, t);
  let warnCents: number | null = null;
  try {
    warnCents = parseDecimal(warn, 2);
  } catch {
    warnCents = null;
  }
  const warnError = warnCents === null || warnCents < 0 ? t('payments.register.amountInvalid') : undefined;
  const daysValue = typeof days === 'number' ? days : Number(days);
  const daysError = !Number.isInteger(daysValue) || daysValue < 1 || daysValue > 60 ? t('settings.invoicing.daysInvalid') : undefined;

  return (
    <Card withBorder radius="md" padding="lg" data-testid="invoicing-settings">
      <Text fw={600}>{t('settings.invoicing')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.invoicing.hint')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (warnError || daysError || warnCents === null) return;
          update.mutate({ invoicing: { overdueWarnCents: warnCents, immediateInvoiceDays: daysValue, bolloChargedToCustomer: bollo } });
        }}
      >
        <Stack gap="sm">
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput
              label={t('settings.invoicing.overdueWarn')}
              description={t('settings.invoicing.overdueWarn.hint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={warn}
              onChange={(e) => setWarn(e.currentTarget.value)}
              rightSection="€"
              w={380}
              error={warnError ?? server['invoicing.overdueWarnCents']}
              classNames={{ input: 'num' }}
              data-testid="settings-overdue-warn"
            />
            <NumberInput label={t('settings.invoicing.immediateDays')} value={days} onChange={setDays} min={1} max={60} allowDecimal={false} w={220} error={daysError ?? server['invoicing.immediateInvoiceDays']} data-testid="settings-immediate-days" />
          </Group>
          <Checkbox label={t('settings.invoicing.bolloCharged')} checked={bollo} onChange={(e) => setBollo(e.currentTarget.checked)} data-testid="settings-bollo-charged" />
          {update.error ? <ErrorAlert error={update.error} shownFields={['invoicing.overdueWarnCents', 'invoicing.immediateInvoiceDays']} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={warnError !== undefined || daysError !== undefined} data-testid="settings-invoicing-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
