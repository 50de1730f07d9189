/**
 * A Shopify orders export of any size, in the exact layout of the sample
 * (test/fixtures/channels/shopify-orders-export.csv): one row per line item, the order's
 * columns on its first row only, taxes included in prices, some orders cancelled or
 * refunded, customers who order again. Deterministic for a seed. For import tests and
 * the bench (10,000 lines: the size the speed goals are set for).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHOPIFY_SAMPLE = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'channels', 'shopify-orders-export.csv');

export const SHOPIFY_HEADER: string[] = readFileSync(SHOPIFY_SAMPLE, 'utf8').split(/\r?\n/)[0]!.split(',');

export interface ShopifyExportOptions {
  /** line items (rows) to write */
  lines: number;
  /** the shop's SKUs (our items' SKUs, or unknown ones) */
  skus: string[];
  seed?: number;
  /** order names are `${prefix}${n}` from `first` on */
  prefix?: string;
  first?: number;
  /** distinct customers to draw from */
  customers?: number;
  /** share of orders cancelled or refunded */
  cancelledShare?: number;
  /** first order date (orders follow every ~2 hours) */
  startDate?: string;
  /** makes the customers' emails differ from another file's (new customers) */
  customerTag?: string;
}

function rng(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Giulia', 'Marco', 'Anna', 'Luca', 'Sara', 'Paolo', 'Chiara', 'Davide', 'Elena', 'Matteo', 'Francesca', 'Andrea'];
const LAST = ['Rossi', 'Bianchi', 'Verdi', 'Russo', 'Ferrari', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno'];
const CITIES: [string, string, string][] = [
  ['Bologna', '40121', 'BO'],
  ['Milano', '20122', 'MI'],
  ['Torino', '10122', 'TO'],
  ['Roma', '00184', 'RM'],
  ['Firenze', '50123', 'FI'],
  ['Napoli', '80121', 'NA'],
];

function quote(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const cents = (c: number) => (c / 100).toFixed(2);

/** The file as text (plain UTF-8, `\n` line ends, as Shopify writes it). */
export function shopifyExport(opts: ShopifyExportOptions): string {
  const r = rng(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const col = new Map(SHOPIFY_HEADER.map((h, i) => [h, i]));
  const prices = new Map(opts.skus.map((s) => [s, 450 + Math.floor(r() * 40) * 50]));
  const customers = Array.from({ length: opts.customers ?? Math.max(1, Math.floor(opts.lines / 4)) }, (_, i) => {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const [city, zip, prov] = pick(CITIES);
    return { name, email: `cliente${i + 1}${opts.customerTag ? `.${opts.customerTag}` : ''}@example.com`, street: `Via ${pick(LAST)} ${1 + Math.floor(r() * 90)}`, city, zip, prov };
  });
  const out: string[] = [SHOPIFY_HEADER.join(',')];
  let written = 0;
  let n = opts.first ?? 1001;
  let t = Date.parse(`${opts.startDate ?? '2026-03-01'}T08:00:00Z`);
  while (written < opts.lines) {
    const count = Math.min(opts.lines - written, 1 + Math.floor(r() * 5));
    const c = pick(customers);
    const skus = new Set<string>();
    while (skus.size < Math.min(count, opts.skus.length)) skus.add(pick(opts.skus));
    const items = [...skus].map((sku) => ({ sku, qty: 1 + Math.floor(r() * 4), price: prices.get(sku)! }));
    while (items.length < count) items.push({ sku: pick(opts.skus), qty: 1, price: 500 });
    const subtotal = items.reduce((s, x) => s + x.qty * x.price, 0);
    const shipping = subtotal > 5000 ? 0 : 690;
    const taxes = Math.round(((subtotal + shipping) * 22) / 122);
    const roll = r();
    const cancelled = roll < (opts.cancelledShare ?? 0.03);
    const refunded = !cancelled && roll < (opts.cancelledShare ?? 0.03) * 2;
    t += 3_600_000 + Math.floor(r() * 7_200_000);
    const local = new Date(t + 2 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
    items.forEach((x, i) => {
      const row = new Array<string>(SHOPIFY_HEADER.length).fill('');
      const set = (h: string, v: string) => {
        row[col.get(h)!] = v;
      };
      set('Name', `${opts.prefix ?? '#'}${n}`);
      set('Lineitem quantity', String(x.qty));
      set('Lineitem name', `Prodotto ${x.sku}`);
      set('Lineitem price', cents(x.price));
      set('Lineitem sku', x.sku);
      set('Lineitem requires shipping', 'true');
      set('Lineitem taxable', 'true');
      set('Lineitem fulfillment status', 'pending');
      set('Lineitem discount', '0.00');
      if (i === 0) {
        set('Email', c.email);
        set('Financial Status', refunded ? 'refunded' : 'paid');
        set('Fulfillment Status', 'unfulfilled');
        set('Accepts Marketing', 'no');
        set('Currency', 'EUR');
        set('Subtotal', cents(subtotal));
        set('Shipping', cents(shipping));
        set('Taxes', cents(taxes));
        set('Total', cents(subtotal + shipping));
        set('Shipping Method', 'Spedizione standard');
        set('Created at', `${local} +0200`);
        set('Paid at', `${local} +0200`);
        for (const who of ['Billing', 'Shipping']) {
          set(`${who} Name`, c.name);
          set(`${who} Street`, c.street);
          set(`${who} Address1`, c.street);
          set(`${who} City`, c.city);
          set(`${who} Zip`, c.zip);
          set(`${who} Province`, c.prov);
          set(`${who} Country`, 'IT');
        }
        set('Notes', r() < 0.1 ? 'Consegna al portiere, grazie' : '');
        if (cancelled) set('Cancelled at', `${local} +0200`);
        set('Payment Method', 'Shopify Payments');
        set('Id', String(5550000000000 + n));
        set('Risk Level', 'Low');
        set('Source', 'web');
        set('Tax 1 Name', 'IVA 22%');
        set('Tax 1 Value', cents(taxes));
      }
      out.push(row.map(quote).join(','));
    });
    written += items.length;
    n++;
  }
  return `${out.join('\n')}\n`;
}
