/**
 * The report's tables as plain rows with typed columns, from one `reports.kpis` answer:
 * the CSV writes them all, the PDF prints them on one page. One place decides which
 * columns a table has, so the two files show the same figures as the screen.
 */
import type { KpisResult } from '../../../src-shared/contract/reports';
import type { Translator } from '../../../src-shared/i18n';
import type { Cell, CellKind } from '../channels/csvWrite';

export interface KpiColumn {
  header: string;
  kind: CellKind;
}

export interface KpiTable {
  title: string;
  columns: KpiColumn[];
  rows: Cell[][];
}

/** Hundredths of a percent as a percent with two decimals ("97.50"), blank when there is no share. */
const bp = (v: number | null): Cell => v;

export function kpiTables(r: KpisResult, t: Translator): KpiTable[] {
  const prev = r.previous;
  const prevByKey = new Map((prev?.groups ?? []).map((g) => [g.key, g]));
  const figureColumns: KpiColumn[] = [
    { header: t('reports.kpi.orders'), kind: 'int' },
    { header: t('reports.kpi.revenue'), kind: 'cents' },
    { header: t('reports.kpi.shipDaysAvg'), kind: 'decimal' },
    { header: t('reports.kpi.shipDaysP90'), kind: 'int' },
    { header: `${t('reports.kpi.onTime')} %`, kind: 'bp' },
    { header: `${t('reports.kpi.returns')} %`, kind: 'bp' },
    { header: t('reports.kpi.cost'), kind: 'cents' },
    { header: t('reports.col.estimated'), kind: 'cents' },
    { header: t('reports.kpi.margin'), kind: 'cents' },
    { header: t('reports.kpi.marginPct'), kind: 'bp' },
  ];
  const figures = (f: KpisResult['total']): Cell[] => [
    f.orders,
    f.revenueCents,
    f.shipDaysAvg === null ? null : f.shipDaysAvg.toFixed(1),
    f.shipDaysP90,
    bp(f.onTimeBp),
    bp(f.returnsBp),
    f.lotCostCents + f.estimatedCostCents,
    f.estimatedCostCents,
    f.marginCents,
    bp(f.marginBp),
  ];
  const prevColumns: KpiColumn[] = prev
    ? [
        { header: `${t('reports.kpi.orders')} (${t('reports.kpi.previous')})`, kind: 'int' },
        { header: `${t('reports.kpi.revenue')} (${t('reports.kpi.previous')})`, kind: 'cents' },
        { header: `${t('reports.kpi.margin')} (${t('reports.kpi.previous')})`, kind: 'cents' },
      ]
    : [];
  const prevCells = (f: KpisResult['total'] | undefined): Cell[] => (prev ? [f?.orders ?? 0, f?.revenueCents ?? 0, f?.marginCents ?? 0] : []);

  return [
    {
      title: t('reports.section.groups'),
      columns: [{ header: t(`reports.by.${r.by}`), kind: 'text' }, ...figureColumns, ...prevColumns],
      rows: [...r.groups.map((g) => [g.label, ...figures(g), ...prevCells(prevByKey.get(g.key))]), [t('reports.section.total'), ...figures(r.total), ...prevCells(prev?.total)]],
    },
    {
      title: t('reports.section.topProducts'),
      columns: [
        { header: t('reports.col.sku'), kind: 'text' },
        { header: t('reports.col.item'), kind: 'text' },
        { header: t('reports.col.qty'), kind: 'milli' },
        { header: t('reports.col.unit'), kind: 'text' },
        { header: t('reports.kpi.revenue'), kind: 'cents' },
        { header: t('reports.kpi.margin'), kind: 'cents' },
        { header: t('reports.kpi.marginPct'), kind: 'bp' },
        { header: t('reports.estimated'), kind: 'text' },
      ],
      rows: r.topProducts.map((p) => [p.sku, p.name, p.qtyMilli, p.unit, p.revenueCents, p.marginCents, p.marginBp, p.estimated ? '*' : '']),
    },
    {
      title: t('reports.section.topCustomers'),
      columns: [
        { header: t('reports.col.customer'), kind: 'text' },
        { header: t('reports.kpi.orders'), kind: 'int' },
        { header: t('reports.kpi.revenue'), kind: 'cents' },
      ],
      rows: r.topCustomers.map((c) => [c.name, c.orders, c.revenueCents]),
    },
    {
      title: t('reports.section.yield'),
      columns: [
        { header: t('reports.col.sku'), kind: 'text' },
        { header: t('reports.col.item'), kind: 'text' },
        { header: t('reports.col.batches'), kind: 'int' },
        { header: t('reports.col.planned'), kind: 'milli' },
        { header: t('reports.col.actual'), kind: 'milli' },
        { header: t('reports.col.unit'), kind: 'text' },
        { header: t('reports.col.variance'), kind: 'bp' },
      ],
      rows: r.yieldByRecipe.map((y) => [y.sku, y.name, y.batches, y.plannedMilli, y.actualMilli, y.unit, y.varianceBp]),
    },
    {
      title: t('reports.section.materials'),
      columns: [
        { header: t('reports.col.sku'), kind: 'text' },
        { header: t('reports.col.item'), kind: 'text' },
        { header: t('reports.col.qty'), kind: 'milli' },
        { header: t('reports.col.unit'), kind: 'text' },
        { header: t('reports.kpi.cost'), kind: 'cents' },
      ],
      rows: r.materials.map((m) => [m.sku, m.name, m.qtyMilli, m.unit, m.costUnknown && m.costCents === 0 ? null : m.costCents]),
    },
    {
      title: t('reports.section.carriers'),
      columns: [
        { header: t('reports.col.carrier'), kind: 'text' },
        { header: t('reports.col.shipments'), kind: 'int' },
        { header: t('reports.col.packages'), kind: 'int' },
        { header: t('reports.col.transit'), kind: 'int' },
      ],
      rows: r.carriers.map((c) => [c.carrier || t('reports.noCarrier'), c.shipments, c.packages, c.plannedTransitDays]),
    },
  ];
}
