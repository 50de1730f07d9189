/**
 * What needs attention in the stock today: lots expired or expiring soon, items below
 * their reorder point, lots waiting in quarantine. Every line opens what it names.
 */
import type { ReactNode } from 'react';
import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import type { Lot } from '../../../src-shared/contract/inventory';
import { daysBetween, localDate } from '../../../src-shared/domain/dates';
import type { Out } from '../../api/hooks';
import { useApiQuery } from '../../api/hooks';
import { IconCheck } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';
import './dashboard.css';
import { QueryError } from '../../components/QueryState';

const LIMIT = 100;
const SHOWN = 7;

type Reorder = Out<'inventory.alerts'>['belowReorder'][number];

/** the lists stop at LIMIT: say "100+" rather than a wrong total */
function count(n: number): { count: number; plus: string } {
  return { count: Math.min(n, LIMIT), plus: n >= LIMIT ? '+' : '' };
}

function AlertCard({ title, badges, children, empty, more, testId }: { title: string; badges: ReactNode; children: ReactNode; empty: string | null; more: ReactNode; testId: string }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Group justify="space-between" mb="xs" wrap="nowrap" gap="xs">
        <Text fw={600} truncate>
          {title}
        </Text>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {badges}
        </Group>
      </Group>
      {empty !== null ? (
        <Group gap="xs" py="sm" wrap="nowrap">
          <ThemeIcon variant="light" color="teal" size="sm" radius="xl">
            <IconCheck size={12} />
          </ThemeIcon>
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        </Group>
      ) : (
        <Stack gap={0}>
          {children}
          {more}
        </Stack>
      )}
    </Card>
  );
}

function Row({ onOpen, left, sub, right, rightColor, testId }: { onOpen(): void; left: ReactNode; sub: ReactNode; right: ReactNode; rightColor?: string; testId: string }) {
  return (
    <UnstyledButton className="dash-alert-row" onClick={onOpen} data-testid={testId}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" truncate>
            {left}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {sub}
          </Text>
        </div>
        <Text size="xs" fw={600} c={rightColor} style={{ whiteSpace: 'nowrap' }}>
          {right}
        </Text>
      </Group>
    </UnstyledButton>
  );
}

function More({ total, to, testId }: { total: number; to: string; testId: string }) {
  const { t } = useI18n();
  return (
    <Link to={to} size="xs" mt={6} px={8} data-testid={testId}>
      {total > SHOWN ? t('dashboard.alerts.more', { count: total - SHOWN }) : t('dashboard.alerts.openInventory')}
    </Link>
  );
}

function LotLabel({ lot }: { lot: Lot }) {
  return (
    <>
      <Text span ff="monospace" fw={600} size="sm">
        {lot.code}
      </Text>{' '}
      {lot.item.name}
    </>
  );
}

export function AlertsPanel() {
  const { t, fmt } = useI18n();
  const alerts = useApiQuery('inventory.alerts', { limit: LIMIT });
  const today = localDate(new Date());

  if (alerts.error) return <QueryError query={alerts} />;
  if (!alerts.data) {
    return (
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} h={180} radius="md" />
        ))}
      </SimpleGrid>
    );
  }
  const { expiring, quarantine, belowReorder, days } = alerts.data;
  const expired = expiring.filter((l) => l.expiresOn !== null && l.expiresOn < today);
  const soon = expiring.length - expired.length;

  const expiryText = (l: Lot) => {
    const d = daysBetween(today, l.expiresOn!);
    if (d < 0) return t('dashboard.alerts.expiredAgo', { count: -d });
    if (d === 0) return t('dashboard.alerts.expiresToday');
    return t('dashboard.alerts.expiresIn', { count: d });
  };
  const waiting = (l: Lot) => {
    const d = daysBetween(l.originDate, today);
    return d <= 0 ? t('dashboard.alerts.waitingToday') : t('dashboard.alerts.waiting', { count: d });
  };
  const reorderSub = (r: Reorder) =>
    t('dashboard.alerts.reorderLine', { available: fmt.qty(r.availableMilli, r.item.unit), point: fmt.qty(r.reorderPointMilli, r.item.unit) });

  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" data-testid="dashboard-alerts">
      <AlertCard
        title={t('dashboard.alerts.expiry.title')}
        testId="alerts-expiring"
        badges={
          <>
            {expired.length > 0 ? <Badge color="red" variant="filled" size="sm" data-testid="alerts-expired-count">{t('dashboard.alerts.expiredCount', count(expired.length))}</Badge> : null}
            {soon > 0 ? <Badge color="orange" variant="light" size="sm" data-testid="alerts-expiring-count">{t('dashboard.alerts.soonCount', count(soon))}</Badge> : null}
          </>
        }
        empty={expiring.length === 0 ? t('dashboard.alerts.expiry.none', { days }) : null}
        more={<More total={expiring.length} to={expired.length > 0 && soon === 0 ? '/inventory?filter=expired' : '/inventory?filter=expiring'} testId="alerts-expiring-more" />}
      >
        {expiring.slice(0, SHOWN).map((l) => (
          <Row
            key={l.id}
            onOpen={() => navigate(`/inventory/lots/${l.id}`)}
            left={<LotLabel lot={l} />}
            sub={`${fmt.qty(l.onHandMilli, l.item.unit)} · ${fmt.date(l.expiresOn!)}`}
            right={expiryText(l)}
            rightColor={l.expiresOn! < today ? 'red.8' : 'orange.8'}
            testId={`alert-expiring-${l.code}`}
          />
        ))}
      </AlertCard>
      <AlertCard
        title={t('dashboard.alerts.reorder.title')}
        testId="alerts-reorder"
        badges={belowReorder.length > 0 ? <Badge color="yellow" variant="light" c="yellow.9" size="sm" data-testid="alerts-reorder-count">{t('dashboard.alerts.items', count(belowReorder.length))}</Badge> : null}
        empty={belowReorder.length === 0 ? t('dashboard.alerts.reorder.none') : null}
        more={<More total={belowReorder.length} to="/inventory?filter=below_reorder" testId="alerts-reorder-more" />}
      >
        {belowReorder.slice(0, SHOWN).map((r) => (
          <Row
            key={r.item.id}
            onOpen={() => navigate(`/inventory/items/${r.item.id}`)}
            left={r.item.name}
            sub={
              <>
                <Text span ff="monospace" size="xs">
                  {r.item.sku}
                </Text>{' '}
                · {reorderSub(r)}
              </>
            }
            right={fmt.qty(r.availableMilli, r.item.unit)}
            rightColor={r.availableMilli <= 0 ? 'red.8' : 'orange.8'}
            testId={`alert-reorder-${r.item.sku}`}
          />
        ))}
      </AlertCard>
      <AlertCard
        title={t('dashboard.alerts.quarantine.title')}
        testId="alerts-quarantine"
        badges={quarantine.length > 0 ? <Badge color="grape" variant="light" size="sm" data-testid="alerts-quarantine-count">{t('dashboard.alerts.lots', count(quarantine.length))}</Badge> : null}
        empty={quarantine.length === 0 ? t('dashboard.alerts.quarantine.none') : null}
        more={<More total={quarantine.length} to="/inventory?filter=quarantine" testId="alerts-quarantine-more" />}
      >
        {quarantine.slice(0, SHOWN).map((l) => (
          <Row
            key={l.id}
            onOpen={() => navigate(`/inventory/lots/${l.id}`)}
            left={<LotLabel lot={l} />}
            sub={[fmt.qty(l.onHandMilli, l.item.unit), l.supplier?.name].filter(Boolean).join(' · ')}
            right={waiting(l)}
            testId={`alert-quarantine-${l.code}`}
          />
        ))}
      </AlertCard>
    </SimpleGrid>
  );
}
