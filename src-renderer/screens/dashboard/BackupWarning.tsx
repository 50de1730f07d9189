/** The dashboard's warning when backups would not save the user: none recent, or on the database's own disk. */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { useCallerRole } from '../../api/caller';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { QueryError } from '../../components/QueryState';

export function BackupWarning() {
  const { t, fmt } = useI18n();
  // backups are the owner's: another role's dashboard does not ask (the registry would refuse)
  const owner = useCallerRole() === 'owner';
  const status = useApiQuery('backups.status', {}, { enabled: owner });
  const s = status.data;
  if (!owner) return null;
  if (!s) return <QueryError query={status} compact what={t('backups.warn.title')} />;
  const lines: string[] = [];
  if (s.folderMissing) lines.push(t('backups.warn.folderMissing', { folder: s.folder }));
  // an unreachable folder is the problem already said, in the user's language
  else if (s.lastProblem) lines.push(t('backups.warn.problem', { message: s.lastProblem }));
  if (s.overdue) lines.push(s.lastGood ? t('backups.warn.overdue', { date: fmt.dateTime(s.lastGood.at) }) : t('backups.warn.none'));
  if (s.sameDisk) lines.push(t('backups.warn.sameDisk'));
  if (lines.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title={t('backups.warn.title')} mb="md" data-testid="backup-warning">
      <Stack gap={4}>
        {lines.map((l) => (
          <Text key={l} size="sm">
            {l}
          </Text>
        ))}
        <div>
          <Button size="xs" variant="light" color="yellow" onClick={() => navigate('/settings')} data-testid="backup-warning-open">
            {t('backups.warn.open')}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
