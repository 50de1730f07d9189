import { useEffect, useState } from 'react';
import { Button, Card, Code, Grid, Group, NativeSelect, NumberInput, Text, TextInput } from '@mantine/core';
import { formatLotCode, isValidLotPattern } from '../../../src-shared/domain/lotCode';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';

type ExpiryRule = 'shelf_life' | 'earliest_ingredient';

/** Lot codes, the "expiring soon" window and how a finished lot's expiry is set. */
export function StockSettingsCard() {
  const { t } = useI18n();
  // query-error: settings.get is loaded before any screen shows — I18nProvider waits for it and shows its error with Retry
  const settings = useApiQuery('settings.get', {}, { staleTime: Infinity });
  const update = useApiCommand('settings.update', { onSuccess: () => notifySaved(t('settings.stock.saved')) });
  const [pattern, setPattern] = useState<string | null>(null);
  const [days, setDays] = useState<string | number>(30);
  const [rule, setRule] = useState<ExpiryRule>('shelf_life');

  useEffect(() => {
    if (settings.data && pattern === null) {
      setPattern(settings.data.inventory.lotCodePattern);
      setDays(settings.data.inventory.expiringSoonDays);
      setRule(settings.data.production.expiryRule);
    }
  }, [settings.data, pattern]);

  if (pattern === null) return null;
  const valid = isValidLotPattern(pattern);
  const today = new Date().toISOString().slice(0, 10);
  const server = fieldErrors(update.error, t);

  return (
    <Card withBorder radius="md" padding="lg">
      <Text fw={600}>{t('settings.stock')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.stock.hint')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          update.mutate({
            inventory: { lotCodePattern: pattern, expiringSoonDays: days === '' ? 0 : Number(days) },
            production: { expiryRule: rule },
          });
        }}
      >
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('settings.stock.lotPattern')}
              description={t('settings.stock.lotPattern.hint')}
              value={pattern}
              onChange={(e) => setPattern(e.currentTarget.value)}
              classNames={{ input: 'mono-input' }}
              error={!valid ? t('settings.stock.lotPattern.invalid') : server['inventory.lotCodePattern']}
              data-testid="settings-lot-pattern"
            />
            {valid ? (
              <Text size="xs" c="dimmed" mt={4}>
                {t('settings.stock.lotPattern.example')} <Code>{formatLotCode(pattern, today, 'SKU', 1)}</Code>
              </Text>
            ) : null}
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput
              label={t('settings.stock.expiringDays')}
              description={t('settings.stock.expiringDays.hint')}
              value={days}
              onChange={setDays}
              min={0}
              max={3650}
              allowDecimal={false}
              allowNegative={false}
              error={server['inventory.expiringSoonDays']}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <NativeSelect
              label={t('settings.stock.expiryRule')}
              value={rule}
              onChange={(e) => setRule(e.currentTarget.value as ExpiryRule)}
              data={[
                { value: 'shelf_life', label: t('settings.stock.expiryRule.shelf_life') },
                { value: 'earliest_ingredient', label: t('settings.stock.expiryRule.earliest_ingredient') },
              ]}
            />
          </Grid.Col>
        </Grid>
        {update.error ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={update.error} shownFields={['inventory.lotCodePattern', 'inventory.expiringSoonDays']} />
          </div>
        ) : null}
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={update.isPending} disabled={!valid}>
            {t('common.save')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}
