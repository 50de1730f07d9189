/**
 * #/prices: price lists (#/prices, one list at #/prices/lists/12), customer groups
 * (#/prices/groups) and payment-terms templates (#/prices/terms).
 */
import { Tabs } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { PriceListsTab } from './PriceListsTab';
import { PriceListPage } from './PriceListPage';
import { GroupsTab } from './GroupsTab';
import { PaymentTermsTab } from './PaymentTermsTab';

type Tab = 'lists' | 'groups' | 'terms';

export function PricesScreen({ segments }: { segments: string[] }) {
  const { t } = useI18n();
  const [first, second] = segments;
  if (first === 'lists' && Number(second) > 0) return <PriceListPage key={second} id={Number(second)} />;
  const tab: Tab = first === 'groups' ? 'groups' : first === 'terms' ? 'terms' : 'lists';
  return (
    <>
      <PageHeader title={t('prices.title')} subtitle={t('prices.subtitle')} />
      <Tabs value={tab} onChange={(v) => navigate(v === 'lists' ? '/prices' : `/prices/${v}`)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="lists" data-testid="prices-tab-lists">
            {t('prices.tab.lists')}
          </Tabs.Tab>
          <Tabs.Tab value="groups" data-testid="prices-tab-groups">
            {t('prices.tab.groups')}
          </Tabs.Tab>
          <Tabs.Tab value="terms" data-testid="prices-tab-terms">
            {t('prices.tab.terms')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="lists">
          <PriceListsTab />
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          <GroupsTab />
        </Tabs.Panel>
        <Tabs.Panel value="terms">
          <PaymentTermsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
