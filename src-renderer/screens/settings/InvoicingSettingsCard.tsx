/**
 * Invoices and payments settings: the overdue amount above which orders and shipments warn,
 * the days of an immediate invoice, the bollo (who pays it, which Natura codes count toward
 * 77,47 €), the shop channels whose consumers get an invoice only when asked, and the months
 * whose due dates move to a day of the next month ("escluso agosto e dicembre").
 */
import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Group, MultiSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { NATURA_CODES } from '../../../src-shared/contract/invoicing';
import { ORDER_CHANNELS } from '../../../src-shared/contract/orders';
import { parseDecimal } from '../../../src-shared/domain/decimal';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';

export function InvoicingSettingsCard() {
  const { t, fmt, locale } = useI18n();
  // query-error: settings.get is loaded before any screen shows — I18nProvider waits for it and shows its error with Retry
  const settings = useApiQuery('settings.get', {}, { staleTime: Infinity });
  const update = useApiCommand('settings.update', { onSuccess: () => notifySaved(t('settings.invoicing.saved')) });
  const [warn, setWarn] = useState<string | null>(null);
  const [days, setDays] = useState<number | string>(12);
  const [bollo, setBollo] = useState(true);
  const [bolloNature, setBolloNature] = useState<string[]>([]);
  const [channels, setChannels] = useState<string[]>([]);
  const [skipMonths, setSkipMonths] = useState<string[]>([]);
  const [skipDay, setSkipDay] = useState<number | string>(10);

  useEffect(() => {
    if (!settings.data || warn !== null) return;
    const s = settings.data.invoicing;
    setWarn(fmt.decimalInput(s.overdueWarnCents, 2, { minFractionDigits: 2 }));
    setDays(s.immediateInvoiceDays);
    setBollo(s.bolloChargedToCustomer);
    setBolloNature(s.bolloNature);
    setChannels(s.consumerChannelsWithoutInvoice);
    setSkipMonths(s.skipMonths.map(String));
    setSkipDay(s.skipMonthDay);
  }, [settings.data, warn, fmt]);
  const monthName = (m: number) => new Intl.DateTimeFormat(locale, { month: 'long' }).format(new Date(2026, m - 1, 15));

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
  const skipDayValue = typeof skipDay === 'number' ? skipDay : Number(skipDay);
  const skipDayError = !Number.isInteger(skipDayValue) || skipDayValue < 1 || skipDayValue > 28 ? t('settings.invoicing.skipDayInvalid') : undefined;

  return (
    <Card withBorder radius="md" padding="lg" data-testid="invoicing-settings">
      <Text fw={600}>{t('settings.invoicing')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.invoicing.hint')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (warnError || daysError || skipDayError || warnCents === null) return;
          update.mutate({
            invoicing: {
              overdueWarnCents: warnCents,
              immediateInvoiceDays: daysValue,
              bolloChargedToCustomer: bollo,
              bolloNature,
              consumerChannelsWithoutInvoice: channels,
              skipMonths: skipMonths.map(Number).sort((a, b) => a - b),
              skipMonthDay: skipDayValue,
            },
          });
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
            <NumberInput label={t('settings.invoicing.immediateDays')} value={days} onChange={setDays} min={1} max={60} allowDecimal={false} w={280} error={daysError ?? server['invoicing.immediateInvoiceDays']} data-testid="settings-immediate-days" />
          </Group>
          <Checkbox label={t('settings.invoicing.bolloCharged')} checked={bollo} onChange={(e) => setBollo(e.currentTarget.checked)} data-testid="settings-bollo-charged" />
          <MultiSelect
            label={t('settings.invoicing.bolloNature')}
            description={t('settings.invoicing.bolloNature.hint')}
            data={[...NATURA_CODES]}
            value={bolloNature}
            onChange={setBolloNature}
            searchable
            error={server['invoicing.bolloNature']}
            data-testid="settings-bollo-nature"
          />
          <MultiSelect
            label={t('settings.invoicing.consumerChannels')}
            description={t('settings.invoicing.consumerChannels.hint')}
            data={ORDER_CHANNELS.map((c) => ({ value: c, label: t(`orders.channel.${c}`) }))}
            value={channels}
            onChange={setChannels}
            error={server['invoicing.consumerChannelsWithoutInvoice']}
            data-testid="settings-consumer-channels"
          />
          <Group align="flex-start" gap="md" wrap="wrap">
            <MultiSelect
              label={t('settings.invoicing.skipMonths')}
              description={t('settings.invoicing.skipMonths.hint')}
              data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1) }))}
              value={skipMonths}
              onChange={setSkipMonths}
              w={380}
              error={server['invoicing.skipMonths']}
              data-testid="settings-skip-months"
            />
            <NumberInput label={t('settings.invoicing.skipDay')} value={skipDay} onChange={setSkipDay} min={1} max={28} allowDecimal={false} w={220} error={skipDayError ?? server['invoicing.skipMonthDay']} data-testid="settings-skip-day" />
          </Group>
          {update.error ? <ErrorAlert error={update.error} shownFields={['invoicing.overdueWarnCents', 'invoicing.immediateInvoiceDays', 'invoicing.bolloNature', 'invoicing.consumerChannelsWithoutInvoice', 'invoicing.skipMonths', 'invoicing.skipMonthDay']} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={warnError !== undefined || daysError !== undefined || skipDayError !== undefined} data-testid="settings-invoicing-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
