/**
 * Rows of a file → the orders they describe, with every value checked as far as it can
 * be without the database (numbers, dates, states). Pure: the preview then matches
 * items, customers and orders already in Bottega.
 */
import { ORDER_CHANNELS } from '../../../src-shared/contract/orders';
import { divRoundBig, mulDivRound, parseDecimal } from '../../../src-shared/domain/decimal';
import { parseMoneyCents } from '../../../src-shared/domain/money';
import { parseUnitPriceE8 } from '../../../src-shared/domain/pricing';
import type { CsvTable } from './csvTable';
import { cleanPhone, cleanPostcode, countryCode, isFalse, isMangledNumber, taxRateBp } from './fieldValues';
import type { Channel, Field, FormatSpec, ResolvedColumns } from './formats';
import type { ProblemList } from './problems';

export interface DraftLine {
  row: number;
  /** the channel's key for the item: the SKU, or the product name when the row has none */
  externalSku: string;
  name: string;
  qtyText: string;
  /** net of VAT, per unit; null: the item's sale price */
  unitPriceCents: number | null;
  discountBp: number;
  vatBp: number;
  note: string;
  /** the net price exactly as the file wrote it (up to 8 decimals), when it is net */
  exactPrice: string | null;
  /**
   * A shop's VAT-included unit price and the amount taken off the line, in cents, when the
   * file's prices include VAT: the import derives exact net prices from them so the order
   * comes to what the customer paid (null when prices are net)
   */
  paid: { unitGrossCents: number; discountCents: number } | null;
}

export interface DraftCustomer {
  row: number;
  name: string;
  email: string | null;
  phone: string | null;
  vatNumber: string | null;
  fiscalCode: string | null;
  street: string;
  postcode: string;
  city: string;
  province: string;
  country: string;
  shipStreet: string;
  shipPostcode: string;
  shipCity: string;
  shipProvince: string;
  shipCountry: string;
  notes: string;
}

export interface DraftOrder {
  /** what ties its rows in the file: the shop's order name or id (our number, for our own export) */
  ref: string;
  externalRef: string | null;
  /** our order number (own export only) */
  number: string | null;
  /** the order's channel when the file says it (own export) */
  channel: Channel | null;
  firstRow: number;
  lastRow: number;
  orderedOn: string | null;
  requestedOn: string | null;
  fileState: 'draft' | 'confirmed' | 'cancelled';
  notes: string;
  customer: DraftCustomer;
  lines: DraftLine[];
  /** the shipping the customer paid, VAT included when the prices are (0: none) */
  shippingCents: number;
  /** the shipping charge's VAT rate (the order's) */
  shippingVatBp: number;
}

const DEFAULT_VAT_BP = 2200;
const STATES: Record<string, DraftOrder['fileState']> = {
  draft: 'draft',
  bozza: 'draft',
  confirmed: 'confirmed',
  confermato: 'confirmed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  annullato: 'cancelled',
};

/** Our export guards text that Excel would run as a formula with a leading apostrophe: take it off. */
export function unguardCell(v: string): string {
  return /^'+[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}

export function extractOrders(table: CsvTable, spec: FormatSpec, at: ResolvedColumns, problems: ProblemList): DraftOrder[] {
  const unguard = spec.format === 'bottega';
  const header = (f: Field): string | null => (at[f] === undefined ? null : (table.headers[at[f]] ?? null));
  // our own export keeps notes exactly (line breaks, spaces); every other value is trimmed
  const exact = new Set<Field>(unguard ? ['notes', 'lineNote'] : []);
  const cell = (rec: string[], f: Field): string => {
    const i = at[f];
    if (i === undefined) return '';
    const raw = rec[i] ?? '';
    if (exact.has(f)) return unguardCell(raw);
    const v = raw.trim();
    return unguard ? unguardCell(v).trim() : v;
  };

  // rows of each order, in the order the file first names it
  const groups = new Map<string, number[]>();
  table.records.forEach((rec, i) => {
    const ref = cell(rec, spec.groupBy);
    const row = table.lines[i]!;
    if (ref === '') {
      problems.add({ row, column: header(spec.groupBy), key: 'ref.missing', message: `Line ${row}: no order reference`, value: '' });
      return;
    }
    if (isMangledNumber(ref)) {
      problems.add({ row, column: header(spec.groupBy), orderRef: ref, key: 'ref.mangled', message: `Line ${row}: the order reference ${ref} was turned into a rounded number (by Excel?): its digits are lost`, value: ref });
    }
    const g = groups.get(ref);
    if (g) g.push(i);
    else groups.set(ref, [i]);
  });

  const orders: DraftOrder[] = [];
  for (const [ref, idx] of groups) {
    const recs = idx.map((i) => table.records[i]!);
    const rows = idx.map((i) => table.lines[i]!);
    /** the first non-empty value of an order field (Shopify fills them on the first row only) */
    const first = (f: Field): { value: string; row: number } => {
      for (let k = 0; k < recs.length; k++) {
        const v = cell(recs[k]!, f);
        if (v !== '') return { value: v, row: rows[k]! };
      }
      return { value: '', row: rows[0]! };
    };
    const add = (row: number, f: Field, key: string, message: string, value: string) =>
      problems.add({ row, column: header(f), orderRef: ref, key, message: `Line ${row}: ${message}`, value });

    const date = (f: Field, required: boolean): string | null => {
      const v = first(f);
      if (v.value === '') {
        if (required && at[f] !== undefined) add(v.row, f, 'date.missing', 'no order date', '');
        return null;
      }
      const d = spec.parseDate(v.value);
      if (d === null) add(v.row, f, 'date.unknown', `"${v.value}" is not a date as ${spec.dateHint}`, v.value);
      return d;
    };
    const orderedOn = date('orderedOn', true);
    const requestedOn = date('requestedOn', false);
    if (orderedOn !== null && requestedOn !== null && requestedOn < orderedOn) {
      const r = first('requestedOn');
      add(r.row, 'requestedOn', 'date.requested_before_order', `the requested date ${requestedOn} is before the order date ${orderedOn}`, r.value);
    }

    let fileState: DraftOrder['fileState'] = 'confirmed';
    const stateText = first('state');
    if (stateText.value !== '') {
      const s = STATES[stateText.value.toLowerCase()];
      if (s) fileState = s;
      else add(stateText.row, 'state', 'state.unknown', `"${stateText.value}" is not an order state (draft, confirmed, cancelled)`, stateText.value);
    }
    if (first('cancelledAt').value !== '') fileState = 'cancelled';
    if (/^(refunded|voided)$/i.test(first('financialStatus').value)) fileState = 'cancelled';

    let channel: Channel | null = null;
    const channelText = first('channel');
    if (channelText.value !== '') {
      const c = channelText.value.toLowerCase();
      if ((ORDER_CHANNELS as readonly string[]).includes(c)) channel = c as Channel;
      else add(channelText.row, 'channel', 'channel.unknown', `"${channelText.value}" is not a channel (${ORDER_CHANNELS.join(', ')})`, channelText.value);
    }

    const taxRate = taxRateBp(first('taxName').value);
    const pricesIncludeVat = spec.prices === 'gross' || (spec.prices === 'shopify' && shopifyTaxesIncluded(first));
    const defaultVat = taxRate ?? DEFAULT_VAT_BP;

    const customer = draftCustomer(first, rows[0]!, add);

    const lines: DraftLine[] = [];
    recs.forEach((rec, k) => {
      const row = rows[k]!;
      const sku = cell(rec, 'sku');
      const name = cell(rec, 'itemName');
      const qtyText = cell(rec, 'quantity');
      const externalSku = sku !== '' ? sku : name;
      if (externalSku === '') add(row, at.sku !== undefined ? 'sku' : 'itemName', 'sku.missing', 'no SKU and no product name', '');
      let price: number | null = null;
      const priceText = cell(rec, 'unitPrice');
      if (priceText !== '') {
        price = money(priceText);
        if (price === null) add(row, 'unitPrice', 'price.not_a_number', `the price "${priceText}" is not a number`, priceText);
        else if (price < 0) {
          add(row, 'unitPrice', 'price.negative', `the price ${priceText} is negative`, priceText);
          price = null;
        }
      }
      let vat = defaultVat;
      const vatText = cell(rec, 'vatPct').replace(/%$/, '').trim();
      if (vatText !== '') {
        const v = percentBp(vatText);
        if (v === null) add(row, 'vatPct', 'vat.not_a_percent', `VAT "${vatText}" is not a percentage from 0 to 100`, vatText);
        else vat = v;
      }
      if (isFalse(cell(rec, 'taxable'))) vat = 0;
      let discountBp = 0;
      const pctText = cell(rec, 'discountPct').replace(/%$/, '').trim();
      if (pctText !== '') {
        const d = percentBp(pctText);
        if (d === null) add(row, 'discountPct', 'discount.not_a_percent', `the discount "${pctText}" is not a percentage from 0 to 100`, pctText);
        else discountBp = d;
      }
      const amountText = cell(rec, 'lineDiscount');
      if (amountText !== '') {
        const amount = money(amountText);
        if (amount === null || amount < 0) add(row, 'lineDiscount', 'discount.not_an_amount', `the discount "${amountText}" is not an amount`, amountText);
        else if (amount > 0 && price !== null && price > 0) discountBp = discountFromAmount(amount, price, qtyText);
      }
      const net = price === null ? null : pricesIncludeVat ? mulDivRound(price, 10_000, 10_000 + vat, 'half_up') : price;
      const discountCents = amountText !== '' ? (money(amountText) ?? 0) : 0;
      const paid = price !== null && pricesIncludeVat && pctText === '' ? { unitGrossCents: price, discountCents: Math.max(0, discountCents) } : null;
      const exactPrice = price !== null && !pricesIncludeVat && exactUnitPrice(priceText) ? priceText : null;
      lines.push({ row, externalSku, name: name || sku, qtyText, unitPriceCents: net, discountBp, vatBp: vat, note: cell(rec, 'lineNote'), paid, exactPrice });
    });

    const externalRef = spec.groupBy === 'number' ? first('externalRef').value || null : ref;
    orders.push({
      ref,
      externalRef,
      number: spec.groupBy === 'number' ? ref : null,
      channel,
      firstRow: Math.min(...rows),
      lastRow: Math.max(...rows),
      orderedOn,
      requestedOn,
      fileState,
      notes: first('notes').value,
      customer,
      lines,
      // Etsy repeats the order's shipping on every row: read it once; a shipping discount comes off it
      shippingCents: Math.max(0, (money(first('shipping').value) ?? 0) - (money(first('shippingDiscount').value) ?? 0)),
      shippingVatBp: defaultVat,
    });
  }
  return orders;
}

/** Whether a price reads as an exact unit price (at most 8 decimals). */
function exactUnitPrice(text: string): boolean {
  try {
    parseUnitPriceE8(text);
    return true;
  } catch {
    return false;
  }
}

/** An amount, or null when the text is not one (empty included). */
function money(text: string): number | null {
  if (text === '' || !/\d/.test(text)) return null;
  try {
    return parseMoneyCents(text);
  } catch {
    return null;
  }
}

/** "22", "22,5", "10.00" → hundredths of a percent, within 0..100 %. */
function percentBp(text: string): number | null {
  try {
    const v = parseDecimal(text, 2);
    return v >= 0 && v <= 10_000 ? v : null;
  } catch {
    return null;
  }
}

/** A discount amount on a whole line (Shopify's "Lineitem discount", Etsy's "Discount Amount") as a percentage of the line. */
function discountFromAmount(amountCents: number, priceCents: number, qtyText: string): number {
  let qtyMilli: number;
  try {
    qtyMilli = parseDecimal(qtyText, 3);
  } catch {
    return 0; // the quantity's own problem is reported later
  }
  if (qtyMilli <= 0) return 0;
  const bp = Number(divRoundBig(BigInt(amountCents) * 10_000_000n, BigInt(priceCents) * BigInt(qtyMilli), 'half_up'));
  return Math.min(10_000, Math.max(0, bp));
}

/**
 * Shopify writes prices with VAT in them when the shop is set so (the rule for shops that
 * sell to consumers in the EU). Its totals tell: Total = Subtotal + Shipping − Discount
 * when taxes are included, + Taxes when they are added. Undecided: included.
 */
function shopifyTaxesIncluded(first: (f: Field) => { value: string }): boolean {
  const taxes = money(first('taxes').value) ?? 0;
  const total = money(first('total').value);
  const subtotal = money(first('subtotal').value);
  if (taxes === 0 || total === null || subtotal === null) return true;
  const shipping = money(first('shipping').value) ?? 0;
  const discount = money(first('discountTotal').value) ?? 0;
  const near = (a: number, b: number) => Math.abs(a - b) <= 2;
  const without = [subtotal + shipping - discount, subtotal + shipping];
  if (without.some((x) => near(total, x))) return true;
  if (without.some((x) => near(total, x + taxes))) return false;
  return true;
}

function draftCustomer(
  first: (f: Field) => { value: string; row: number },
  row: number,
  add: (row: number, f: Field, key: string, message: string, value: string) => void,
): DraftCustomer {
  const v = (f: Field) => first(f).value;
  const join = (a: string, b: string) => [a, b].filter((s) => s !== '').join(', ');
  const country = (f: Field): string => {
    const t = v(f);
    if (t === '') return '';
    const c = countryCode(t);
    if (c === null) add(first(f).row, f, 'country.unknown', `"${t}" is not a country Bottega knows: write its two-letter code (IT, DE, FR…)`, t);
    return c ?? '';
  };
  const main = {
    name: v('customerName'),
    street: join(v('street'), v('street2')),
    city: v('city'),
    province: v('province'),
    country: country('country'),
    postcode: v('postcode'),
  };
  const ship = {
    name: v('shipName'),
    street: join(v('shipStreet'), v('shipStreet2')),
    city: v('shipCity'),
    province: v('shipProvince'),
    country: country('shipCountry'),
    postcode: v('shipPostcode'),
  };
  // no billing address (a gift card buyer, a pickup): the shipping one is the customer's
  const billingEmpty = main.name === '' && main.street === '' && main.city === '';
  const reg = billingEmpty ? ship : main;
  const regCountry = reg.country || 'IT';
  const samePostcode = cleanPostcode(ship.postcode, ship.country || regCountry) === cleanPostcode(main.postcode, main.country || regCountry);
  const other = !billingEmpty && ship.street !== '' && (ship.street !== main.street || ship.city !== main.city || !samePostcode);
  const shipCountry = other ? ship.country || regCountry : '';
  const email = v('email') || null;
  let name = reg.name || main.name || ship.name;
  if (name === '' && email) name = email;
  if (name === '') add(row, 'customerName', 'customer.missing', 'no customer name and no email', '');
  const phone = cleanPhone(v('phone') || v('shipPhone')) || null;
  // a province name too long for the code field goes with the city
  const province = reg.province.length <= 10 ? reg.province : '';
  const city = reg.province.length <= 10 ? reg.city : join(reg.city, reg.province);
  const buyer = v('buyer');
  return {
    row,
    name,
    email,
    phone,
    vatNumber: v('vatNumber') || null,
    fiscalCode: v('fiscalCode') || null,
    street: reg.street,
    postcode: cleanPostcode(reg.postcode, regCountry),
    city,
    province,
    country: regCountry,
    shipStreet: other ? ship.street : '',
    shipPostcode: other ? cleanPostcode(ship.postcode, shipCountry) : '',
    shipCity: other ? ship.city : '',
    shipProvince: other && ship.province.length <= 10 ? ship.province : '',
    shipCountry,
    notes: buyer ? `Etsy: ${buyer}` : '',
  };
}
