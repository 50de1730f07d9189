/**
 * Margins where prices are typed: under each line's net amount, the margin against the
 * item's rolled-up recipe cost (percent and euros), and the order's in the totals card —
 * red when under the threshold set in Settings. Costs come from catalog.costRollup, asked
 * once for the items on the order.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { Group, Text, Tooltip } from '@mantine/core';
import { isUnderThreshold, lineMargin, totalMargin, type Margin } from '../../../src-shared/domain/margin';
import type { ItemKind } from '../../../src-shared/contract/common';
import { useApiQuery } from '../../api/hooks';
import { QueryError } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import type { Formatters } from '../../i18n/format';
import { lineAmounts, type LineDraft } from './orderTotals';

export interface MarginCosts {
  /** unit cost per item id (micro-euros), null when the roll-up could not count it; absent while loading */
  costs: Map<number, number | null> | undefined;
  warnBelowBp: number;
  query: ReturnType<typeof useApiQuery<'catalog.costRollup'>>;
}

/** The rolled-up cost of every item on the order and the threshold. */
export function useMarginCosts(itemIds: number[]): MarginCosts {
  const ids = [...new Set(itemIds)].sort((a, b) => a - b);
  // query-error: TotalMargin puts its QueryError (with Retry) in the totals card; the lines show no margin meanwhile
  const query = useApiQuery('catalog.costRollup', { itemIds: ids }, { enabled: ids.length > 0, placeholderData: keepPreviousData });
  // query-error: settings.get is loaded before any screen shows — I18nProvider waits for it and shows its error with Retry
  const settings = useApiQuery('settings.get', {}, { staleTime: Infinity });
  const costs = query.data ? new Map(query.data.costs.map((c) => [c.itemId, c.unitCostMicros])) : undefined;
  return { costs, warnBelowBp: Math.round((settings.data?.sales.marginWarnPct ?? 30) * 100), query };
}

type MarginLine = LineDraft & { itemId: number | null; kind?: ItemKind | null };

/** A line's margin, or null when its amount is not known or it is a service (shipping, surcharges: no cost of making to compare with). */
export function marginOf(line: MarginLine, costs: MarginCosts['costs']): { netCents: number; margin: Margin | null } | null {
  const a = lineAmounts(line);
  if (!a || line.itemId === null || line.kind === 'service') return null;
  const cost = costs?.get(line.itemId);
  return { netCents: a.netCents, margin: cost === undefined || cost === null ? null : lineMargin(a.qtyMilli, a.netCents, cost) };
}

const pct = (bp: number | null, fmt: Formatters) => (bp === null ? '—' : `${fmt.number(bp / 100)} %`);

/** The small line under a line's net amount. */
export function LineMargin({ line, costs, index }: { line: MarginLine | null; costs: MarginCosts; index: number }) {
  const { t, fmt } = useI18n();
  const m = line ? marginOf(line, costs.costs) : null;
  if (!m || !costs.costs?.has(line!.itemId!)) return null;
  if (!m.margin) {
    return (
      <Tooltip label={t('orders.margin.unknownCost.hint')} multiline w={260}>
        <Text size="xs" c="dimmed" data-testid={`order-line-margin-${index}`}>
          {t('orders.margin.unknownCost')}
        </Text>
      </Tooltip>
    );
  }
  const under = isUnderThreshold(m.margin, costs.warnBelowBp);
  const label = t('orders.margin.tooltip', { cost: fmt.money(m.margin.costCents), amount: fmt.money(m.margin.marginCents), pct: pct(m.margin.marginBp, fmt) });
  return (
    <Tooltip label={under ? `${label} · ${t('orders.margin.under', { threshold: pct(costs.warnBelowBp, fmt) })}` : label} multiline w={260}>
      <Text size="xs" c={under ? 'red.7' : 'dimmed'} fw={under ? 600 : undefined} className="num" data-testid={`order-line-margin-${index}`} data-under={under || undefined}>
        {pct(m.margin.marginBp, fmt)} · {fmt.money(m.margin.marginCents)}
      </Text>
    </Tooltip>
  );
}

/** The order's margin, for the totals card. */
export function TotalMargin({ lines, costs }: { lines: MarginLine[]; costs: MarginCosts }) {
  const { t, fmt } = useI18n();
  if (costs.query.error) return <QueryError query={costs.query} compact what={t('orders.margin')} />;
  if (!costs.costs) return null;
  const known = lines.map((l) => marginOf(l, costs.costs)).filter((m) => m !== null);
  if (known.length === 0) return null;
  const total = totalMargin(known);
  const under = isUnderThreshold(total, costs.warnBelowBp);
  return (
    <>
      <Group justify="space-between" gap="xl">
        <Text size="sm" c="dimmed">
          {t('orders.margin.total')}
        </Text>
        <Text size="sm" className="num" c={under ? 'red.7' : undefined} fw={under ? 600 : undefined} data-testid="order-total-margin" data-under={under || undefined}>
          {total.unknown === known.length ? '—' : `${pct(total.marginBp, fmt)} · ${fmt.money(total.marginCents)}`}
        </Text>
      </Group>
      {total.unknown > 0 ? (
        <Text size="xs" c="dimmed" maw={280}>
          {t('orders.margin.totalUnknown', { count: total.unknown })}
        </Text>
      ) : null}
    </>
  );
}
