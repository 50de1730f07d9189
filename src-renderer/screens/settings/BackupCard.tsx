/** "Download a backup": a consistent copy of the whole database, made now (the same online backup as `bottega backup`). */
import { useState } from 'react';
import { Button, Card, Text } from '@mantine/core';
import { downloadBackup } from '../../api/files';
import { errorText } from '../../components/errors';
import { notifyError, notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';

export function BackupCard() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const b = await downloadBackup();
      notifySaved(b.downloaded ? b.fileName : t('backup.saved', { path: b.path }));
    } catch (err) {
      notifyError(t('backup.title'), errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder radius="md" padding="lg">
      <Text fw={600} mb="xs">
        {t('backup.title')}
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('backup.body')}
      </Text>
      <Button variant="default" loading={busy} onClick={() => void run()} data-testid="backup-download">
        {t('backup.download')}
      </Button>
    </Card>
  );
}
