import { useEffect, useState } from 'react';
import { Button, Card, Group, Text } from '@mantine/core';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { DecimalInput } from '../../components/DecimalInput';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';

/** The margin under which the order editor colours a line or the order total (a share of the net price). */
export function MarginSettingsCard() {
  const { t } = useI18n();
  // query-error: settings.get is loaded before any screen shows — I18nProvider waits for it and shows its error with Retry
  const settings = useApiQuery('settings.get', {}, { staleTime: Infinity });
  const update = useApiCommand('settings.update', { onSuccess: () => notifySaved(t('settings.margins.saved')) });
  const [pct, setPct] = useState<string | number | null>(null);

  useEffect(() => {
    if (settings.data && pct === null) setPct(settings.data.sales.marginWarnPct);
  }, [settings.data, pct]);

  if (pct === null) return null;
  const server = fieldErrors(update.error, t);
  const value = typeof pct === 'number' ? pct : Number(pct.replace(',', '.'));
  const invalid = pct === '' || !Number.isFinite(value) || value < 0 || value > 100;

  return (
    <Card withBorder radius="md" padding="lg" data-testid="margin-settings">
      <Text fw={600}>{t('settings.margins')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.margins.hint')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (invalid) return;
          update.mutate({ sales: { marginWarnPct: value } });
        }}
      >
        <Group align="flex-start" gap="md">
          <DecimalInput
            label={t('settings.margins.warnBelow')}
            value={pct}
            onChange={setPct}
            min={0}
            max={100}
            allowNegative={false}
            decimalScale={2}
            rightSection={<Text size="xs" c="dimmed">%</Text>}
            w={220}
            error={invalid ? t('settings.margins.invalid') : server['sales.marginWarnPct']}
            data-testid="settings-margin-threshold"
          />
          <Button type="submit" mt={25} loading={update.isPending} disabled={invalid} data-testid="settings-margin-save">
            {t('common.save')}
          </Button>
        </Group>
        {update.error ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={update.error} shownFields={['sales.marginWarnPct']} />
          </div>
        ) : null}
      </form>
    </Card>
  );
}
