/**
 * The window when the data file is damaged (the server answered DB_DAMAGED: at start, or
 * after the background check found a bad page): what happened, and the backups to restore
 * from. After a restore the page reloads on the restored file.
 */
import { Alert, Card, Center, Stack, Text, Title } from '@mantine/core';
import { ApiError } from '../api/client';
import type { I18n } from '../i18n/I18nProvider';
import { BackupChooser } from './BackupChooser';
import { IconAlert } from './icons';

export function isDamaged(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'DB_DAMAGED';
}

export function RecoveryScreen({ i18n, error }: { i18n: I18n; error: unknown }) {
  const { t } = i18n;
  const details = error instanceof ApiError ? error.details : {};
  const dbPath = typeof details.dbPath === 'string' ? details.dbPath : null;
  const reason = typeof details.problem === 'string' ? details.problem : 'damaged';
  const known = ['missing', 'unreadable', 'empty', 'not_sqlite', 'truncated', 'damaged', 'not_bottega', 'too_new'] as const;
  const why = (known as readonly string[]).includes(reason) ? t(`restore.reason.${reason as (typeof known)[number]}`) : t('restore.reason.damaged');
  return (
    <Center mih="100dvh" p="md">
      <Card withBorder radius="md" padding="lg" w="100%" maw={860} data-testid="recovery-screen">
        <Stack gap="md">
          <Title order={2}>{t('recovery.title')}</Title>
          <Text size="sm">{t('recovery.body')}</Text>
          <Alert color="red" icon={<IconAlert />} title={t('recovery.what')}>
            <Text size="sm" fw={600}>
              {why}
            </Text>
            <Text size="xs" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {error instanceof Error ? error.message : String(error)}
            </Text>
            {dbPath ? (
              <Text size="xs" c="dimmed" mt={4} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {t('recovery.file')}: {dbPath}
              </Text>
            ) : null}
          </Alert>
          <BackupChooser i18n={i18n} onRestored={() => window.location.reload()} />
        </Stack>
      </Card>
    </Center>
  );
}
