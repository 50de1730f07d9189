/**
 * Prices filled as lines are added: every line whose price was not typed by hand is asked
 * of prices.quoteBatch (customer list > group list > item's base price, with the
 * customer's discount), once per change of customer, date, item or quantity. A typed
 * price stays and is sent as typed (the server marks it manual); the others are sent
 * empty, so the server decides them the same way and freezes them at confirmation.
 * While the order is a draft a quantity that crosses a break re-prices the line, and the
 * editor says so; once confirmed only lines without a price yet are asked.
 */
import { useEffect, useRef, useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import type { Dispatch, SetStateAction } from 'react';
import { netOfListedPrice } from '../../../src-shared/domain/pricing';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { useApiQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/I18nProvider';
import type { LineRow } from './OrderLinesEditor';

/** "4.20" (the contract's decimal text) → "4,20" in Italian inputs; at least two decimals. */
export function priceInput(decimal: string, comma: boolean): string {
  const [int = '0', frac = ''] = decimal.split('.');
  const f = frac.padEnd(2, '0');
  return `${int}${comma ? ',' : '.'}${f}`;
}

/** A chain ["10","5"] as typed in the discount field: "10+5" ("10,5" in Italian). */
export function discountInput(chain: string[], comma: boolean): string {
  return chain.map((d) => (comma ? d.replace('.', ',') : d)).join('+');
}

function quantityOf(l: LineRow): string | null {
  if (!l.item) return null;
  if (l.quantity.trim() === '') return '1';
  try {
    return parseQuantity(l.quantity, l.item.unit) > 0 ? l.quantity.trim() : null;
  } catch {
    return null;
  }
}

export interface Repriced {
  line: number;
  from: string;
  to: string;
}

export function useLineQuotes({ customerId, date, lines, setLines, isDraft }: { customerId: number | null; date: string; lines: LineRow[]; setLines: Dispatch<SetStateAction<LineRow[]>>; isDraft: boolean }) {
  const { lang } = useI18n();
  const comma = lang === 'it';
  // the lines to ask about: not typed by hand, with an item and a quantity that reads
  const asked = lines.flatMap((l) => {
    const quantity = quantityOf(l);
    if (!l.item || l.priceManual || quantity === null) return [];
    if (!isDraft && l.quote === null && l.priceSource !== null) return []; // a confirmed order's saved line keeps its price
    return [{ key: l.key, itemId: l.item.id, quantity }];
  });
  // compared as text, so a re-render with the same lines asks nothing new
  const [signature] = useDebouncedValue(JSON.stringify(asked), 250);
  const wanted = JSON.parse(signature) as typeof asked;
  const input = { customerId: customerId ?? 0, date: date || undefined, lines: wanted.map((a) => ({ itemId: a.itemId, quantity: a.quantity })) };
  // query-error: OrderEditor puts this query's QueryError (with Retry) above the lines
  const query = useApiQuery('prices.quoteBatch', input, { enabled: customerId !== null && wanted.length > 0, placeholderData: keepPreviousData });
  const [repriced, setRepriced] = useState<Repriced[]>([]);
  const latest = useRef(lines);
  latest.current = lines;

  useEffect(() => {
    const data = query.data;
    if (!data || query.isPlaceholderData) return;
    const asked = JSON.parse(signature) as { key: number; itemId: number; quantity: string }[];
    if (data.quotes.length !== asked.length) return;
    const byKey = new Map(asked.map((a, i) => [a.key, { quote: data.quotes[i]!, quantity: a.quantity }]));
    const notices: Repriced[] = [];
    let changed = false;
    const next = latest.current.map((l, index) => {
      const hit = byKey.get(l.key);
      if (!hit || l.priceManual || !l.item || l.item.id !== hit.quote.itemId || quantityOf(l) !== hit.quantity) return l;
      const q = hit.quote;
      // a VAT-included list's price is shown net, as the server will store it
      const unitPrice = priceInput(netOfListedPrice(q.unitPrice, q.vatIncluded, l.vatPct), comma);
      const discountPct = l.discountManual ? l.discountPct : discountInput(q.discounts, comma);
      if (l.quote === q || (l.quote && JSON.stringify(l.quote) === JSON.stringify(q) && l.unitPrice === unitPrice && l.discountPct === discountPct)) return l;
      const before = l.quote;
      if (isDraft && before && before.itemId === q.itemId && before.breakFromMilli !== q.breakFromMilli && before.unitPrice !== q.unitPrice) {
        notices.push({ line: index + 1, from: before.unitPrice, to: q.unitPrice });
      }
      changed = true;
      return { ...l, quote: q, priceSource: q.source, unitPrice, discountPct };
    });
    if (changed) setLines(next);
    if (notices.length > 0) setRepriced(notices);
  }, [query.data, query.isPlaceholderData, signature, setLines, isDraft, comma]);

  return { query, repriced, dismiss: () => setRepriced([]) };
}
