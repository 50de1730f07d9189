/**
 * What the price screens check where it is typed, before asking the server (which checks
 * the same and names the field too): a price that is a number and not negative, breaks
 * whose quantities increase, a discount chain whose steps are 0–100 %.
 */
import type { Translator } from '../../../src-shared/i18n';
import { parseDecimal } from '../../../src-shared/domain/decimal';

function num(text: string, scale: number): number | null {
  try {
    return parseDecimal(text.replace(/€/g, '').trim(), scale);
  } catch {
    return null;
  }
}

/** The message for a bad price, or null. */
export function checkPrice(text: string, t: Translator, opts: { optional?: boolean } = {}): string | null {
  if (text.trim() === '') return opts.optional ? null : t('prices.check.priceRequired');
  const v = num(text, 8);
  if (v === null) return t('prices.check.priceNotNumber');
  if (v < 0) return t('prices.check.priceNegative');
  return null;
}

/** Per break (by index): the message for its quantity, when it is not a positive number above the one before. */
export function checkBreaks(breaks: { fromQuantity: string }[], t: Translator): (string | null)[] {
  let last = 0;
  return breaks.map((b) => {
    const q = num(b.fromQuantity, 3);
    if (q === null) return t('prices.check.breakNotNumber');
    if (q <= 0) return t('prices.check.breakPositive');
    if (q <= last) return t('prices.check.breakIncreasing');
    last = q;
    return null;
  });
}

/** A chain "10+5": each step a number from 0 to 100. */
export function checkDiscounts(text: string, t: Translator): string | null {
  if (text.trim() === '') return null;
  for (const step of text.split('+')) {
    const v = num(step, 4);
    if (v === null) return t('prices.check.discountNotNumber');
    if (v < 0) return t('prices.check.discountNegative');
    if (v > 100 * 10_000) return t('prices.check.discountOver100');
  }
  return null;
}

/** A percentage for "+3 % on everything": a number above −100. */
export function checkPercent(text: string, t: Translator): string | null {
  const v = num(text.replace('%', ''), 4);
  if (v === null) return t('prices.check.percentNotNumber');
  if (v <= -100 * 10_000) return t('prices.check.percentTooLow');
  return null;
}

/** "30/60", "30 60", "0" → [30, 60]; null when a part is not a whole number of days 0–365 or they do not increase. */
export function parseDays(text: string): number[] | null {
  const parts = text.split(/[\s/,;+-]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 12) return null;
  const days = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  if (days.some((d) => !Number.isInteger(d) || d > 365)) return null;
  for (let i = 1; i < days.length; i++) if (days[i]! <= days[i - 1]!) return null;
  return days;
}
