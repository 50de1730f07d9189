import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';
import type { ReactNode } from 'react';

/** The top of every screen: title, a line saying what it is for, and its main actions. */
export function PageHeader({ title, subtitle, actions, badge }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; badge?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" wrap="nowrap" mb="md" gap="md">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap="xs" wrap="nowrap">
          <Title order={2} fz={22} fw={650} lineClamp={1} data-testid="page-title">
            {title}
          </Title>
          {badge}
        </Group>
        {subtitle ? (
          <Text size="sm" c="dimmed" lineClamp={1}>
            {subtitle}
          </Text>
        ) : null}
      </Stack>
      {actions ? (
        <Group gap="xs" wrap="nowrap">
          {actions}
        </Group>
      ) : null}
    </Group>
  );
}

/** How many rows a list holds (after its filters), next to the screen's title. */
export function CountBadge({ count }: { count: number | null }) {
  const { t, fmt } = useI18n();
  if (count === null) return null;
  return (
    <Badge variant="light" color="gray" size="lg" radius="sm" fw={600} title={t('common.results', { count })} data-testid="list-count">
      {fmt.number(count)}
    </Badge>
  );
}
