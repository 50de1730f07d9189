/**
 * A delivery promise in words and on a small timeline: "materials ready 14 Oct (PO …),
 * production 15–16 Oct, ships 17 Oct, delivered 20 Oct", late or unknown said plainly.
 */
import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import type { DeliveryPromiseOut } from '../../../src-shared/contract/planning';
import { daysBetween } from '../../../src-shared/domain/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { useShortDate } from './planningFormat';
import './planning.css';

export function promiseWords(p: DeliveryPromiseOut, t: ReturnType<typeof useI18n>['t'], d: (iso: string) => string): string {
  const parts: string[] = [];
  if (p.fromStock) parts.push(t('planning.promise.fromStock'));
  else if (p.materialsOn) parts.push(p.materialsBy ? t('planning.promise.materialsBy', { date: d(p.materialsOn), po: p.materialsBy }) : t('planning.promise.materials', { date: d(p.materialsOn) }));
  else if (p.production) parts.push(t('planning.promise.materialsOnHand'));
  if (p.production) parts.push(p.production.from === p.production.to ? t('planning.promise.productionDay', { date: d(p.production.from) }) : t('planning.promise.production', { from: d(p.production.from), to: d(p.production.to) }));
  if (p.waitsFor.length > 0) parts.push(t('planning.promise.waits', { numbers: p.waitsFor.join(', ') }));
  if (p.shipOn) parts.push(t('planning.promise.ships', { date: d(p.shipOn) }));
  if (p.deliveryOn) parts.push(t('planning.promise.delivered', { date: d(p.deliveryOn) }));
  return parts.join(', ');
}

function Timeline({ p }: { p: DeliveryPromiseOut }) {
  const { t } = useI18n();
  const d = useShortDate();
  if (!p.deliveryOn) return null;
  const span = Math.max(1, daysBetween(p.today, p.deliveryOn));
  const at = (iso: string) => `${(Math.min(span, Math.max(0, daysBetween(p.today, iso))) / span) * 100}%`;
  const marks: { key: string; date: string; label: string }[] = [{ key: 'today', date: p.today, label: t('planning.timeline.today') }];
  if (p.materialsOn && p.materialsOn > p.today) marks.push({ key: 'materials', date: p.materialsOn, label: t('planning.timeline.materials') });
  if (p.shipOn) marks.push({ key: 'ship', date: p.shipOn, label: t('planning.timeline.ship') });
  marks.push({ key: 'delivery', date: p.deliveryOn, label: t('planning.timeline.delivery') });
  const prod = p.production;
  return (
    <div className="promise-timeline" data-testid="promise-timeline" aria-hidden="true">
      <div className="promise-timeline-axis" />
      {prod ? (
        <div className="promise-timeline-production" style={{ left: at(prod.from), width: `calc(${at(prod.to)} - ${at(prod.from)} + 6px)` }} title={t('planning.timeline.production')} />
      ) : null}
      {marks.map((m) => (
        <div key={m.key} className={`promise-timeline-mark promise-timeline-${m.key}`} style={{ left: at(m.date) }}>
          <span className="promise-timeline-dot" />
          <span className="promise-timeline-label">
            {m.label}
            <br />
            {d(m.date)}
          </span>
        </div>
      ))}
    </div>
  );
}

export function PromiseSummary({ p }: { p: DeliveryPromiseOut }) {
  const { t } = useI18n();
  const d = useShortDate();
  return (
    <Stack gap={6} data-testid="promise">
      <Group gap="xs" wrap="nowrap" align="baseline">
        <Text fw={650} size="lg" className="num" data-testid="promise-date">
          {p.deliveryOn ? d(p.deliveryOn) : t('planning.promise.noDate')}
        </Text>
        {p.requestedOn && p.deliveryOn ? (
          <Badge size="sm" color={p.late ? 'red' : 'green'} variant="light" data-testid="promise-late">
            {p.late ? t('planning.promise.late', { date: d(p.requestedOn) }) : t('planning.promise.onTime', { date: d(p.requestedOn) })}
          </Badge>
        ) : null}
      </Group>
      {p.deliveryOn ? (
        <Text size="sm" data-testid="promise-words">
          {promiseWords(p, t, d)}
          {' · '}
          <Text span c="dimmed" size="sm">
            {p.carrier ? t('planning.promise.transitBy', { days: p.transitDays, carrier: p.carrier }) : t('planning.promise.transit', { days: p.transitDays })}
          </Text>
        </Text>
      ) : null}
      <Timeline p={p} />
      {p.unknown.length > 0 ? (
        <Alert color="orange" variant="light" p="xs" title={t('planning.promise.unknown')} data-testid="promise-unknown">
          <List size="sm">
            {p.unknown.map((u) => (
              <List.Item key={`${u.reason}:${u.item.id}`}>{t(`planning.promise.unknown.${u.reason}`, { item: `${u.item.sku} ${u.item.name}`, po: u.purchaseOrderNumber ?? '' })}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}
