/** #/planning: tabs Shortages (?order=… for one order's) and Schedule (?tab=schedule). */
import { Tabs } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate, useRoute } from '../../router';
import { ScheduleTab } from './ScheduleTab';
import { ShortagesTab } from './ShortagesTab';

export function PlanningScreen() {
  const { t } = useI18n();
  const { query } = useRoute();
  const tab = query.get('tab') === 'schedule' ? 'schedule' : 'shortages';
  const orderId = Number(query.get('order')) || undefined;
  const productionOrderId = Number(query.get('production')) || undefined;
  return (
    <>
      <PageHeader title={t('planning.title')} subtitle={t('planning.subtitle')} />
      <Tabs value={tab} onChange={(v) => navigate(v === 'schedule' ? '/planning?tab=schedule' : '/planning')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="shortages" data-testid="planning-tab-shortages">
            {t('planning.tab.shortages')}
          </Tabs.Tab>
          <Tabs.Tab value="schedule" data-testid="planning-tab-schedule">
            {t('planning.tab.schedule')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="shortages">
          <ShortagesTab orderId={orderId} productionOrderId={productionOrderId} filterLabel={query.get('number') ?? undefined} />
        </Tabs.Panel>
        <Tabs.Panel value="schedule">
          <ScheduleTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
