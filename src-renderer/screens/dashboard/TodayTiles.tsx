/** The tiles of the home screen, from one reports.today answer: what each counts, shows and opens. */
import { Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import type { TodayOut, TodayRow } from '../../../src-shared/contract/today';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { duration } from '../production/productionBits';
import { TodayTile } from './TodayTile';
import { TODAY_LISTS, TODAY_OPEN } from './todayLinks';

function BackupTile({ backup }: { backup: TodayOut['backup'] }) {
  const { t, fmt } = useI18n();
  return (
    <Card withBorder radius="md" padding="sm" data-testid="today-backup" className="today-tile">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.3 }}>
        {t('today.backup.title')}
      </Text>
      <Text fz={18} fw={650} lh={1.4} mt={4} c={backup.overdue ? 'red.8' : undefined} data-testid="today-backup-at">
        {backup.lastGoodAt ? fmt.dateTime(backup.lastGoodAt) : t('today.backup.none')}
      </Text>
      <Text size="xs" c={backup.overdue ? 'red.8' : 'dimmed'} mb={6}>
        {backup.overdue ? (backup.lastGoodAt ? t('today.backup.overdue') : '') : t('today.backup.ok')}
      </Text>
      <Link to={TODAY_LISTS.backup} size="xs" data-testid="today-backup-all">
        {t('today.backup.open')}
      </Link>
    </Card>
  );
}

export function TodayTiles({ data }: { data: TodayOut }) {
  const { t, fmt } = useI18n();
  const date = (r: TodayRow) => (r.date ? fmt.date(r.date) : t('today.toShip.noDate'));
  const { production: p, expiring } = data;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm" data-testid="today-tiles">
      <TodayTile
        id="toShip"
        title={t('today.toShip.title')}
        count={data.toShip.count}
        to={TODAY_LISTS.toShip}
        tone="blue"
        hint={t('today.toShip.hint')}
        badge={data.toShip.lateCount > 0 ? <Badge color="red" variant="light" size="sm">{t('today.toShip.late', { count: data.toShip.lateCount })}</Badge> : null}
        rows={data.toShip.rows}
        open={(r) => TODAY_OPEN.order(r.id)}
        right={date}
      />
      <TodayTile
        id="late"
        title={t('today.late.title')}
        count={data.late.count}
        to={TODAY_LISTS.late}
        tone="red"
        hint={t('today.late.hint')}
        rows={data.late.rows}
        open={(r) => TODAY_OPEN.order(r.id)}
        right={date}
      />
      <TodayTile
        id="production"
        title={t('today.production.title')}
        count={p.today.count}
        to={TODAY_LISTS.production(data.today)}
        tone="blue"
        hint={
          p.today.working
            ? t('today.production.load', { scheduled: duration(p.today.scheduledMinutes, t), capacity: duration(p.today.capacityMinutes, t) })
            : t('today.production.dayOff')
        }
        badge={p.week.overloadDays > 0 ? <Badge color="orange" variant="light" size="sm">{t('today.production.overload', { count: p.week.overloadDays })}</Badge> : null}
        rows={p.today.rows}
        open={(r) => TODAY_OPEN.production(r.id)}
        right={(r) => t('today.production.due', { date: date(r) })}
      >
        <Text size="xs" c="dimmed" mb={4} data-testid="today-production-week">
          {t('today.production.week', { scheduled: duration(p.week.scheduledMinutes, t), capacity: duration(p.week.capacityMinutes, t) })}
        </Text>
      </TodayTile>
      <TodayTile
        id="shortages"
        title={t('today.shortages.title')}
        count={data.shortages.count}
        to={TODAY_LISTS.shortages}
        tone="orange"
        rows={data.shortages.rows}
        open={(r) => TODAY_OPEN.item(r.id)}
        right={(r) => (r.qtyMilli !== undefined && r.unit ? fmt.qty(r.qtyMilli, r.unit) : '')}
        rightSub={(r) => t('today.shortages.from', { date: date(r) })}
      />
      <TodayTile
        id="purchaseOverdue"
        title={t('today.purchases.title')}
        count={data.purchaseOverdue.count}
        to={TODAY_LISTS.purchaseOverdue}
        tone="red"
        rows={data.purchaseOverdue.rows}
        open={(r) => TODAY_OPEN.purchaseOrder(r.id)}
        right={(r) => t('today.purchases.expected', { date: date(r) })}
      />
      <TodayTile
        id="expiring"
        title={t('today.expiring.title')}
        count={expiring.count}
        to={TODAY_LISTS.expiring(expiring)}
        tone="orange"
        hint={t('today.expiring.hint', { count: expiring.days })}
        badge={expiring.expiredCount > 0 ? <Badge color="red" variant="filled" size="sm">{t('today.expiring.expired', { count: expiring.expiredCount })}</Badge> : null}
        rows={expiring.rows}
        open={(r) => TODAY_OPEN.lot(r.id)}
        right={date}
      />
      <TodayTile
        id="invoicesOverdue"
        title={t('today.invoices.title')}
        count={data.invoicesOverdue.count}
        to={TODAY_LISTS.invoicesOverdue}
        tone="red"
        hint={data.invoicesOverdue.count > 0 ? t('today.invoices.amount', { amount: fmt.money(data.invoicesOverdue.amountCents) }) : undefined}
        rows={data.invoicesOverdue.rows}
        open={(r) => TODAY_OPEN.invoice(r.id)}
        right={(r) => fmt.money(r.cents ?? 0)}
        rightSub={date}
      />
      <BackupTile backup={data.backup} />
    </SimpleGrid>
  );
}

/** From the 1st to the 15th: last month's sale DDTs still in no invoice. */
export function NotInvoicedReminder({ data }: { data: TodayOut['notInvoiced'] }) {
  const { t, locale } = useI18n();
  if (!data || data.count === 0) return null;
  const [y, m] = data.month.split('-').map(Number) as [number, number];
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  return (
    <Card withBorder radius="md" padding="sm" mb="sm" bg="yellow.0" data-testid="today-not-invoiced">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} size="sm">
            {t('today.notInvoiced.title', { month })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('today.notInvoiced.body', { count: data.count, month })}
          </Text>
        </div>
        <Link to={TODAY_LISTS.notInvoiced(data.month)} size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="today-not-invoiced-open">
          {t('today.notInvoiced.action')}
        </Link>
      </Group>
    </Card>
  );
}
