/**
 * The month's register for the accountant, one row per invoice or credit note, for Excel
 * in the user's locale (csvWrite: ';' and '12,50' in Italian). A column of taxable amount
 * per VAT rate or Natura present in the month, then VAT, bollo, total and the file name
 * sent. Credit notes (TD04) count negative, so the columns add up to the month's figures.
 */
import { CSV_STYLES, writeCsv, type Cell, type CsvColumn } from '../../channels/csvWrite';
import type { InvoiceDocument } from '../../../../src-shared/contract/invoiceDocument';

export interface RegisterRow {
  doc: InvoiceDocument;
  fileName: string;
}

const LABELS = {
  it: { number: 'Numero', date: 'Data', kind: 'Tipo', customer: 'Cliente', vat: 'P.IVA', cf: 'Codice fiscale', taxable: 'Imponibile', tax: 'IVA', bollo: 'Bollo', total: 'Totale', file: 'File', kinds: { TD01: 'Fattura', TD24: 'Fattura differita', TD04: 'Nota di credito' } },
  en: { number: 'Number', date: 'Date', kind: 'Type', customer: 'Customer', vat: 'VAT number', cf: 'Tax code', taxable: 'Taxable', tax: 'VAT', bollo: 'Stamp duty', total: 'Total', file: 'File', kinds: { TD01: 'Invoice', TD24: 'Deferred invoice', TD04: 'Credit note' } },
} as const;

const keyOf = (r: { vatBp: number; natura: string | null }) => r.natura ?? `${r.vatBp}`;

/** Rates high to low, then Natura codes in order: "22 %", "10 %", "4 %", "N3.2", "N4". */
function rateColumns(rows: readonly RegisterRow[]): { key: string; label: string }[] {
  const seen = new Map<string, { vatBp: number; natura: string | null }>();
  for (const r of rows) for (const v of r.doc.vatRows) seen.set(keyOf(v), v);
  return [...seen.entries()]
    .sort(([, a], [, b]) => (a.natura === null) !== (b.natura === null) ? (a.natura === null ? -1 : 1) : a.natura ? a.natura.localeCompare(b.natura!) : b.vatBp - a.vatBp)
    .map(([key, v]) => ({ key, label: v.natura ?? `${v.vatBp / 100} %` }));
}

export function registerCsv(rows: readonly RegisterRow[], lang: 'it' | 'en'): string {
  const L = LABELS[lang];
  const rates = rateColumns(rows);
  const columns: CsvColumn[] = [
    { header: L.number, kind: 'text' },
    { header: L.date, kind: 'date' },
    { header: L.kind, kind: 'text' },
    { header: L.customer, kind: 'text' },
    { header: L.vat, kind: 'textAsIs' },
    { header: L.cf, kind: 'text' },
    ...rates.map((r) => ({ header: `${L.taxable} ${r.label}`, kind: 'cents' as const })),
    { header: L.tax, kind: 'cents' },
    { header: L.bollo, kind: 'cents' },
    { header: L.total, kind: 'cents' },
    { header: L.file, kind: 'text' },
  ];
  const cells: Cell[][] = rows.map(({ doc, fileName }) => {
    const sign = doc.kind === 'TD04' ? -1 : 1;
    const byRate = new Map(doc.vatRows.map((v) => [keyOf(v), v.taxableCents]));
    const c = doc.customer;
    return [
      doc.number,
      doc.date,
      L.kinds[doc.kind],
      c.name,
      c.vatNumber ? `${c.vatCountry || c.country}${c.vatNumber}` : null,
      c.fiscalCode || null,
      ...rates.map((r) => (byRate.has(r.key) ? sign * byRate.get(r.key)! : null)),
      sign * doc.vatCents,
      doc.bolloCents ? doc.bolloCents : null,
      sign * doc.totalCents,
      fileName,
    ];
  });
  return writeCsv(columns, cells, CSV_STYLES[lang]);
}
