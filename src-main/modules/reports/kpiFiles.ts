/**
 * The KPI report as files: a CSV for Excel with every table (Italian: semicolons, comma
 * decimals, BOM) and a one-page A4 PDF of the tables, longest ones cut to their first
 * rows (the CSV has them all). Both are made from one `reports.kpis` answer.
 */
import type { z } from 'zod';
import type { KpisResult, kpisInput } from '../../../src-shared/contract/reports';
import { createTranslator, LOCALE_OF, type Translator } from '../../../src-shared/i18n';
import { formatDecimal } from '../../../src-shared/domain/decimal';
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { CSV_STYLES, csvCell, csvFile, csvLines, type Cell, type CellKind } from '../channels/csvWrite';
import { readSettings } from '../settings/store';
import { PAGE, renderPdf, toBase64Pdf, type Pdf } from '../../documents/pdfDocument';
import { formatDocDate } from '../../documents/dates';
import { computeKpis } from './kpis';
import { kpiTables, type KpiTable } from './kpiTables';

type KpisInput = z.output<typeof kpisInput>;

function fileName(r: KpisResult, t: Translator, ext: 'csv' | 'pdf'): string {
  return `${t('reports.file')}-${r.by}-${r.period.from}-${r.period.to}.${ext}`;
}

/** The period and what the figures mean, as the first lines of the CSV (one cell each). */
function preamble(r: KpisResult, t: Translator): string[] {
  const lines = [t('reports.periodLine', { from: r.period.from, to: r.period.to, days: r.period.days })];
  if (r.previous) lines.push(t('reports.previousLine', { from: r.previous.period.from, to: r.previous.period.to }));
  if (r.empty) lines.push(t('reports.empty', { from: r.period.from, to: r.period.to }));
  lines.push(...Object.values(r.definitions));
  return lines;
}

export function kpisCsv(r: KpisResult, lang: 'it' | 'en'): string {
  const t = createTranslator(lang);
  const style = CSV_STYLES[lang];
  // the preamble and each table's title are one text cell a line, written as any cell (guarded, quoted)
  const lines = preamble(r, t).map((l) => csvCell(l, 'text', style));
  for (const table of kpiTables(r, t)) lines.push('', csvCell(table.title, 'text', style), ...csvLines(table.columns, table.rows, style));
  return csvFile(lines);
}

/** A cell as the PDF prints it: money and numbers grouped in the language's way. */
function show(value: Cell, kind: CellKind, locale: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return value;
  const nf = (digits: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  switch (kind) {
    case 'cents':
      return nf(2).format(value / 100);
    case 'bp':
      return `${nf(1).format(value / 100)} %`;
    case 'milli':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(Number(formatDecimal(value, 3)));
    default:
      return new Intl.NumberFormat(locale).format(value);
  }
}

/** How many rows of each table fit on the one page, and which columns the group table keeps. */
const PDF_ROWS = [11, 6, 6, 5, 5, 5];
const GROUP_COLUMNS = [0, 1, 2, 3, 4, 5, 6, 9, 10];

function drawTable(doc: Pdf, table: KpiTable, maxRows: number, columns: number[], t: Translator, locale: string): void {
  const size = 6.5;
  const rowH = 9;
  doc.font('Helvetica-Bold').fontSize(9).fillColor('#000000').text(table.title, PAGE.left, doc.y + 6);
  // names get room, numbers what they need: the first column 3 shares, other text 2, numbers 1
  const weights = columns.map((c, i) => (i === 0 ? 3 : table.columns[c]!.kind === 'text' ? 2 : 1));
  const share = PAGE.width / weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => w * share);
  let y = doc.y + 2;
  const row = (cells: string[], bold: boolean) => {
    let x = PAGE.left;
    cells.forEach((c, i) => {
      const right = i > 0 && table.columns[columns[i]!]!.kind !== 'text';
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size).text(c, x + 2, y + 1.5, { width: widths[i]! - 4, align: right ? 'right' : 'left', lineBreak: false, ellipsis: true, height: rowH });
      x += widths[i]!;
    });
    y += rowH;
    doc.moveTo(PAGE.left, y).lineTo(PAGE.right, y).lineWidth(0.3).strokeColor('#bbbbbb').stroke();
  };
  row(
    columns.map((c) => table.columns[c]!.header),
    true,
  );
  // the group table keeps its total row (the last) even when cut
  const isGroups = columns === GROUP_COLUMNS;
  const body = isGroups ? table.rows.slice(0, -1) : table.rows;
  const shown = body.slice(0, maxRows);
  for (const r of shown) row(columns.map((c) => show(r[c] ?? null, table.columns[c]!.kind, locale)), false);
  if (body.length > shown.length) row([`… +${body.length - shown.length} (CSV)`], false);
  if (isGroups) row(columns.map((c) => show(table.rows.at(-1)![c] ?? null, table.columns[c]!.kind, locale)), true);
  if (table.rows.length === 0) row(['—'], false);
  doc.x = PAGE.left;
  doc.y = y;
}

export function drawKpis(doc: Pdf, r: KpisResult, lang: 'it' | 'en', company: string): void {
  const t = createTranslator(lang);
  const locale = LOCALE_OF[lang];
  doc.font('Helvetica-Bold').fontSize(14).fillColor('#000000').text(`${t('reports.title')} — ${t(`reports.by.${r.by}`)}`, PAGE.left, 40);
  doc
    .font('Helvetica')
    .fontSize(8.5)
    .text(
      [company, t('reports.periodLine', { from: formatDocDate(r.period.from, locale), to: formatDocDate(r.period.to, locale), days: r.period.days })]
        .concat(r.previous ? [t('reports.previousLine', { from: formatDocDate(r.previous.period.from, locale), to: formatDocDate(r.previous.period.to, locale) })] : [])
        .filter(Boolean)
        .join(' · '),
    );
  if (r.empty) doc.moveDown(0.3).font('Helvetica-Bold').fontSize(9).text(t('reports.empty', { from: formatDocDate(r.period.from, locale), to: formatDocDate(r.period.to, locale) }));
  const tables = kpiTables(r, t);
  tables.forEach((table, i) => {
    const columns = i === 0 ? GROUP_COLUMNS : table.columns.map((_, c) => c);
    drawTable(doc, table, PDF_ROWS[i]!, columns, t, locale);
  });
  doc.moveDown(0.6).font('Helvetica').fontSize(5.8).fillColor('#333333');
  for (const d of Object.values(r.definitions)) doc.text(d, PAGE.left, doc.y, { width: PAGE.width });
  doc.fillColor('#000000');
}

function language(ctx: ReadCtx, input: KpisInput): 'it' | 'en' {
  return input.language ?? readSettings(ctx).language ?? 'it';
}

export const kpisCsvFile: Handler<'reports.kpisCsv'> = (ctx, input) => {
  const lang = language(ctx, input);
  const r = computeKpis(ctx, { ...input, language: lang });
  return { fileName: fileName(r, createTranslator(lang), 'csv'), contentType: 'text/csv' as const, base64: Buffer.from(kpisCsv(r, lang), 'utf8').toString('base64') };
};

export const kpisPdfFile: Handler<'reports.kpisPdf'> = async (ctx, input) => {
  const lang = language(ctx, input);
  const r = computeKpis(ctx, { ...input, language: lang });
  const t = createTranslator(lang);
  const pdf = await renderPdf(t('reports.title'), { language: lang }, (doc) => drawKpis(doc, r, lang, readSettings(ctx).company.name));
  return toBase64Pdf(fileName(r, t, 'pdf'), pdf);
};
