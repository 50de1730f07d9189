import type { ComponentType } from 'react';
import { Button, Card, Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import type { MessageKey } from '../../../src-shared/i18n';
import { useApiQuery } from '../../api/hooks';
import { openPalette } from '../../components/CommandPalette';
import { IconCommand, IconCustomers, IconInventory, IconItems, IconPlus, IconRecipes, IconSuppliers } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { AlertsPanel } from './AlertsPanel';
import { BackupWarning } from './BackupWarning';
import { QueryError } from '../../components/QueryState';

interface Count {
  key: 'items' | 'recipes' | 'customers' | 'suppliers';
  label: MessageKey;
  to: string;
  icon: ComponentType<{ size?: number }>;
  color: string;
}

const COUNTS: Count[] = [
  { key: 'items', label: 'dashboard.count.items', to: '/items', icon: IconItems, color: 'blue' },
  { key: 'recipes', label: 'dashboard.count.recipes', to: '/recipes', icon: IconRecipes, color: 'orange' },
  { key: 'customers', label: 'dashboard.count.customers', to: '/customers', icon: IconCustomers, color: 'teal' },
  { key: 'suppliers', label: 'dashboard.count.suppliers', to: '/suppliers', icon: IconSuppliers, color: 'grape' },
];

export function DashboardScreen() {
  const { t, fmt } = useI18n();
  const status = useApiQuery('system.status', {});

  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />
      <BackupWarning />
      <QueryError query={status} />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" mb="lg">
        {COUNTS.map((c) => (
          <UnstyledButton key={c.key} onClick={() => navigate(c.to)} data-testid={`dashboard-count-${c.key}`}>
            <Paper withBorder radius="md" p="md" className="hover-card">
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
                    {t(c.label)}
                  </Text>
                  {status.data ? (
                    <Text fz={28} fw={650} lh={1.2} data-testid={`count-${c.key}`}>
                      {fmt.number(status.data.counts[c.key])}
                    </Text>
                  ) : (
                    <Skeleton h={34} w={60} />
                  )}
                </Stack>
                <ThemeIcon variant="light" color={c.color} size={40} radius="md">
                  <c.icon size={22} />
                </ThemeIcon>
              </Group>
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
      <AlertsPanel />
      <Card withBorder radius="md" padding="lg" mt="md">
        <Text fw={600} mb="sm">
          {t('dashboard.quick.title')}
        </Text>
        <Group gap="xs">
          <Button variant="light" leftSection={<IconInventory size={16} />} onClick={() => navigate('/inventory/receive')} data-testid="dashboard-receive">
            {t('inventory.receive.title')}
          </Button>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => navigate('/items/new')} data-testid="dashboard-new-item">
            {t('dashboard.quick.newItem')}
          </Button>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => navigate('/customers/new')}>
            {t('dashboard.quick.newCustomer')}
          </Button>
          <Button variant="default" leftSection={<IconRecipes size={16} />} onClick={() => navigate('/recipes')}>
            {t('dashboard.quick.recipes')}
          </Button>
          <Button variant="default" leftSection={<IconCommand size={16} />} onClick={openPalette}>
            {t('dashboard.quick.palette')}
          </Button>
        </Group>
      </Card>
      {status.data ? (
        <Text size="xs" c="dimmed" mt="xl" ff="monospace">
          {t('dashboard.about', { version: status.data.appVersion, path: status.data.dbPath })}
        </Text>
      ) : null}
    </>
  );
}
