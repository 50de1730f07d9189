/** The report's tables: figures per group (with the previous period), top customers, yield, materials, carriers. */
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { KpisResult } from '../../../src-shared/contract/reports';
import { useI18n } from '../../i18n/I18nProvider';
import { DataTable, type SimpleTable } from './ChartWithTable';
import { costCents, reportFormat } from './reportFormat';

function Section({ title, table, testId, note }: { title: string; table: SimpleTable; testId: string; note?: string }) {
  return (
    <Paper withBorder p="sm">
      <Title order={4} fz="sm" mb="xs">
        {title}
      </Title>
      <DataTable table={table} testId={testId} maxHeight={320} />
      {note ? (
        <Text size="xs" c="dimmed" mt={4}>
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}

export function GroupsTable({ r }: { r: KpisResult }) {
  const { t, locale } = useI18n();
  const f = reportFormat(locale);
  const prev = new Map((r.previous?.groups ?? []).map((g) => [g.key, g]));
  const withPrev = r.previous !== null;
  const row = (label: string, g: KpisResult['total'], p: KpisResult['total'] | undefined) => [
    label,
    f.number(g.orders),
    f.money(g.revenueCents),
    ...(withPrev ? [p ? f.money(p.revenueCents) : '—'] : []),
    f.days(g.shipDaysAvg),
    f.days(g.shipDaysP90),
    f.pct(g.onTimeBp),
    f.pct(g.returnsBp),
    `${f.money(costCents(g))}${g.estimatedCostCents > 0 ? ' *' : ''}`,
    f.money(g.marginCents),
    f.pct(g.marginBp),
  ];
  const head = [
    t(`reports.by.${r.by}`),
    t('reports.kpi.orders'),
    t('reports.kpi.revenue'),
    ...(withPrev ? [`${t('reports.kpi.revenue')} (${t('reports.kpi.previous')})`] : []),
    t('reports.kpi.shipDaysAvg'),
    t('reports.kpi.shipDaysP90'),
    t('reports.kpi.onTime'),
    t('reports.kpi.returns'),
    t('reports.kpi.cost'),
    t('reports.kpi.margin'),
    t('reports.kpi.marginPct'),
  ];
  const estimated = r.total.estimatedCostCents > 0;
  const notes = [estimated ? t('reports.estimatedNote') : '', r.total.unknownCostLines > 0 ? t('reports.unknownCostNote', { count: r.total.unknownCostLines }) : ''].filter(Boolean).join(' · ');
  return (
    <Section
      title={t('reports.section.groups')}
      testId="report-groups"
      note={notes || undefined}
      table={{
        head,
        rows: [...r.groups.map((g) => row(g.label, g, prev.get(g.key))), row(t('reports.section.total'), r.total, r.previous?.total)],
        numeric: head.map((_, i) => i).slice(1),
      }}
    />
  );
}

export function OtherTables({ r }: { r: KpisResult }) {
  const { t, locale, fmt } = useI18n();
  const f = reportFormat(locale);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Section
        title={t('reports.section.topCustomers')}
        testId="report-customers"
        table={{ head: [t('reports.col.customer'), t('reports.kpi.orders'), t('reports.kpi.revenue')], rows: r.topCustomers.map((c) => [c.name, c.orders, f.money(c.revenueCents)]), numeric: [1, 2] }}
      />
      <Section
        title={t('reports.section.carriers')}
        testId="report-carriers"
        table={{
          head: [t('reports.col.carrier'), t('reports.col.shipments'), t('reports.col.packages'), t('reports.col.transit')],
          rows: r.carriers.map((c) => [c.carrier || t('reports.noCarrier'), c.shipments, c.packages, c.plannedTransitDays ?? '—']),
          numeric: [1, 2, 3],
        }}
      />
      <Section
        title={t('reports.section.yield')}
        testId="report-yield"
        table={{
          head: [t('reports.col.item'), t('reports.col.batches'), t('reports.col.planned'), t('reports.col.actual'), t('reports.col.variance')],
          rows: r.yieldByRecipe.map((y) => [y.name, y.batches, fmt.qty(y.plannedMilli, y.unit), fmt.qty(y.actualMilli, y.unit), f.pct(y.varianceBp)]),
          numeric: [1, 2, 3, 4],
        }}
      />
      <Section
        title={t('reports.section.materials')}
        testId="report-materials"
        table={{
          head: [t('reports.col.item'), t('reports.col.qty'), t('reports.kpi.cost')],
          rows: r.materials.map((m) => [m.name, fmt.qty(m.qtyMilli, m.unit), m.costUnknown && m.costCents === 0 ? '—' : `${f.money(m.costCents)}${m.costUnknown ? ' *' : ''}`]),
          numeric: [1, 2],
        }}
      />
    </SimpleGrid>
  );
}
