/**
 * The controls the SdI runs on a FatturaPA before it delivers it (beyond the schema),
 * recomputed here from the document's own lines rather than trusted from its totals, so
 * an invoice the SdI would reject (scarto) is stopped before it leaves. Each problem
 * carries the SdI's error code where the SdI has one (00305, 00400, 00423…) or a
 * `bottega.*` code for the project's stricter rules, the field's path and the line.
 *
 * Tolerances are the SdI's: PrezzoTotale within 1 cent of quantity × price − discounts
 * (00423); Imposta within 1 cent of taxable × rate (00421); ImponibileImporto within 1 €
 * of the sum of its lines (00422). Our documents carry no Arrotondamento, so the
 * project's own rules ask for exact agreement on top (bottega.taxable, bottega.tax):
 * taxable = sum of the lines, tax = rate × the row's amount rounded to the cent half up —
 * the row's amount being its taxable, or the exact sum of its lines before their rounding
 * to the cent (the rule orders and invoices use, so a shop order's invoice totals what was
 * paid: DOMAIN.md, paidNets.ts); both are within the SdI's tolerance.
 */
import type { InvoiceDocument } from '../../../../src-shared/contract/invoiceDocument';
import { codiceFiscaleProblem, partitaIvaProblem } from '../../../../src-shared/domain/fiscalIds';
import { DecimalError } from '../../../../src-shared/domain/decimal';
import { isChainProblem, lineAmountCents, lineAmountMicroCents, parseDiscountChain, parseUnitPriceE8 } from '../../../../src-shared/domain/pricing';
import { vatOnMicroCents } from '../../../../src-shared/domain/paidNets';
import { BOLLO_CENTS, bolloDue, vatNatureProblem } from '../../../../src-shared/domain/invoicing/vatNature';
import { DEFAULT_BOLLO_NATURE } from '../../../../src-shared/contract/settings';

export interface SdiProblem {
  /** the SdI's error code (00423…) or bottega.* for the project's own rules */
  code: string;
  /** the element's path in the file, e.g. DettaglioLinee/PrezzoTotale */
  field: string;
  /** NumeroLinea, for problems of one line */
  line?: number;
  message: string;
}

export interface SdiCheckOptions {
  /** the day the file is sent; a document dated after it is refused (00403) */
  today: string;
  /** Natura kinds counting towards the bollo threshold (Settings → Invoicing; N3.1, N3.2 and N6.x never count) */
  bolloNature?: readonly string[];
}

const eur = (cents: number) => `${(cents / 100).toFixed(2)} €`;

/** A calendar date that exists (2026-02-30 does not). */
export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const keyOf = (vatBp: number, natura: string | null) => `${vatBp}|${natura ?? ''}`;

/** tax of a DatiRiepilogo row as the SdI expects it: taxable × rate, to the cent, half up (away from zero). */
export function expectedTaxCents(taxableCents: number, vatBp: number): number {
  const n = BigInt(taxableCents) * BigInt(vatBp);
  const abs = n < 0n ? -n : n;
  const q = (abs + 5000n) / 10000n;
  return Number(n < 0n ? -q : q);
}

function checkNatura(p: SdiProblem[], vatBp: number, natura: string | null, where: { field: string; line?: number; missing: string; present: string }): void {
  const at = { field: `${where.field}/Natura`, line: where.line };
  switch (vatNatureProblem(vatBp, natura)) {
    case 'natura_missing':
      p.push({ code: where.missing, ...at, message: 'A 0 % rate needs a Natura code (N1, N2.1, N3.2, N4…)' });
      break;
    case 'natura_on_taxed':
      p.push({ code: where.present, ...at, message: `Natura ${natura} goes only with a 0 % rate, not ${vatBp / 100} %` });
      break;
    case 'natura_bare':
      p.push({ code: '00445', ...at, message: `Natura ${natura} without its sub-code is refused by the SdI: use ${natura}.1, ${natura}.2…` });
      break;
    case 'natura_unknown':
      p.push({ code: '00200', ...at, message: `${natura} is not a Natura code` });
      break;
    case 'rate_invalid':
      p.push({ code: '00424', field: `${where.field}/AliquotaIVA`, line: where.line, message: `${vatBp / 100} is not a VAT rate in percent` });
      break;
    case null:
      break;
  }
}

interface RowSums {
  /** sum of PrezzoTotale of the row's lines, cents */
  cents: Map<string, number>;
  /** sum of the same lines before their rounding to the cent, micro-cents (null once a line cannot be computed) */
  exact: Map<string, bigint | null>;
}

function checkLines(doc: InvoiceDocument, p: SdiProblem[]): RowSums {
  const sums = new Map<string, number>();
  const exact = new Map<string, bigint | null>();
  const seen = new Set<number>();
  for (const l of doc.lines) {
    const at = { field: 'DettaglioLinee', line: l.number };
    if (seen.has(l.number)) p.push({ code: 'bottega.lineNumber', field: 'DettaglioLinee/NumeroLinea', line: l.number, message: `Line number ${l.number} appears twice` });
    seen.add(l.number);
    checkNatura(p, l.vatBp, l.natura, { ...at, missing: '00400', present: '00401' });
    const key = keyOf(l.vatBp, l.natura);
    sums.set(key, (sums.get(key) ?? 0) + l.lineTotalCents);
    if (!exact.has(key)) exact.set(key, 0n);
    let price: bigint;
    try {
      price = parseUnitPriceE8(l.unitPrice);
    } catch (e) {
      if (!(e instanceof DecimalError)) throw e;
      p.push({ code: '00200', field: 'DettaglioLinee/PrezzoUnitario', line: l.number, message: `Unit price "${l.unitPrice}" is not a number with at most 8 decimals` });
      exact.set(key, null);
      continue;
    }
    const chain = parseDiscountChain(l.discounts);
    if (isChainProblem(chain)) {
      p.push({ code: '00200', field: 'DettaglioLinee/ScontoMaggiorazione', line: l.number, message: `Discount "${l.discounts}" is not a chain of percentages (e.g. 10+5)` });
      exact.set(key, null);
      continue;
    }
    const before = exact.get(key);
    if (before !== null && before !== undefined) exact.set(key, before + lineAmountMicroCents(l.qtyMilli, price, chain));
    if (l.qtyMilli <= 0) p.push({ code: '00200', field: 'DettaglioLinee/Quantita', line: l.number, message: 'The quantity must be positive (a credit note carries positive amounts too)' });
    const expected = lineAmountCents(l.qtyMilli, price, chain);
    if (Math.abs(expected - l.lineTotalCents) > 1) {
      p.push({ code: '00423', field: 'DettaglioLinee/PrezzoTotale', line: l.number, message: `PrezzoTotale ${eur(l.lineTotalCents)} is not quantity × price − discounts = ${eur(expected)}` });
    } else if (expected !== l.lineTotalCents) {
      p.push({ code: 'bottega.lineTotal', field: 'DettaglioLinee/PrezzoTotale', line: l.number, message: `PrezzoTotale ${eur(l.lineTotalCents)} differs by a cent from quantity × price − discounts = ${eur(expected)}` });
    }
  }
  return { cents: sums, exact };
}

function checkSummary(doc: InvoiceDocument, all: RowSums, p: SdiProblem[]): void {
  const sums = all.cents;
  const rows = new Map<string, InvoiceDocument['vatRows'][number]>();
  for (const r of doc.vatRows) {
    const key = keyOf(r.vatBp, r.natura);
    const label = r.natura ?? `${r.vatBp / 100} %`;
    if (rows.has(key)) p.push({ code: 'bottega.summaryRow', field: 'DatiRiepilogo', message: `Two DatiRiepilogo rows for ${label}` });
    rows.set(key, r);
    checkNatura(p, r.vatBp, r.natura, { field: 'DatiRiepilogo', missing: '00429', present: '00430' });
    const lines = sums.get(key);
    if (lines === undefined) {
      p.push({ code: '00422', field: 'DatiRiepilogo/ImponibileImporto', message: `DatiRiepilogo row ${label} has no line with that rate or Natura` });
      continue;
    }
    if (Math.abs(lines - r.taxableCents) > 100) p.push({ code: '00422', field: 'DatiRiepilogo/ImponibileImporto', message: `Taxable ${eur(r.taxableCents)} for ${label} is not the sum of its lines ${eur(lines)}` });
    else if (lines !== r.taxableCents) p.push({ code: 'bottega.taxable', field: 'DatiRiepilogo/ImponibileImporto', message: `Taxable ${eur(r.taxableCents)} for ${label} differs from the sum of its lines ${eur(lines)}` });
    const tax = expectedTaxCents(r.taxableCents, r.vatBp);
    if (Math.abs(tax - r.vatCents) > 1) p.push({ code: '00421', field: 'DatiRiepilogo/Imposta', message: `Tax ${eur(r.vatCents)} for ${label} is not ${r.vatBp / 100} % of ${eur(r.taxableCents)} = ${eur(tax)}` });
    else if (tax !== r.vatCents) {
      const exact = all.exact.get(key);
      const onExact = exact === null || exact === undefined ? null : vatOnMicroCents(exact, r.vatBp);
      if (onExact !== r.vatCents) p.push({ code: 'bottega.tax', field: 'DatiRiepilogo/Imposta', message: `Tax ${eur(r.vatCents)} for ${label} is not ${r.vatBp / 100} % of ${eur(r.taxableCents)} rounded half up: ${eur(tax)}` });
    }
  }
  for (const key of sums.keys()) {
    if (!rows.has(key)) {
      const [bp, natura] = key.split('|');
      p.push({ code: '00419', field: 'DatiRiepilogo', message: `No DatiRiepilogo row for the lines at ${natura || `${Number(bp) / 100} %`}` });
    }
  }
}

function checkTotals(doc: InvoiceDocument, opts: SdiCheckOptions, p: SdiProblem[]): void {
  const taxable = doc.vatRows.reduce((s, r) => s + r.taxableCents, 0);
  const vat = doc.vatRows.reduce((s, r) => s + r.vatCents, 0);
  if (doc.taxableCents !== taxable) p.push({ code: 'bottega.total', field: 'taxableCents', message: `The document's taxable ${eur(doc.taxableCents)} is not the sum of DatiRiepilogo ${eur(taxable)}` });
  if (doc.vatCents !== vat) p.push({ code: 'bottega.total', field: 'vatCents', message: `The document's VAT ${eur(doc.vatCents)} is not the sum of DatiRiepilogo ${eur(vat)}` });
  // ImportoTotaleDocumento: taxable + VAT, plus the bollo when it is charged to the customer
  const bollo = doc.bolloCents ?? 0;
  if (doc.totalCents !== taxable + vat && doc.totalCents !== taxable + vat + bollo) {
    p.push({ code: 'bottega.total', field: 'DatiGeneraliDocumento/ImportoTotaleDocumento', message: `ImportoTotaleDocumento ${eur(doc.totalCents)} is not taxable + VAT ${eur(taxable + vat)}${bollo ? ` (or + bollo ${eur(taxable + vat + bollo)})` : ''}` });
  }
  const due = bolloDue(doc.vatRows, opts.bolloNature ?? DEFAULT_BOLLO_NATURE) > 0;
  if (due && doc.bolloCents !== BOLLO_CENTS) p.push({ code: 'bottega.bollo', field: 'DatiGeneraliDocumento/DatiBollo', message: 'The bollo virtuale of 2,00 € is due: exempt or excluded amounts exceed 77,47 €' });
  if (!due && doc.bolloCents) p.push({ code: 'bottega.bollo', field: 'DatiGeneraliDocumento/DatiBollo', message: 'The bollo virtuale is not due on this document (exempt or excluded amounts up to 77,47 €)' });
  if (doc.payment) {
    const paid = doc.payment.instalments.reduce((s, i) => s + i.amountCents, 0);
    if (paid !== doc.totalCents) p.push({ code: 'bottega.payment', field: 'DatiPagamento/DettaglioPagamento/ImportoPagamento', message: `The instalments add up to ${eur(paid)}, not the total ${eur(doc.totalCents)}` });
    for (const [i, inst] of doc.payment.instalments.entries()) {
      if (!isRealDate(inst.dueDate)) p.push({ code: '00200', field: `DatiPagamento/DettaglioPagamento[${i + 1}]/DataScadenzaPagamento`, message: `${inst.dueDate} is not a date` });
    }
  }
}

function checkParties(doc: InvoiceDocument, p: SdiProblem[]): void {
  const t = doc.transmitter;
  if (t.country === 'IT' && codiceFiscaleProblem(t.idCode)) p.push({ code: '00300', field: 'DatiTrasmissione/IdTrasmittente/IdCodice', message: `The transmitter's code ${t.idCode} is not a valid codice fiscale or P.IVA (${codiceFiscaleProblem(t.idCode)})` });
  const c = doc.company;
  const vatProblem = c.vatCountry === 'IT' ? partitaIvaProblem(c.vatNumber) : null;
  if (vatProblem) p.push({ code: '00301', field: 'CedentePrestatore/DatiAnagrafici/IdFiscaleIVA/IdCodice', message: `The company's P.IVA ${c.vatNumber} is not valid (${vatProblem})` });
  const companyCf = c.fiscalCode ? codiceFiscaleProblem(c.fiscalCode) : null;
  if (companyCf) p.push({ code: 'bottega.fiscalCode', field: 'CedentePrestatore/DatiAnagrafici/CodiceFiscale', message: `The company's codice fiscale ${c.fiscalCode} is not valid (${companyCf})` });
  const k = doc.customer;
  if (!k.vatNumber.trim() && !k.fiscalCode.trim() && k.country === 'IT') p.push({ code: '00417', field: 'CessionarioCommittente/DatiAnagrafici', message: `Customer ${k.name} has neither P.IVA nor codice fiscale` });
  const kVat = k.vatNumber.trim() && (k.vatCountry || k.country) === 'IT' ? partitaIvaProblem(k.vatNumber) : null;
  if (kVat) p.push({ code: '00305', field: 'CessionarioCommittente/DatiAnagrafici/IdFiscaleIVA/IdCodice', message: `Customer ${k.name}: P.IVA ${k.vatNumber} is not valid (${kVat})` });
  const kCf = k.fiscalCode.trim() && k.country === 'IT' ? codiceFiscaleProblem(k.fiscalCode) : null;
  if (kCf) p.push({ code: '00306', field: 'CessionarioCommittente/DatiAnagrafici/CodiceFiscale', message: `Customer ${k.name}: codice fiscale ${k.fiscalCode} is not valid (${kCf})` });
  if (!/^[A-Z0-9]{7}$/.test(k.recipientCode)) p.push({ code: '00427', field: 'DatiTrasmissione/CodiceDestinatario', message: `CodiceDestinatario "${k.recipientCode}" must be 7 letters or digits` });
  if (k.pec && k.recipientCode !== '0000000' && k.country === 'IT') p.push({ code: '00426', field: 'DatiTrasmissione/PECDestinatario', message: 'A PEC goes only with CodiceDestinatario 0000000: use the SDI code or the PEC, not both' });
  if (k.country !== 'IT' && k.recipientCode !== 'XXXXXXX') p.push({ code: 'bottega.recipient', field: 'DatiTrasmissione/CodiceDestinatario', message: `Customer ${k.name} is abroad (${k.country}): CodiceDestinatario must be XXXXXXX` });
  if (k.country === 'IT' && k.recipientCode === 'XXXXXXX') p.push({ code: '00311', field: 'DatiTrasmissione/CodiceDestinatario', message: `XXXXXXX is only for customers abroad; ${k.name} is in Italy` });
}

function checkDocument(doc: InvoiceDocument, opts: SdiCheckOptions, p: SdiProblem[]): void {
  if (!isRealDate(doc.date)) p.push({ code: '00200', field: 'DatiGeneraliDocumento/Data', message: `${doc.date} is not a date` });
  else if (doc.date > opts.today) p.push({ code: '00403', field: 'DatiGeneraliDocumento/Data', message: `The invoice date ${doc.date} is after today (${opts.today})` });
  if (!/\d/.test(doc.number)) p.push({ code: '00425', field: 'DatiGeneraliDocumento/Numero', message: `The invoice number "${doc.number}" has no digit` });
  const lineNumbers = new Set(doc.lines.map((l) => l.number));
  for (const d of doc.ddts) {
    if (!isRealDate(d.date)) p.push({ code: '00200', field: 'DatiDDT/DataDDT', message: `DDT ${d.number}: ${d.date} is not a date` });
    else if (isRealDate(doc.date) && d.date > doc.date) p.push({ code: 'bottega.ddtDate', field: 'DatiDDT/DataDDT', message: `DDT ${d.number} of ${d.date} is after the invoice date ${doc.date}` });
    for (const n of d.lineNumbers) if (!lineNumbers.has(n)) p.push({ code: 'bottega.lineRef', field: 'DatiDDT/RiferimentoNumeroLinea', line: n, message: `DDT ${d.number} refers to line ${n}, which the invoice does not have` });
  }
  if (doc.kind === 'TD24' && doc.ddts.length === 0) p.push({ code: 'bottega.ddt', field: 'DatiDDT', message: 'A deferred invoice (TD24) must list its DDTs' });
  if (doc.kind === 'TD04') {
    if (!doc.corrects) p.push({ code: 'bottega.corrects', field: 'DatiFattureCollegate', message: 'A credit note (TD04) must name the invoice it corrects' });
    else if (!isRealDate(doc.corrects.date)) p.push({ code: '00200', field: 'DatiFattureCollegate/Data', message: `${doc.corrects.date} is not a date` });
    else if (isRealDate(doc.date) && doc.date < doc.corrects.date) p.push({ code: '00418', field: 'DatiGeneraliDocumento/Data', message: `The credit note's date ${doc.date} is before the invoice it corrects (${doc.corrects.date})` });
  }
}

/** Every problem the SdI (or our stricter rules) would find; [] when the document can be sent. */
export function sdiChecks(doc: InvoiceDocument, opts: SdiCheckOptions): SdiProblem[] {
  const p: SdiProblem[] = [];
  checkDocument(doc, opts, p);
  checkParties(doc, p);
  const sums = checkLines(doc, p);
  checkSummary(doc, sums, p);
  checkTotals(doc, opts, p);
  return p;
}
