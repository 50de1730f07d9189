/**
 * #/ — "Oggi / Today": what needs doing today, from one reports.today answer (tiles that
 * each open their filtered list), the reminder to invoice last month (1st–15th), and on a
 * new database the setup checklist. Backup warnings (same disk, folder missing) stay on top.
 */
import { Button, Card, Group, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { openPalette } from '../../components/CommandPalette';
import { IconCommand, IconInventory, IconPlus, IconRecipes } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { BackupWarning } from './BackupWarning';
import { SetupChecklist } from './SetupChecklist';
import { NotInvoicedReminder, TodayTiles } from './TodayTiles';
import './dashboard.css';

function QuickActions() {
  const { t } = useI18n();
  return (
    <Card withBorder radius="md" padding="sm" mt="sm">
      <Group gap="xs">
        <Text fw={600} size="sm" mr="xs">
          {t('dashboard.quick.title')}
        </Text>
        <Button size="xs" variant="light" leftSection={<IconInventory size={14} />} onClick={() => navigate('/inventory/receive')} data-testid="dashboard-receive">
          {t('inventory.receive.title')}
        </Button>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => navigate('/items/new')} data-testid="dashboard-new-item">
          {t('dashboard.quick.newItem')}
        </Button>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => navigate('/customers/new')}>
          {t('dashboard.quick.newCustomer')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconRecipes size={14} />} onClick={() => navigate('/recipes')}>
          {t('dashboard.quick.recipes')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconCommand size={14} />} onClick={openPalette}>
          {t('dashboard.quick.palette')}
        </Button>
      </Group>
    </Card>
  );
}

export function DashboardScreen() {
  const { t, fmt } = useI18n();
  const today = useApiQuery('reports.today', {});
  // query-error: loaded by App before any screen (App shows its error); here only read from the cache
  const status = useApiQuery('system.status', {});
  const d = today.data;
  return (
    <>
      <PageHeader title={t('today.title')} subtitle={d ? t('today.subtitle', { date: fmt.date(d.today) }) : undefined} />
      <BackupWarning />
      <QueryError query={today} />
      {d ? (
        <>
          <SetupChecklist setup={d.setup} />
          <NotInvoicedReminder data={d.notInvoiced} />
          <TodayTiles data={d} />
        </>
      ) : today.error ? null : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} h={200} radius="md" />
          ))}
        </SimpleGrid>
      )}
      <QuickActions />
      {status.data ? (
        <Text size="xs" c="dimmed" mt="md" ff="monospace">
          {t('dashboard.about', { version: status.data.appVersion, path: status.data.dbPath })}
        </Text>
      ) : null}
    </>
  );
}
