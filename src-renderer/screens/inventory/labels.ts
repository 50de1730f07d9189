/**
 * Names of documents and movement kinds in the user's language. The server names a
 * movement's document in English ("Receipt 12 (2026-10-01), DDT 456"); the known shapes
 * are rebuilt here, anything else is shown as it came.
 */
import type { Translator } from '../../../src-shared/i18n';
import type { Formatters } from '../../i18n/format';

export type MovementKind = 'receipt' | 'consume' | 'output' | 'ship' | 'return' | 'adjust' | 'scrap' | 'transfer';

export const MOVEMENT_COLOR: Record<MovementKind, string> = {
  receipt: 'teal',
  output: 'teal',
  return: 'cyan',
  consume: 'blue',
  ship: 'indigo',
  adjust: 'orange',
  scrap: 'red',
  transfer: 'gray',
};

const STOCK_DOC = /^(Receipt|Count|Scrap|Transfer|Reversal|Consumption|Reservation) (\d+) \((\d{4}-\d{2}-\d{2})\)(?:, DDT (.+?)(?: (\d{4}-\d{2}-\d{2}))?)?$/;
const STOCK_KIND = {
  Receipt: 'inventory.doc.receipt',
  Count: 'inventory.doc.count',
  Scrap: 'inventory.doc.scrap',
  Transfer: 'inventory.doc.transfer',
  Reversal: 'inventory.doc.reversal',
  Consumption: 'inventory.doc.consume',
  Reservation: 'inventory.doc.reservation',
} as const;

export function docLabelText(label: string, t: Translator, fmt: Formatters): string {
  const m = STOCK_DOC.exec(label);
  if (m) {
    const base = t(STOCK_KIND[m[1] as keyof typeof STOCK_KIND], { id: m[2]!, date: fmt.date(m[3]!) });
    if (!m[4]) return base;
    // suppliers often write "DDT 00093" in the number field itself
    const number = m[4].replace(/^DDT\s*/i, '');
    return `${base} · ${m[5] ? t('inventory.doc.ddtOf', { number, date: fmt.date(m[5]) }) : t('inventory.doc.ddt', { number })}`;
  }
  const p = /^Production (.+)$/.exec(label);
  if (p) return t('inventory.doc.production', { number: p[1]! });
  const o = /^Order (.+)$/.exec(label);
  if (o) return t('inventory.doc.order', { number: o[1]! });
  return label;
}

/** A reservation's document: only its type and id travel, so name the type. */
export function reservationDocText(docType: string, docId: number, t: Translator): string {
  if (docType === 'production_order') return t('inventory.doc.productionId', { id: String(docId) });
  if (docType === 'customer_order') return t('inventory.doc.orderId', { id: String(docId) });
  if (docType === 'stock_document') return t('inventory.doc.manualReservation', { id: String(docId) });
  return `${docType} #${docId}`;
}
