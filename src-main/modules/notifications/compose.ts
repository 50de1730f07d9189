/**
 * The customer emails, pure: facts in, subject + text + HTML out, in the customer's
 * language. No database here, so every wording is tested alone.
 */
import type { ComposedMessage, NotificationKind } from '../../../src-shared/contract/notifications';
import { formatMoney } from '../../../src-shared/domain/money';
import { formatMessage } from '../../../src-shared/i18n';

export type MailLanguage = 'it' | 'en';

export interface Sender {
  name: string;
  email: string;
  phone: string;
}

export interface OrderFacts {
  number: string;
  customerName: string;
  email: string | null;
  language: MailLanguage;
  orderedOn: string;
  promisedOn: string | null;
  requestedOn: string | null;
  externalRef: string | null;
  lines: { name: string; quantity: string; netCents: number }[];
  /** net of VAT */
  totalCents: number;
  vatCents: number;
}

export interface ShipmentFacts {
  number: string;
  ddtNumber: string | null;
  customerName: string;
  email: string | null;
  language: MailLanguage;
  shippedOn: string;
  carrier: string | null;
  service: string | null;
  tracking: string | null;
  packages: number;
  orderNumbers: string[];
  lines: { name: string; quantity: string; lotCode: string | null }[];
  destination: string[];
}

const WORDS = {
  it: {
    orderSubject: (n: string, c: string) => `Conferma ordine ${n} — ${c}`,
    shipmentSubject: (n: string, c: string) => `Il tuo ordine è stato spedito (${n}) — ${c}`,
    hello: (name: string) => `Gentile ${name},`,
    orderIntro: (n: string, d: string) => `confermiamo il suo ordine n. ${n} del ${d}.`,
    yourRef: 'Suo riferimento',
    promised: (d: string) => `Consegna prevista entro il ${d}.`,
    requested: (d: string) => `Consegna richiesta per il ${d}.`,
    net: 'Imponibile',
    vat: 'IVA',
    total: 'Totale',
    shipmentIntro: (n: string, d: string) => `la merce è partita il ${d} con il documento di trasporto n. ${n}.`,
    ddt: 'Documento di trasporto',
    orders: 'Ordini',
    carrier: 'Corriere',
    tracking: 'Numero di tracking',
    trackLink: 'Segui la spedizione',
    packages: (n: number) => formatMessage('it', '{count, plural, one {# collo} other {# colli}}', { count: n }),
    destination: 'Destinazione',
    lot: 'lotto',
    thanks: 'Grazie per la fiducia.',
    regards: 'Cordiali saluti',
  },
  en: {
    orderSubject: (n: string, c: string) => `Order confirmation ${n} — ${c}`,
    shipmentSubject: (n: string, c: string) => `Your order has shipped (${n}) — ${c}`,
    hello: (name: string) => `Dear ${name},`,
    orderIntro: (n: string, d: string) => `we confirm your order no. ${n} of ${d}.`,
    yourRef: 'Your reference',
    promised: (d: string) => `Expected delivery by ${d}.`,
    requested: (d: string) => `Requested delivery: ${d}.`,
    net: 'Net',
    vat: 'VAT',
    total: 'Total',
    shipmentIntro: (n: string, d: string) => `your goods left on ${d} with delivery note no. ${n}.`,
    ddt: 'Delivery note',
    orders: 'Orders',
    carrier: 'Carrier',
    tracking: 'Tracking number',
    trackLink: 'Track your parcel',
    packages: (n: number) => formatMessage('en', '{count, plural, one {# package} other {# packages}}', { count: n }),
    destination: 'Destination',
    lot: 'lot',
    thanks: 'Thank you for your order.',
    regards: 'Kind regards',
  },
} as const;

const LOCALE: Record<MailLanguage, string> = { it: 'it-IT', en: 'en-GB' };

export function mailDate(iso: string, lang: MailLanguage): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A carrier's tracking page from the templates in Settings (carrier matched ignoring case and spaces). */
export function trackingLink(carrier: string | null, tracking: string | null, templates: { carrier: string; url: string }[]): string | null {
  if (!carrier || !tracking) return null;
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const c = norm(carrier);
  const t = templates.find((x) => norm(x.carrier) === c) ?? templates.find((x) => c.includes(norm(x.carrier)) || norm(x.carrier).includes(c));
  return t ? t.url.replace('{tracking}', encodeURIComponent(tracking)) : null;
}

function signature(sender: Sender): string[] {
  return [sender.name, [sender.email, sender.phone].filter(Boolean).join(' · ')].filter(Boolean);
}

function html(paragraphs: string[], table: string[][] | null, footer: string[]): string {
  const p = paragraphs.map((x) => `<p>${x}</p>`).join('\n');
  const rows = table ? `<table cellpadding="4" style="border-collapse:collapse">${table.map((r) => `<tr>${r.map((c, i) => `<td style="border-bottom:1px solid #ddd${i > 0 ? ';text-align:right' : ''}">${c}</td>`).join('')}</tr>`).join('')}</table>` : '';
  return `<!doctype html>\n<html><body style="font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#222">\n${p}\n${rows}\n<p>${footer.join('<br>')}</p>\n</body></html>`;
}

export function composeOrderConfirmed(o: OrderFacts, sender: Sender): ComposedMessage {
  const w = WORDS[o.language];
  const e = escapeHtml;
  const lines = o.lines.map((l) => [l.name, l.quantity, formatMoney(l.netCents, LOCALE[o.language])]);
  const money = (c: number) => formatMoney(c, LOCALE[o.language]);
  const sums: [string, string][] = [
    [w.net, money(o.totalCents)],
    [w.vat, money(o.vatCents)],
    [w.total, money(o.totalCents + o.vatCents)],
  ];
  const head = [w.hello(o.customerName), w.orderIntro(o.number, mailDate(o.orderedOn, o.language))];
  const extra = [o.externalRef ? `${w.yourRef}: ${o.externalRef}` : null, o.promisedOn ? w.promised(mailDate(o.promisedOn, o.language)) : o.requestedOn ? w.requested(mailDate(o.requestedOn, o.language)) : null].filter((x): x is string => x !== null);
  const foot = [w.thanks, '', w.regards, ...signature(sender)];
  const text = [...head, '', ...extra, ...(extra.length ? [''] : []), ...lines.map((l) => `- ${l[0]}: ${l[1]} — ${l[2]}`), '', ...sums.map(([k, v]) => `${k}: ${v}`), '', ...foot].join('\n');
  return {
    kind: 'order_confirmed',
    language: o.language,
    to: o.email,
    subject: w.orderSubject(o.number, sender.name || 'Bottega'),
    text,
    html: html([e(head[0]!), e(head[1]!), ...extra.map(e)], [...lines.map((r) => r.map(e)), ...sums.map(([k, v]) => [`<b>${e(k)}</b>`, '', `<b>${e(v)}</b>`])], [e(w.thanks), '', e(w.regards), ...signature(sender).map(e)]),
    trackingLink: null,
  };
}

export function composeShipmentSent(s: ShipmentFacts, sender: Sender, link: string | null): ComposedMessage {
  const w = WORDS[s.language];
  const e = escapeHtml;
  const head = [w.hello(s.customerName), w.shipmentIntro(s.number, mailDate(s.shippedOn, s.language))];
  const facts = [
    s.ddtNumber ? `${w.ddt}: ${s.ddtNumber}` : null,
    s.orderNumbers.length ? `${w.orders}: ${s.orderNumbers.join(', ')}` : null,
    s.carrier ? `${w.carrier}: ${[s.carrier, s.service].filter(Boolean).join(' — ')} (${w.packages(s.packages)})` : w.packages(s.packages),
    s.tracking ? `${w.tracking}: ${s.tracking}` : null,
    s.destination.length ? `${w.destination}: ${s.destination.join(', ')}` : null,
  ].filter((x): x is string => x !== null);
  const lines = s.lines.map((l) => [l.name, l.quantity + (l.lotCode ? ` (${w.lot} ${l.lotCode})` : '')]);
  const foot = [w.thanks, '', w.regards, ...signature(sender)];
  const text = [...head, '', ...facts, ...(link ? [`${w.trackLink}: ${link}`] : []), '', ...lines.map((l) => `- ${l[0]}: ${l[1]}`), '', ...foot].join('\n');
  const linkHtml = link ? [`<a href="${e(link)}">${e(w.trackLink)}</a>`] : [];
  return {
    kind: 'shipment_sent',
    language: s.language,
    to: s.email,
    subject: w.shipmentSubject(s.number, sender.name || 'Bottega'),
    text,
    html: html([e(head[0]!), e(head[1]!), facts.map(e).join('<br>'), ...linkHtml], lines.map((r) => r.map(e)), [e(w.thanks), '', e(w.regards), ...signature(sender).map(e)]),
    trackingLink: link,
  };
}

export function subjectKind(kind: NotificationKind): 'order' | 'shipment' {
  return kind === 'order_confirmed' ? 'order' : 'shipment';
}
