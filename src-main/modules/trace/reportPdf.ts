import { formatQuantity } from '../../../src-shared/domain/quantity';
import { localDate } from '../../../src-shared/domain/dates';
import type { TraceLot } from '../../../src-shared/contract/trace';
import type { Handler } from '../../api/handlers';
import { readSettings } from '../settings/store';
import { renderPdf, tableRow, toBase64Pdf, PAGE, type Pdf } from '../../documents/pdfDocument';
import { companyHeader } from '../../documents/companyHeader';
import { formatDocDate } from '../../documents/dates';
import { RECALL_LABELS, type RecallLabels } from './reportLabels';
import { recallReportData, reportFileName, type RecallReportData } from './reportData';
import { resolveLot } from './lotLookup';
import { fastTable } from './reportTable';
import { groupTable } from './groupTable';
import { measureOnce } from '../../documents/textWidths';

function heading(doc: Pdf, text: string): void {
  if (doc.y > PAGE.bottom - 60) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('#000000').text(text, PAGE.left);
  doc.moveDown(0.3);
}

/** The recall report a health authority or a customer reads: facts first, then the lists to act on. */
export function drawRecallReport(doc: Pdf, data: RecallReportData, L: RecallLabels, locale: string, company: Parameters<typeof companyHeader>[1], today: string): void {
  const q = (milli: number, lot: TraceLot | undefined) => (lot ? formatQuantity(milli, lot.item.unit, locale) : String(milli / 1000));
  // an Intl formatter is costly to make and a report of 1,500 lots prints 3,000 dates: once per date
  const dates = new Map<string, string>();
  const d = (iso: string | null) => {
    if (!iso) return '';
    let text = dates.get(iso);
    if (text === undefined) dates.set(iso, (text = formatDocDate(iso, locale)));
    return text;
  };
  const { root, recall, trace, lotsById } = data;
  measureOnce(doc);
  companyHeader(doc, company, L.vat);
  doc.font('Helvetica-Bold').fontSize(16).text(L.title, 330, 40, { width: 225, align: 'right' });
  doc.fontSize(14).text(`${L.lot} ${root.code}`, 330, doc.y, { width: 225, align: 'right' });
  doc.y = Math.max(doc.y, 100) + 10;
  doc.x = PAGE.left;
  if (!recall) doc.font('Helvetica-Bold').fontSize(10).fillColor('#b00020').text(L.draft, PAGE.left).fillColor('#000000').moveDown(0.3);

  const facts: [string, string][] = [
    [L.lot, `${root.code} — ${L.statuses[root.status]}`],
    [L.item, `${root.item.name} (${root.item.sku})`],
  ];
  if (root.supplier) facts.push([L.supplier, root.supplier.name]);
  if (root.supplierLotCode) facts.push([L.supplierLot, root.supplierLotCode]);
  if (root.receipt) facts.push([L.receivedOn, d(root.receipt.date)], [L.supplierDdt, [root.receipt.supplierDdtNumber, d(root.receipt.supplierDdtDate)].filter(Boolean).join(' — ')]);
  if (root.production) facts.push([L.producedOn, `${d(root.production.producedOn)} (${root.production.number})`]);
  facts.push([L.reason, recall?.reason ?? '—'], [L.recallDate, recall ? d(recall.date) : '—'], [L.printedOn, d(today)]);
  for (const [k, v] of facts) tableRow(doc, [{ text: k, width: 150, bold: true }, { text: v, width: 365 }], { fontSize: 10 });

  const onHand = trace.lots.filter((l) => l.onHandMilli > 0);
  heading(doc, L.summary);
  for (const [k, v] of [
    [L.affectedLots, String(trace.lots.length)],
    [L.stillOnHand, String(onHand.length)],
    [L.customers, String(data.customers.length)],
    [L.shipments, String(trace.shipments.length)],
  ] as [string, string][]) {
    tableRow(doc, [{ text: k, width: 150, bold: true }, { text: v, width: 365 }], { fontSize: 10 });
  }

  heading(doc, L.customers);
  // one line per DDT with its lots; the customer's name and contacts beside the first lines
  groupTable(
    doc,
    [
      { header: L.customer, width: 190 },
      { header: L.ddt, width: 60 },
      { header: L.date, width: 52 },
      { header: L.lots, width: 213 },
    ],
    data.customers.map((c) => ({
      label: [{ text: c.customer.name, bold: true }, ...[c.customer.email, c.customer.phone].filter((x): x is string => !!x).map((text) => ({ text }))],
      rows: c.ddts.map((x) => [x.number ?? '—', d(x.date), x.lotIds.map((id) => lotsById.get(id)?.code ?? '').join(', ')]),
    })),
    L.none,
  );

  heading(doc, L.shipments);
  fastTable(
    doc,
    [
      { header: L.ddt, width: 55 },
      { header: L.ddtDate, width: 58 },
      { header: L.customer, width: 117 },
      { header: L.order, width: 60 },
      { header: L.lot, width: 70 },
      { header: 'SKU', width: 67 },
      { header: L.shipped, width: 40, align: 'right' },
      { header: L.returned, width: 48, align: 'right' },
    ],
    trace.shipments.map((s) => {
      const lot = lotsById.get(s.lotId);
      return [s.ddtNumber ?? '', d(s.ddtDate), s.customer.name, s.order?.number ?? '', lot?.code ?? '', lot?.item.sku ?? '', q(s.shippedMilli, lot), s.returnedMilli ? q(s.returnedMilli, lot) : ''];
    }),
    L.none,
  );

  const lotColumns = [
    { header: L.lot, width: 66 },
    { header: L.item, width: 110 },
    { header: 'SKU', width: 75 },
    { header: L.status, width: 48 },
    { header: L.via, width: 58 },
    { header: L.date, width: 52 },
    { header: L.expiry, width: 52 },
    { header: L.onHand, width: 54, align: 'right' as const },
  ];
  const lotRow = (l: TraceLot) => [l.code, l.item.name, l.item.sku, L.statuses[l.status], l.production?.number ?? '', d(l.originDate), d(l.expiresOn), q(l.onHandMilli, l)];
  // what can still be stopped first, then the whole list for the record
  heading(doc, L.stillOnHand);
  fastTable(doc, lotColumns, onHand.map(lotRow), L.none);
  heading(doc, L.affectedLots);
  fastTable(doc, lotColumns, trace.lots.map(lotRow), L.none);

  heading(doc, L.reservations);
  fastTable(
    doc,
    [
      { header: L.lot, width: 120 },
      { header: L.heldBy, width: 300 },
      { header: L.reserved, width: 95, align: 'right' },
    ],
    data.reservations.map((r) => [lotsById.get(r.lotId)?.code ?? '', r.heldBy, q(r.qtyMilli, lotsById.get(r.lotId))]),
    L.none,
  );
}

export const recallReportPdf: Handler<'trace.recallReportPdf'> = async (ctx, input) => {
  const data = recallReportData(ctx, resolveLot(ctx, input));
  const settings = readSettings(ctx);
  const lang = input.language ?? settings.language ?? 'it';
  const L = RECALL_LABELS[lang];
  // hundreds of pages for a widely used lot (deflatePages): zlib level 1 took ~80 % of level
  // 3's CPU on them (and level 3 half of level 6's), for the same bytes on the full bench
  // run's widest lot and ~4 % more on the fresh copy's
  const pdf = await renderPdf(`${L.title} ${data.root.code}`, { language: lang, deflateLevel: 1 }, (doc) => drawRecallReport(doc, data, L, lang === 'it' ? 'it-IT' : 'en-GB', settings.company, localDate(ctx.now())));
  return toBase64Pdf(reportFileName(data, lang, 'pdf'), pdf);
};
