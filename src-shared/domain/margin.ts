/**
 * Margin of a sale against what it costs to make: net amount minus the rolled-up recipe
 * cost of the quantity sold, in cents and as a share of the net amount (basis points,
 * 10 000 = 100 %). Pure: the order editor shows it per line and for the order.
 */
import { mulDivRound } from './decimal';
import { costOfQuantityMicros, microsToCents } from './money';

export interface Margin {
  costCents: number;
  marginCents: number;
  /** margin ÷ net, in basis points; null when the net amount is 0 (no share of nothing) */
  marginBp: number | null;
}

function withShare(netCents: number, costCents: number): Margin {
  const marginCents = netCents - costCents;
  return { costCents, marginCents, marginBp: netCents === 0 ? null : mulDivRound(marginCents, 10_000, netCents, 'half_up') };
}

/** One line: `qtyMilli` of an item costing `unitCostMicros` per unit, sold for `netCents`. */
export function lineMargin(qtyMilli: number, netCents: number, unitCostMicros: number): Margin {
  return withShare(netCents, microsToCents(costOfQuantityMicros(qtyMilli, unitCostMicros)));
}

/** The order: the sum of the lines whose cost is known (`unknown` counts the others, left out). */
export function totalMargin(lines: readonly { netCents: number; margin: Margin | null }[]): Margin & { unknown: number } {
  let net = 0;
  let cost = 0;
  let unknown = 0;
  for (const l of lines) {
    if (!l.margin) {
      unknown++;
      continue;
    }
    net += l.netCents;
    cost += l.margin.costCents;
  }
  return { ...withShare(net, cost), unknown };
}

/** Whether a margin is under the warning threshold (a margin that cannot be shared out is not). */
export function isUnderThreshold(m: Margin, warnBelowBp: number): boolean {
  return m.marginBp !== null && m.marginBp < warnBelowBp;
}
