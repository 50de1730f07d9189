/** How the Report screen writes its figures: money, shares and days in the user's language. */
import type { KpiFigures } from '../../../src-shared/contract/reports';
import { formatMoney } from '../../../src-shared/domain/money';

export interface ReportFormat {
  money(cents: number): string;
  /** hundredths of a percent → "97,5 %"; a dash when there is no share */
  pct(bp: number | null): string;
  days(d: number | null): string;
  number(n: number): string;
}

export function reportFormat(locale: string): ReportFormat {
  // 'negative': a variance of −0.04 % shows 0,0 %, not −0,0 %
  const pct = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'negative' } as Intl.NumberFormatOptions);
  const days = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const num = new Intl.NumberFormat(locale, { useGrouping: 'always' } as Intl.NumberFormatOptions);
  return {
    // the project's money format (thousands grouped, as in every other screen)
    money: (c) => formatMoney(c, locale),
    pct: (bp) => (bp === null ? '—' : `${pct.format(bp / 100)} %`),
    days: (d) => (d === null ? '—' : days.format(d)),
    number: (n) => num.format(n),
  };
}

/** Total cost shown beside the margin: the lots' and the estimated part. */
export const costCents = (f: KpiFigures) => f.lotCostCents + f.estimatedCostCents;
