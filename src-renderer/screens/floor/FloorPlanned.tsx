/**
 * A batch planned but not released, opened on the floor: what it needs, and the release
 * (production.release, first expiry first) that reserves the lots to scan. A shortage is
 * refused by the release itself, with what is missing.
 */
import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ProductionOrder } from '../../../src-shared/contract/production';
import { useApiCommand } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { IconInfo } from '../../components/icons';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';

export function FloorPlanned({ po }: { po: ProductionOrder }) {
  const { t, fmt } = useI18n();
  const release = useApiCommand('production.release', { onSuccess: (out) => notifySaved(t('floor.released', { number: out.number })) });
  return (
    <Stack gap="md" maw={820}>
      <Alert color="indigo" variant="light" icon={<IconInfo />} title={t('floor.plannedState.title')} styles={{ message: { fontSize: 'var(--mantine-font-size-md)' } }}>
        {t('floor.plannedState.body')}
      </Alert>
      <Paper withBorder radius="md" p="md">
        <Text fw={650} size="lg" mb="sm">
          {t('floor.materials')}
        </Text>
        <Stack gap="xs">
          {po.components.map((c) => (
            <Group key={c.item.id} justify="space-between" wrap="nowrap" gap="sm">
              <Text size="md" style={{ minWidth: 0 }}>
                {c.item.name}{' '}
                <Text span size="sm" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {c.item.sku}
                </Text>
              </Text>
              <Group gap="xs" wrap="nowrap">
                {c.shortMilli > 0 ? (
                  <Badge color="red" radius="sm">
                    {t('production.materialsShort')}
                  </Badge>
                ) : null}
                <Text size="md" className="num" style={{ whiteSpace: 'nowrap' }}>
                  {fmt.qty(c.neededMilli, c.item.unit)}
                </Text>
              </Group>
            </Group>
          ))}
        </Stack>
      </Paper>
      {release.error ? <ErrorAlert error={release.error} testId="floor-release-error" /> : null}
      <Button size="xl" onClick={() => release.mutate({ id: po.id })} loading={release.isPending} data-testid="floor-release">
        {t('floor.release')}
      </Button>
    </Stack>
  );
}
