/**
 * Numbers people read, in the active locale. Stored integers (thousandths of a unit,
 * cents, micro-euros) become text only here and in the domain helpers this calls.
 */
import type { Translator } from '../../src-shared/i18n';
import type { Unit } from '../../src-shared/domain/units';
import { formatQuantity } from '../../src-shared/domain/quantity';
import { costOfQuantityMicros, formatMicros, formatMoney, microsToCents } from '../../src-shared/domain/money';
import { convertMilli } from '../../src-shared/domain/units';
import { formatDecimal, type FormatDecimalOptions } from '../../src-shared/domain/decimal';

export interface Formatters {
  /** the unit as people write it in this language ("pz" in Italian) */
  unit(unit: Unit): string;
  /** 2500 (kg) → "2,5 kg" */
  qty(milli: number, unit: Unit): string;
  /** a quantity of an item shown in another unit of the same dimension (as it was typed) */
  qtyAs(milli: number, itemUnit: Unit, shownIn: Unit): string;
  /** cents → "1.234,56 €" */
  money(cents: number): string;
  /** micro-euros → "0,8437 €" (up to 4 decimals) */
  micros(micros: number): string;
  /** unit cost → "6,40 € / kg" */
  perUnit(micros: number, unit: Unit): string;
  /** an amount in micro-euros rounded to cents, as money */
  moneyMicros(micros: number): string;
  /** cost of a quantity at a unit cost, in cents, as money */
  costOf(qtyMilli: number, unitCostMicros: number): string;
  number(n: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
  /** a stored integer back into an input, e.g. 6400000 at scale 6 → "6,40" in Italian */
  decimalInput(value: number, scale: number, opts?: FormatDecimalOptions): string;
  /** a quantity back into an input, in the unit it was typed in: "7,5 kg" */
  qtyInput(milli: number, itemUnit: Unit, shownIn?: Unit): string;
}

export function createFormatters(locale: string, decimalComma: boolean, t: Translator): Formatters {
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 3, useGrouping: 'always' }); // 1.250 in Italian, as documents print it
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dayTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const unit = (u: Unit) => t(`unit.symbol.${u}`);
  const decimalInput = (value: number, scale: number, opts?: FormatDecimalOptions) => {
    const s = formatDecimal(value, scale, opts);
    return decimalComma ? s.replace('.', ',') : s;
  };
  const micros = (m: number) => formatMicros(m, locale);
  const qty = (milli: number, u: Unit) => {
    const text = formatQuantity(milli, u, locale);
    return text.endsWith(' ' + u) ? text.slice(0, -u.length) + unit(u) : text;
  };
  return {
    unit,
    qty,
    money: (cents) => formatMoney(cents, locale),
    qtyAs: (milli, itemUnit, shownIn) => {
      try {
        return qty(convertMilli(milli, itemUnit, shownIn), shownIn);
      } catch {
        return qty(milli, itemUnit);
      }
    },
    micros,
    perUnit: (m, u) => t('unit.per', { amount: micros(m), unit: unit(u) }),
    moneyMicros: (m) => formatMoney(microsToCents(m), locale),
    costOf: (q, c) => formatMoney(microsToCents(costOfQuantityMicros(q, c)), locale),
    number: (n) => num.format(n),
    date: (iso) => (iso ? day.format(new Date(iso)) : ''),
    dateTime: (iso) => (iso ? dayTime.format(new Date(iso)) : ''),
    decimalInput,
    qtyInput: (milli, itemUnit, shownIn = itemUnit) => {
      let shown = milli;
      try {
        shown = convertMilli(milli, itemUnit, shownIn);
      } catch {
        shownIn = itemUnit;
      }
      return `${decimalInput(shown, 3)} ${unit(shownIn)}`;
    },
  };
}
