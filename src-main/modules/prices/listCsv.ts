import type { ImportPreview } from '../../../src-shared/contract/prices';
import { formatDecimal } from '../../../src-shared/domain/decimal';
import type { PriceStep } from '../../../src-shared/domain/pricing';
import type { Unit } from '../../../src-shared/domain/units';
import type { ReadCtx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import type { Handler } from '../../api/handlers';
import { FieldProblems } from '../fieldParsing';
import { readCsv } from '../channels/csvTable';
import { CSV_STYLES, writeCsv, type Cell, type CsvColumn } from '../channels/csvWrite';
import { getList, loadList, writeSteps } from './lists';
import { parseEntry } from './priceRules';

/**
 * A price list as a file: CSV for Italian Excel (";" and decimal comma) with the columns
 * Codice;Descrizione;Prezzo;Da quantità;Prezzo;… — or cells pasted from Excel (tabs):
 * SKU, price, then (from quantity, price) pairs. A header row is recognised by a price
 * cell that is not a number and skipped.
 */

type Format = 'csv' | 'paste';

interface RawRow {
  row: number;
  cells: string[];
}

function rawRows(text: string, format: Format): RawRow[] {
  const clean = text.replace(/^\uFEFF/, '');
  if (format === 'csv') {
    const t = readCsv(clean);
    const header = { row: 1, cells: t.headers };
    return [header, ...t.records.map((cells, i) => ({ row: t.lines[i] ?? i + 2, cells }))];
  }
  return clean
    .split(/\r\n|\n|\r/)
    .map((line, i) => ({ row: i + 1, cells: line.split('\t') }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/** Reads the rows against the catalogue and the list: what would be imported, what is unknown or wrong. */
export function readListRows(ctx: ReadCtx, listId: number, text: string, format: Format): ImportPreview & { steps: Map<number, PriceStep[]> } {
  const priceCol = format === 'csv' ? 2 : 1;
  const rows = rawRows(text, format);
  const itemStmt = ctx.sqlite.prepare('SELECT id, name, unit FROM items WHERE sku = ?');
  const currentStmt = ctx.sqlite.prepare('SELECT price_cents AS p FROM price_list_prices WHERE list_id = ? AND item_id = ? AND from_milli = 0');
  const out: ImportPreview & { steps: Map<number, PriceStep[]> } = { rows: [], unknownSkus: [], errors: [], steps: new Map() };
  const seen = new Map<string, number>();
  rows.forEach((r, index) => {
    const sku = (r.cells[0] ?? '').trim();
    const priceText = (r.cells[priceCol] ?? '').trim();
    // a header: the first row whose price cell is not a number
    if (index === 0 && !/\d/.test(priceText)) return;
    if (sku === '' && priceText === '') return;
    if (sku === '') {
      out.errors.push({ row: r.row, field: 'sku', message: 'The SKU is missing' });
      return;
    }
    if (seen.has(sku)) {
      out.errors.push({ row: r.row, field: 'sku', message: `${sku} is also on row ${seen.get(sku)}` });
      return;
    }
    seen.set(sku, r.row);
    const item = itemStmt.get(sku) as { id: number; name: string; unit: Unit } | undefined;
    if (!item) {
      out.unknownSkus.push({ row: r.row, sku });
      return;
    }
    const breaks: { fromQuantity: string; price: string }[] = [];
    for (let c = priceCol + 1; c < r.cells.length; c += 2) {
      const q = (r.cells[c] ?? '').trim();
      const pr = (r.cells[c + 1] ?? '').trim();
      if (q !== '' || pr !== '') breaks.push({ fromQuantity: q, price: pr });
    }
    const p = new FieldProblems();
    const steps = parseEntry(p, [], { itemId: item.id, price: priceText, breaks }, item.unit);
    for (const issue of p.issues) {
      const field = issue.path[0] === 'price' ? 'price' : `break ${Number(issue.path[1]) + 1} ${String(issue.path[2]) === 'price' ? 'price' : 'quantity'}`;
      out.errors.push({ row: r.row, field, message: issue.message });
    }
    if (!steps) return;
    const current = currentStmt.get(listId, item.id) as { p: number } | undefined;
    out.steps.set(item.id, steps);
    out.rows.push({ row: r.row, sku, itemId: item.id, name: item.name, priceCents: steps[0]!.priceCents, breaks: steps.slice(1), currentPriceCents: current?.p ?? null });
  });
  return out;
}

export const importPreview: Handler<'prices.importPreview'> = (ctx, input) => {
  loadList(ctx, input.listId);
  const { steps: _s, ...preview } = readListRows(ctx, input.listId, input.text, input.format);
  return preview;
};

export const importCommit: Handler<'prices.importCommit'> = (ctx, input) => {
  loadList(ctx, input.listId);
  const read = readListRows(ctx, input.listId, input.text, input.format);
  if (read.errors.length > 0) {
    throw new DomainError('VALIDATION', `Nothing imported: ${read.errors.length} rows have errors (first: row ${read.errors[0]!.row}, ${read.errors[0]!.field}: ${read.errors[0]!.message})`, {
      issues: read.errors.map((e) => ({ path: ['text', e.row], key: 'import_row', message: `Row ${e.row}, ${e.field}: ${e.message}`, params: { row: e.row, field: e.field } })),
    });
  }
  if (read.unknownSkus.length > 0 && !input.skipUnknown) {
    throw new DomainError('VALIDATION', `Nothing imported: unknown SKUs ${read.unknownSkus.map((u) => `${u.sku} (row ${u.row})`).join(', ')}`, {
      issues: read.unknownSkus.map((u) => ({ path: ['text', u.row], key: 'unknown_sku', message: `Row ${u.row}: no item with SKU ${u.sku}`, params: { row: u.row, sku: u.sku } })),
    });
  }
  if (read.steps.size === 0) {
    throw new DomainError('VALIDATION', 'Nothing to import: no rows with a known SKU and a price', { issues: [{ path: ['text'], key: 'import_empty', message: 'No rows to import' }] });
  }
  return { changed: writeSteps(ctx, input.listId, read.steps), skippedSkus: read.unknownSkus.map((u) => u.sku) };
};

export const exportList: Handler<'prices.exportList'> = (ctx, input) => {
  const list = getList(ctx, { id: input.id, q: '' }) as Exclude<ReturnType<typeof getList>, Promise<unknown>>;
  const style = CSV_STYLES.it;
  const maxBreaks = Math.max(0, ...list.entries.map((e) => e.breaks.length));
  const columns: CsvColumn[] = [
    { header: 'Codice', kind: 'text' },
    { header: 'Descrizione', kind: 'text' },
    { header: 'Prezzo', kind: 'cents' },
  ];
  for (let i = 0; i < maxBreaks; i++) columns.push({ header: 'Da quantità', kind: 'text' }, { header: 'Prezzo', kind: 'cents' });
  const rows: Cell[][] = list.entries.map((e) => [
    e.item.sku,
    e.item.name,
    e.priceCents,
    ...e.breaks.flatMap((b) => [formatDecimal(b.fromMilli, 3).replace('.', style.decimal), b.priceCents]),
  ]);
  const safe = list.name.replace(/[^\p{L}\p{N}_-]+/gu, '_');
  return { fileName: `listino_${safe}.csv`, csv: writeCsv(columns, rows, style) };
};
