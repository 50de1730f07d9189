/**
 * Report: the owner's figures over a chosen period, grouped by channel, customer, product
 * or category, with the previous period beside them. Everything on it comes from one
 * `reports.kpis` answer — the same the CSV, the PDF and `bottega call` give.
 */
import { useState } from 'react';
import { Alert, Group, Paper, SegmentedControl, SimpleGrid, Spoiler, Stack, Switch, Text } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { KPI_GROUPINGS, type KpiGrouping, type KpisResult } from '../../../src-shared/contract/reports';
import { addDays } from '../../../src-shared/domain/dates';
import { useApiQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { IconInfo } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { ReportCharts } from './ReportCharts';
import { ReportExport } from './ReportExport';
import { GroupsTable, OtherTables } from './ReportTables';
import { reportFormat } from './reportFormat';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function presets(t: ReturnType<typeof useI18n>['t'], now: string) {
  const y = Number(now.slice(0, 4));
  return [
    { value: [`${now.slice(0, 7)}-01`, now] as [string, string], label: t('reports.preset.month') },
    { value: [addDays(now, -29), now] as [string, string], label: t('reports.preset.days30') },
    { value: [addDays(now, -364), now] as [string, string], label: t('reports.preset.months12') },
    { value: [`${y}-01-01`, now] as [string, string], label: t('reports.preset.year') },
    { value: [`${y - 1}-01-01`, `${y - 1}-12-31`] as [string, string], label: t('reports.preset.lastYear') },
  ];
}

function Headline({ r }: { r: KpisResult }) {
  const { t, locale } = useI18n();
  const f = reportFormat(locale);
  const p = r.previous?.total;
  const tiles: [string, string, string | null][] = [
    [t('reports.kpi.orders'), f.number(r.total.orders), p ? f.number(p.orders) : null],
    [t('reports.kpi.revenue'), f.money(r.total.revenueCents), p ? f.money(p.revenueCents) : null],
    [t('reports.kpi.shipDaysAvg'), `${f.days(r.total.shipDaysAvg)} / ${f.days(r.total.shipDaysP90)}`, p ? `${f.days(p.shipDaysAvg)} / ${f.days(p.shipDaysP90)}` : null],
    [t('reports.kpi.onTime'), f.pct(r.total.onTimeBp), p ? f.pct(p.onTimeBp) : null],
    [t('reports.kpi.returns'), f.pct(r.total.returnsBp), p ? f.pct(p.returnsBp) : null],
    [t('reports.kpi.margin'), f.money(r.total.marginCents), p ? f.money(p.marginCents) : null],
    [t('reports.kpi.marginPct'), f.pct(r.total.marginBp), p ? f.pct(p.marginBp) : null],
  ];
  return (
    <SimpleGrid cols={{ base: 4, lg: 7 }} spacing="xs" data-testid="report-headline">
      {tiles.map(([label, value, prev]) => (
        <Paper key={label} withBorder p="xs">
          <Text size="xs" c="dimmed" lineClamp={1}>
            {label}
          </Text>
          <Text fw={650} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {value}
          </Text>
          {prev !== null ? (
            <Text size="xs" c="dimmed">
              {t('reports.kpi.previous')} {prev}
            </Text>
          ) : null}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function Definitions({ r }: { r: KpisResult }) {
  const { t, fmt } = useI18n();
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" data-testid="report-period-line">
        {t('reports.periodLine', { from: fmt.date(r.period.from), to: fmt.date(r.period.to), days: r.period.days })}
        {r.previous ? ` · ${t('reports.previousLine', { from: fmt.date(r.previous.period.from), to: fmt.date(r.previous.period.to) })}` : ''}
      </Text>
      <Spoiler maxHeight={0} showLabel={t('reports.section.definitions')} hideLabel={t('reports.section.definitions')} fz="xs" data-testid="report-definitions">
        {Object.values(r.definitions).map((d) => (
          <Text key={d} size="xs" c="dimmed">
            {d}
          </Text>
        ))}
      </Spoiler>
    </Stack>
  );
}

export function ReportsScreen() {
  const { t, lang, fmt } = useI18n();
  const now = today();
  const [range, setRange] = useState<[string | null, string | null]>([`${now.slice(0, 4)}-01-01`, now]);
  const [by, setBy] = useState<KpiGrouping>('channel');
  const [compare, setCompare] = useState(false);
  const [from, to] = range;
  const complete = from !== null && to !== null;
  const input = { from: from ?? now, to: to ?? now, by, compare, language: lang };
  const q = useApiQuery('reports.kpis', input, { enabled: complete, placeholderData: (prev) => prev });
  return (
    <Stack gap="sm">
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} actions={<ReportExport input={input} disabled={!complete || !q.data || q.data.empty} />} />
      <Group gap="md" align="flex-end" wrap="wrap">
        <DatesProvider settings={{ locale: lang === 'it' ? 'it' : 'en-gb', firstDayOfWeek: 1 }}>
          <DatePickerInput
            type="range"
            label={t('reports.period')}
            value={range}
            onChange={(v) => setRange([v[0], v[1]])}
            valueFormat="DD/MM/YYYY"
            presets={presets(t, now)}
            allowSingleDateInRange
            w={250}
            data-testid="report-period"
          />
        </DatesProvider>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('reports.by')}
          </Text>
          <SegmentedControl value={by} onChange={(v) => setBy(v as KpiGrouping)} data={KPI_GROUPINGS.map((g) => ({ value: g, label: t(`reports.by.${g}`) }))} data-testid="report-by" />
        </Stack>
        <Switch label={t('reports.compare')} checked={compare} onChange={(e) => setCompare(e.currentTarget.checked)} mb={8} data-testid="report-compare" />
      </Group>
      <QueryState query={q}>
        {(r) =>
          r.empty ? (
            <Alert icon={<IconInfo />} color="gray" data-testid="report-empty">
              {t('reports.empty', { from: fmt.date(r.period.from), to: fmt.date(r.period.to) })}
            </Alert>
          ) : (
            <Stack gap="sm">
              <Definitions r={r} />
              <Headline r={r} />
              <ReportCharts r={r} />
              <GroupsTable r={r} />
              <OtherTables r={r} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
