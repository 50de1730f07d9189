/**
 * The recall report as one sheet for Excel: a row per affected lot (its stock) and a row
 * per shipment line (customer, contact, DDT), so a person can filter by kind, customer
 * or lot. Quantities stay exact decimals of the lot's own unit, named in their column.
 */
import type { Handler } from '../../api/handlers';
import { CSV_STYLES, writeCsv, type Cell, type CsvColumn } from '../channels/csvWrite';
import { readSettings } from '../settings/store';
import { RECALL_LABELS } from './reportLabels';
import { recallReportData, reportFileName, type RecallReportData } from './reportData';
import { resolveLot } from './lotLookup';

export function recallCsv(data: RecallReportData, lang: 'it' | 'en'): string {
  const L = RECALL_LABELS[lang];
  const columns: CsvColumn[] = [
    { header: L.kind, kind: 'text' },
    { header: L.lot, kind: 'text' },
    { header: 'SKU', kind: 'text' },
    { header: L.item, kind: 'text' },
    { header: L.status, kind: 'text' },
    { header: L.via, kind: 'text' },
    { header: L.date, kind: 'date' },
    { header: L.expiry, kind: 'date' },
    { header: L.onHand, kind: 'milli' },
    { header: L.customer, kind: 'text' },
    { header: L.email, kind: 'text' },
    { header: L.phone, kind: 'textAsIs' },
    { header: L.ddt, kind: 'text' },
    { header: L.ddtDate, kind: 'date' },
    { header: L.order, kind: 'text' },
    { header: L.shipped, kind: 'milli' },
    { header: L.returned, kind: 'milli' },
    { header: L.unit, kind: 'text' },
    { header: L.reason, kind: 'text' },
  ];
  const reason = data.recall?.reason ?? '';
  const rows: Cell[][] = [];
  for (const l of data.trace.lots) {
    rows.push([L.kindLot, l.code, l.item.sku, l.item.name, L.statuses[l.status], l.production?.number ?? '', l.originDate, l.expiresOn, l.onHandMilli, null, null, null, null, null, null, null, null, l.item.unit, reason]);
  }
  for (const s of data.trace.shipments) {
    const l = data.lotsById.get(s.lotId)!;
    rows.push([L.kindShipment, l.code, l.item.sku, l.item.name, L.statuses[l.status], l.production?.number ?? '', l.originDate, l.expiresOn, null, s.customer.name, s.customer.email, s.customer.phone, s.ddtNumber, s.ddtDate, s.order?.number ?? null, s.shippedMilli, s.returnedMilli, l.item.unit, reason]);
  }
  return writeCsv(columns, rows, CSV_STYLES[lang]);
}

export const recallReportCsv: Handler<'trace.recallReportCsv'> = (ctx, input) => {
  const data = recallReportData(ctx, resolveLot(ctx, input));
  const lang = input.locale ?? readSettings(ctx).language ?? 'it';
  return { fileName: reportFileName(data, lang, 'csv'), contentType: 'text/csv' as const, base64: Buffer.from(recallCsv(data, lang), 'utf8').toString('base64') };
};
