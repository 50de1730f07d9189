import { Alert, Button, Card, Center, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useApiCommand } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { IconAlert, IconInventory, IconLogo, IconPlus } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';

/** The first time a database is opened: start empty, or explore with the demo workshop. */
export function FirstRunScreen({ dbPath }: { dbPath: string }) {
  const { t } = useI18n();
  const onDone = () => navigate('/', { replace: true });
  const startEmpty = useApiCommand('system.startEmpty', { onSuccess: onDone });
  const loadDemo = useApiCommand('system.loadDemo', { onSuccess: onDone });
  const busy = startEmpty.isPending || loadDemo.isPending;
  const failed = loadDemo.error ?? startEmpty.error;

  return (
    <Center mih="100dvh" p="lg" className="first-run">
      <Stack maw={760} w="100%" gap="xl">
        <Stack gap="xs" align="center" ta="center">
          <ThemeIcon size={56} radius="xl" variant="light">
            <IconLogo size={30} />
          </ThemeIcon>
          <Title order={1} fz={30}>
            {t('firstRun.title')}
          </Title>
          <Text c="dimmed" maw={560}>
            {t('firstRun.subtitle')}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Card withBorder radius="md" padding="lg">
            <Stack gap="sm" h="100%">
              <ThemeIcon variant="light" color="gray" size="lg">
                <IconPlus />
              </ThemeIcon>
              <Text fw={600} size="lg">
                {t('firstRun.empty.title')}
              </Text>
              <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                {t('firstRun.empty.description')}
              </Text>
              <Button
                variant="default"
                onClick={() => startEmpty.mutate({})}
                loading={startEmpty.isPending}
                disabled={busy}
                data-testid="first-run-empty"
              >
                {t('firstRun.empty.action')}
              </Button>
            </Stack>
          </Card>
          <Card withBorder radius="md" padding="lg">
            <Stack gap="sm" h="100%">
              <ThemeIcon variant="light" size="lg">
                <IconInventory />
              </ThemeIcon>
              <Text fw={600} size="lg">
                {t('firstRun.demo.title')}
              </Text>
              <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                {t('firstRun.demo.description')}
              </Text>
              <Button onClick={() => loadDemo.mutate({ seed: 1 })} loading={loadDemo.isPending} disabled={busy} data-testid="first-run-demo">
                {t('firstRun.demo.action')}
              </Button>
            </Stack>
          </Card>
        </SimpleGrid>
        {failed ? (
          <Alert color="red" variant="light" icon={<IconAlert />} title={loadDemo.error ? t('firstRun.demo.failed') : t('error.title')} data-testid="first-run-error">
            <Text size="sm">{errorText(failed, t)}</Text>
            <Text size="xs" c="dimmed" mt={4}>
              {failed.message}
            </Text>
          </Alert>
        ) : null}
        <Group justify="center">
          <Text size="xs" c="dimmed" ff="monospace">
            {t('firstRun.database', { path: dbPath })}
          </Text>
        </Group>
      </Stack>
    </Center>
  );
}
