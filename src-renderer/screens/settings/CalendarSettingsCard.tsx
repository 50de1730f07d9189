/**
 * Settings → Calendar: working weekdays, production hours, the patron saint, company
 * closures and transit days per carrier/zone; below, the year's days off as computed
 * (national holidays from the calendar library, Easter Monday included).
 */
import { DecimalInput } from '../../components/DecimalInput';
import { DateField } from '../../components/DateField';
import { useEffect, useMemo, useState } from 'react';
import { ActionIcon, Button, Card, Chip, Grid, Group, NativeSelect, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import type { WorkCalendarSettings } from '../../../src-shared/contract/workCalendar';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { IconPlus, IconTrash } from '../../components/icons';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryError } from '../../components/QueryState';

type Draft = Omit<WorkCalendarSettings, 'productionMinutesPerDay'> & { hours: string | number };

function DaysOff({ year }: { year: number }) {
  const { t, fmt } = useI18n();
  const q = useApiQuery('planning.calendar', { year });
  if (!q.data) return <QueryError query={q} compact />;
  return (
    <Stack gap={4} mt="md">
      <Text size="sm" fw={600}>
        {t('settings.calendar.daysOff', { year })} · {t('settings.calendar.workingDays', { count: q.data.workingDays })}
      </Text>
      <Table withRowBorders={false} verticalSpacing={2} fz="sm" data-testid="calendar-days-off">
        <Table.Tbody>
          {q.data.days.map((d) => (
            <Table.Tr key={d.date}>
              <Table.Td w={140} className="num">
                {fmt.date(d.date)}
              </Table.Td>
              <Table.Td>{d.name}</Table.Td>
              <Table.Td c="dimmed">{t(`settings.calendar.reason.${d.reason}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function CalendarSettingsCard() {
  const { t, locale } = useI18n();
  // query-error: settings.get is loaded before any screen shows — I18nProvider waits for it and shows its error with Retry
  const settings = useApiQuery('settings.get', {}, { staleTime: Infinity });
  const update = useApiCommand('settings.update', { onSuccess: () => notifySaved(t('settings.calendar.saved')) });
  const [draft, setDraft] = useState<Draft | null>(null);
  const year = new Date().getFullYear();

  useEffect(() => {
    if (settings.data && draft === null) {
      const { productionMinutesPerDay, ...rest } = settings.data.planning;
      setDraft({ ...rest, hours: productionMinutesPerDay / 60 });
    }
  }, [settings.data, draft]);

  const weekdayNames = useMemo(() => {
    const f = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    // 2024-01-01 was a Monday
    return [1, 2, 3, 4, 5, 6, 7].map((n) => f.format(new Date(Date.UTC(2024, 0, n))));
  }, [locale]);
  const monthNames = useMemo(() => {
    const f = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, m) => f.format(new Date(Date.UTC(2024, m, 1))));
  }, [locale]);

  if (draft === null) return null;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const [pm = '', pd = ''] = draft.patronSaint ? draft.patronSaint.day.split('-') : [];
  const setPatron = (month: string, day: string, name = draft.patronSaint?.name ?? '') =>
    set({ patronSaint: month && day ? { day: `${month.padStart(2, '0')}-${day.padStart(2, '0')}`, name } : null });

  return (
    <Card withBorder radius="md" padding="lg" data-testid="calendar-settings">
      <Text fw={600}>{t('settings.calendar')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.calendar.hint')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const { hours, ...rest } = draft;
          update.mutate({ planning: { ...rest, productionMinutesPerDay: Math.round(Number(hours || 0) * 60) } });
        }}
      >
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <Text size="sm" fw={500} mb={4}>
              {t('settings.calendar.weekdays')}
            </Text>
            <Chip.Group multiple value={draft.workingWeekdays.map(String)} onChange={(v) => set({ workingWeekdays: v.map(Number).sort() })}>
              <Group gap={4}>
                {weekdayNames.map((name, i) => (
                  <Chip key={i} value={String(i + 1)} size="xs" data-testid={`calendar-weekday-${i + 1}`}>
                    {name}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <DecimalInput label={t('settings.calendar.hours')} value={draft.hours} onChange={(v) => set({ hours: v })} min={0.25} max={24} step={0.5} decimalScale={2} data-testid="calendar-hours" />
          </Grid.Col>
          <Grid.Col span={{ base: 4, sm: 2 }}>
            <NumberInput label={t('settings.calendar.patron')} value={pd ? Number(pd) : ''} onChange={(v) => setPatron(pm || '01', v === '' ? '' : String(v))} min={1} max={31} allowDecimal={false} data-testid="calendar-patron-day" />
          </Grid.Col>
          <Grid.Col span={{ base: 8, sm: 4 }}>
            <NativeSelect label=" " value={pm} onChange={(e) => setPatron(e.currentTarget.value, pd || '01')} data={[{ value: '', label: '—' }, ...monthNames.map((m, i) => ({ value: String(i + 1).padStart(2, '0'), label: m }))]} data-testid="calendar-patron-month" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('settings.calendar.patronName')} value={draft.patronSaint?.name ?? ''} disabled={!draft.patronSaint} onChange={(e) => setPatron(pm, pd, e.currentTarget.value)} />
          </Grid.Col>
        </Grid>

        <Text size="sm" fw={600} mt="md" mb={4}>
          {t('settings.calendar.closures')}
        </Text>
        {draft.closures.map((c, i) => (
          <Group key={i} gap="xs" mb={4} wrap="nowrap" data-testid={`calendar-closure-${i}`}>
            <DateField aria-label={t('settings.calendar.closure.from')} value={c.from} onChange={(d) => set({ closures: draft.closures.map((x, j) => (j === i ? { ...x, from: d } : x)) })} />
            <DateField aria-label={t('settings.calendar.closure.to')} value={c.to} onChange={(d) => set({ closures: draft.closures.map((x, j) => (j === i ? { ...x, to: d } : x)) })} />
            <TextInput style={{ flex: 1 }} placeholder={t('settings.calendar.closure.name')} aria-label={t('settings.calendar.closure.name')} value={c.name} onChange={(e) => set({ closures: draft.closures.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)) })} />
            <ActionIcon variant="subtle" color="gray" aria-label={t('common.remove')} onClick={() => set({ closures: draft.closures.filter((_, j) => j !== i) })}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => set({ closures: [...draft.closures, { from: `${year}-08-10`, to: `${year}-08-21`, name: '' }] })} data-testid="calendar-closure-add">
          {t('settings.calendar.closure.add')}
        </Button>

        <Text size="sm" fw={600} mt="md" mb={4}>
          {t('settings.calendar.transit')}
        </Text>
        {draft.transit.map((r, i) => (
          <Group key={i} gap="xs" mb={4} wrap="nowrap">
            <TextInput style={{ flex: 1 }} placeholder={t('settings.calendar.transit.carrier')} aria-label={t('settings.calendar.transit.carrier')} value={r.carrier} onChange={(e) => set({ transit: draft.transit.map((x, j) => (j === i ? { ...x, carrier: e.currentTarget.value } : x)) })} />
            <TextInput w={120} placeholder={t('settings.calendar.transit.zone')} title={t('settings.calendar.transit.zone.hint')} aria-label={t('settings.calendar.transit.zone')} value={r.zone} onChange={(e) => set({ transit: draft.transit.map((x, j) => (j === i ? { ...x, zone: e.currentTarget.value } : x)) })} />
            <NumberInput w={90} aria-label={t('settings.calendar.transit.days')} value={r.days} min={0} max={60} allowDecimal={false} onChange={(v) => set({ transit: draft.transit.map((x, j) => (j === i ? { ...x, days: Number(v) || 0 } : x)) })} />
            <ActionIcon variant="subtle" color="gray" aria-label={t('common.remove')} onClick={() => set({ transit: draft.transit.filter((_, j) => j !== i) })}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between" align="flex-end">
          <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => set({ transit: [...draft.transit, { carrier: '', zone: '', days: 2 }] })}>
            {t('settings.calendar.transit.add')}
          </Button>
          <NumberInput w={280} label={t('settings.calendar.transit.default')} value={draft.defaultTransitDays} min={0} max={60} allowDecimal={false} onChange={(v) => set({ defaultTransitDays: Number(v) || 0 })} data-testid="calendar-default-transit" />
        </Group>

        {update.error ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={update.error} />
          </div>
        ) : null}
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={update.isPending} data-testid="calendar-save">
            {t('common.save')}
          </Button>
        </Group>
      </form>
      <DaysOff year={year} />
    </Card>
  );
}
