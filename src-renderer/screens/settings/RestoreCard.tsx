/** Settings → "Restore from a backup": choose, check, confirm; the app then reloads on the restored file. */
import { Card, Text } from '@mantine/core';
import { BackupChooser } from '../../components/BackupChooser';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';

export function RestoreCard() {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="restore-card">
      <Text fw={600} mb="xs">
        {t('restore.card.title')}
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('restore.card.body')}
      </Text>
      <BackupChooser
        i18n={i18n}
        onRestored={(r) => {
          notifySaved(r.previous ? t('restore.done', { path: r.previous }) : t('restore.done.noPrevious'));
          // every screen reads the restored file from scratch
          setTimeout(() => window.location.reload(), 1500);
        }}
      />
    </Card>
  );
}
