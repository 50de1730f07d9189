/**
 * Production per day against capacity: the finite queue's minutes as a bar and as
 * "h / capacity" (what the day's batches add up to), what was planned on a working day
 * beyond capacity as a red overload badge, days off greyed, the batches of each day
 * listed (late and overdue ones marked). Four weeks at a time.
 */
import { useState } from 'react';
import { Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { addDays } from '../../../src-shared/domain/dates';
import { useApiQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { hoursText, useDayLabel, useShortDate } from './planningFormat';
import { QueryError } from '../../components/QueryState';

const DAYS = 28;

export function ScheduleTab() {
  const { t, locale } = useI18n();
  const dayLabel = useDayLabel();
  const d = useShortDate();
  const [from, setFrom] = useState<string | null>(null);
  const q = useApiQuery('planning.schedule', { ...(from ? { from } : {}), days: DAYS });
  if (q.error) return <QueryError query={q} />;
  const data = q.data;
  const start = from ?? data?.today ?? null;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('planning.schedule.legend')}
        </Text>
        <Group gap={4}>
          <Button size="compact-sm" variant="default" disabled={!start} onClick={() => start && setFrom(addDays(start, -DAYS))}>
            {t('planning.schedule.prev')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setFrom(null)}>
            {t('planning.schedule.today')}
          </Button>
          <Button size="compact-sm" variant="default" disabled={!start} onClick={() => start && setFrom(addDays(start, DAYS))}>
            {t('planning.schedule.next')}
          </Button>
        </Group>
      </Group>
      <div data-testid="schedule">
        {(data?.days ?? []).map((day) => {
          const cap = day.capacityMinutes;
          const over = day.overloadMinutes;
          const fill = cap > 0 ? Math.min(100, (day.scheduledMinutes / cap) * 100) : 0;
          const offLabel = day.working ? null : day.closedFor === 'holiday' ? t('planning.schedule.holiday') : day.closedFor ? day.closedFor : t('planning.schedule.weekend');
          return (
            <div key={day.date} className={`schedule-day${day.working ? '' : ' off'}${day.date === data?.today ? ' today' : ''}`} data-testid={`schedule-day-${day.date}`} data-overload={over > 0 ? 'yes' : 'no'}>
              <Text size="sm" fw={day.date === data?.today ? 650 : 500}>
                {dayLabel(day.date)}
              </Text>
              {day.working ? (
                <Tooltip label={`${t('planning.schedule.scheduled')}: ${hoursText(day.scheduledMinutes, locale)} · ${t('planning.schedule.planned')}: ${hoursText(day.plannedMinutes, locale)} · ${t('planning.schedule.capacity')}: ${hoursText(cap, locale)}`}>
                  <div className={`schedule-bar${over > 0 ? ' over' : ''}`}>
                    <div className="schedule-bar-fill" style={{ width: `${fill}%` }} />
                    {over > 0 ? <div className="schedule-bar-over" /> : null}
                  </div>
                </Tooltip>
              ) : (
                <Text size="xs">{offLabel}</Text>
              )}
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Text size="xs" className="num" c="dimmed" style={{ flex: 'none' }} data-testid={`schedule-hours-${day.date}`}>
                  {day.working ? `${hoursText(day.scheduledMinutes, locale)} / ${hoursText(cap, locale)}` : ''}
                </Text>
                {over > 0 ? (
                  <Tooltip label={`${t('planning.schedule.planned')}: ${hoursText(day.plannedMinutes, locale)} · ${t('planning.schedule.capacity')}: ${hoursText(cap, locale)}`}>
                    <Badge size="xs" color="red" style={{ flexShrink: 0 }}>
                      {t('planning.schedule.overload')} +{hoursText(over, locale)}
                    </Badge>
                  </Tooltip>
                ) : null}
              </Group>
              {day.jobs.length > 0 ? (
                <div className="schedule-jobs">
                  {day.jobs.map((j) => (
                    <Badge key={j.productionId} size="sm" variant="light" color={j.late ? 'red' : j.status === 'planned' ? 'blue' : 'teal'} title={j.overdue ? t('planning.schedule.overdue', { date: d(j.plannedOn) }) : j.late ? t('planning.schedule.late', { date: d(j.dueOn) }) : undefined} data-late={j.late ? 'yes' : 'no'} style={{ textTransform: 'none' }}>
                      <Link to={`/production/${j.productionId}`} size="xs" c="inherit">
                        {j.number} · {j.item.sku} · {hoursText(j.minutes, locale)}
                      </Link>
                    </Badge>
                  ))}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </Stack>
  );
}
