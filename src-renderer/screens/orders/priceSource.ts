/** Where a line's price came from, for the price field's hover: the list (and break), the item's base price, or typed by hand. */
import type { Translator } from '../../../src-shared/i18n';
import type { Formatters } from '../../i18n/format';
import type { PriceSource, Quote } from '../../../src-shared/contract/prices';
import type { Unit } from '../../../src-shared/domain/units';

/** What of an order line the wording needs (the line editor's row fits). */
interface PricedLine {
  item: { unit: Unit } | null;
  priceSource: PriceSource | null;
  quote: Quote | null;
}

export function priceSourceText(l: PricedLine, t: Translator, fmt: Formatters): string {
  if (l.priceSource === null) return '';
  if (l.priceSource === 'manual') return t('orders.price.source.manual');
  if (l.priceSource === 'base') return t('orders.price.source.base');
  const list = l.quote?.listName ?? '';
  const parts = [t(`orders.price.source.${l.priceSource}`, { list })];
  if (l.quote?.breakFromMilli != null && l.item) parts.push(t('orders.price.break', { qty: fmt.qty(l.quote.breakFromMilli, l.item.unit) }));
  if (l.quote && l.quote.discounts.length > 0) parts.push(t('orders.price.discountFrom', { chain: l.quote.discounts.join('+') }));
  return parts.join(' · ');
}
