import { Card, Switch, Text } from '@mantine/core';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { QueryError } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * "Check for updates" (settings.updates.check, off until turned on). The desktop app reads
 * it at start-up; it only ever asks, and installs when the user quits (src-main/electron/updates.ts).
 */
export function UpdatesCard() {
  const { t } = useI18n();
  const settings = useApiQuery('settings.get', {}, { staleTime: Infinity });
  const update = useApiCommand('settings.update', { onSuccess: () => notifySaved(t('settings.updates.title')) });
  if (!settings.data) return <QueryError query={settings} what={t('settings.updates.title')} />;
  const checked = update.variables?.updates?.check ?? settings.data.updates.check;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="updates-card">
      <Text fw={600} mb="xs">
        {t('settings.updates.title')}
      </Text>
      <Switch
        checked={checked}
        onChange={(e) => update.mutate({ updates: { check: e.currentTarget.checked } })}
        label={t('settings.updates.check')}
        description={t('settings.updates.hint')}
        data-testid="updates-check"
      />
      {update.error ? <ErrorAlert error={update.error} /> : null}
    </Card>
  );
}
