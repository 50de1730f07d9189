import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { errorText } from './errors';
import { IconAlert } from './icons';
import type { I18n } from '../i18n/I18nProvider';
import { isDamaged, RecoveryScreen } from './RecoveryScreen';

/** Before the settings are known: a loader, why the app could not start, or — for a damaged file — the recovery screen. */
export function StartupScreen({ i18n, error, onRetry }: { i18n: I18n; error: unknown; onRetry: () => void }) {
  const { t } = i18n;
  if (isDamaged(error)) return <RecoveryScreen i18n={i18n} error={error} />;
  if (!error) {
    return (
      <Center h="100dvh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return (
    <Center h="100dvh" p="md">
      <Stack maw={520}>
        <Alert color="red" icon={<IconAlert />} title={t('error.startup')} data-testid="startup-error">
          <Text size="sm">{errorText(error, t)}</Text>
        </Alert>
        <Button variant="default" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Center>
  );
}
