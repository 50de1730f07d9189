/**
 * The three pictures of the report — revenue per month per group, the on-time trend,
 * margin by product — each with the table of its numbers beside it.
 */
import { BarChart, LineChart } from '@mantine/charts';
import type { KpisResult } from '../../../src-shared/contract/reports';
import { useI18n } from '../../i18n/I18nProvider';
import { ChartWithTable } from './ChartWithTable';
import { reportFormat } from './reportFormat';

const COLORS = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'gray.5'];
const OTHERS = '*';

/** Long names (a product's) cut for a legend or a column head; the table row keeps the whole name. */
function short(label: string): string {
  return label.length > 22 ? `${label.slice(0, 21)}…` : label;
}

function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

export function ReportCharts({ r }: { r: KpisResult }) {
  const { t, locale } = useI18n();
  const f = reportFormat(locale);
  const euros = (cents: number) => Math.round(cents / 100);
  const labelOf = new Map(r.groups.map((g) => [g.key, g.label]));
  labelOf.set(OTHERS, t('reports.others'));
  const keys = [...new Set(r.months.map((m) => m.key))].sort((a, b) => (a === OTHERS ? 1 : b === OTHERS ? -1 : r.groups.findIndex((g) => g.key === a) - r.groups.findIndex((g) => g.key === b)));
  const months = [...new Set(r.months.map((m) => m.month))].sort();
  // recharts keys cannot hold dots or spaces reliably: series are named s0, s1…
  const seriesName = (k: string) => `s${keys.indexOf(k)}`;
  const revenueData = months.map((month) => {
    const row: Record<string, string | number> = { month: monthLabel(month, locale) };
    for (const k of keys) row[seriesName(k)] = 0;
    for (const m of r.months) if (m.month === month) row[seriesName(m.key)] = euros(m.revenueCents);
    return row;
  });
  const series = keys.map((k, i) => ({ name: seriesName(k), label: short(labelOf.get(k) ?? k), color: COLORS[i % COLORS.length]! }));
  const revenueOf = (month: string, key: string) => r.months.find((m) => m.month === month && m.key === key)?.revenueCents ?? 0;

  const onTime = months.map((month) => {
    const ms = r.months.filter((m) => m.month === month);
    const on = ms.reduce((s, m) => s + m.onTime, 0);
    const of = ms.reduce((s, m) => s + m.onTimeEligible, 0);
    return { month, label: monthLabel(month, locale), on, of, pct: of === 0 ? null : Math.round((on * 1000) / of) / 10 };
  });

  const products = r.topProducts;
  return (
    <>
      <ChartWithTable
        testId="report-revenue"
        title={t('reports.section.revenueByMonth')}
        chart={
          <BarChart h={280} data={revenueData} dataKey="month" type="stacked" series={series} withLegend legendProps={{ verticalAlign: 'bottom' }} valueFormatter={(v) => f.money(v * 100)} tickLine="y" />
        }
        table={{
          head: [t('reports.col.month'), ...keys.map((k) => short(labelOf.get(k) ?? k))],
          rows: months.map((month) => [monthLabel(month, locale), ...keys.map((k) => f.money(revenueOf(month, k)))]),
          numeric: keys.map((_, i) => i + 1),
        }}
      />
      <ChartWithTable
        testId="report-ontime"
        title={t('reports.section.onTimeTrend')}
        chart={
          <LineChart
            h={200}
            data={onTime.map((o) => ({ month: o.label, pct: o.pct }))}
            dataKey="month"
            series={[{ name: 'pct', label: t('reports.kpi.onTime'), color: 'teal.6' }]}
            yAxisProps={{ domain: [0, 100] }}
            valueFormatter={(v) => `${v} %`}
            connectNulls
            tickLine="y"
          />
        }
        table={{
          head: [t('reports.col.month'), t('reports.kpi.onTime'), t('reports.kpi.orders'), '%'],
          rows: onTime.map((o) => [o.label, o.on, o.of, o.of === 0 ? '—' : f.pct(Math.round((o.on * 10_000) / o.of))]),
          numeric: [1, 2, 3],
        }}
      />
      <ChartWithTable
        testId="report-margin"
        title={t('reports.section.marginByProduct')}
        chart={
          <BarChart
            h={Math.max(160, products.length * 26)}
            data={products.map((p) => ({ product: p.sku, margin: euros(p.marginCents), cost: euros(p.revenueCents - p.marginCents) }))}
            dataKey="product"
            orientation="vertical"
            type="stacked"
            series={[
              { name: 'margin', label: t('reports.kpi.margin'), color: 'teal.6' },
              { name: 'cost', label: t('reports.kpi.cost'), color: 'gray.4' },
            ]}
            valueFormatter={(v) => f.money(v * 100)}
            yAxisProps={{ width: 110, interval: 0, fontSize: 10 }}
            withLegend
          />
        }
        table={{
          head: [t('reports.col.item'), t('reports.kpi.revenue'), t('reports.kpi.margin'), t('reports.kpi.marginPct')],
          rows: products.map((p) => [`${p.name}${p.estimated ? ' *' : ''}`, f.money(p.revenueCents), f.money(p.marginCents), f.pct(p.marginBp)]),
          numeric: [1, 2, 3],
        }}
      />
    </>
  );
}
