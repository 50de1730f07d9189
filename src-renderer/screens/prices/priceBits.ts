/** Small wordings the price screens share. */
import type { Translator } from '../../../src-shared/i18n';
import type { Formatters } from '../../i18n/format';

/** "from 1 Jan 2026 to 31 Dec 2026", "from …", "until …", "always". */
export function validityText(l: { validFrom: string | null; validTo: string | null }, t: Translator, fmt: Formatters): string {
  if (l.validFrom && l.validTo) return t('prices.validity.between', { from: fmt.date(l.validFrom), to: fmt.date(l.validTo) });
  if (l.validFrom) return t('prices.validity.from', { from: fmt.date(l.validFrom) });
  if (l.validTo) return t('prices.validity.to', { to: fmt.date(l.validTo) });
  return t('prices.validity.always');
}

/** Days of a payment schedule as people say them: "30/60 gg", "rimessa diretta". */
export function scheduleText(p: { days: number[]; endOfMonth: boolean }, t: Translator): string {
  if (p.days.length === 1 && p.days[0] === 0) return t('prices.terms.immediate');
  const schedule = p.days.join('/');
  return p.endOfMonth ? t('prices.terms.daysEom', { schedule }) : t('prices.terms.days', { schedule });
}
