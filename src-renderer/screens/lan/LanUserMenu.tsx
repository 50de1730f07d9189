import { Button, Group, Text } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import { useLanSession } from './LanGate';

/** In the header on the LAN door: who is logged in on this device, and the way out. Nothing elsewhere. */
export function LanUserMenu() {
  const session = useLanSession();
  const { t } = useI18n();
  if (!session) return null;
  return (
    <Group gap="xs" wrap="nowrap" data-testid="lan-user">
      <Text size="sm" fw={600} truncate maw={160} title={t('lan.user.signedInAs', { name: session.user.name })}>
        {session.user.name}
      </Text>
      <Button size="compact-sm" variant="default" onClick={() => void session.logout()} data-testid="lan-logout">
        {t('lan.user.logout')}
      </Button>
    </Group>
  );
}
