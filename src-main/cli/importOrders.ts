import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { IMPORT_FORMATS, type ImportPreview } from '../../src-shared/contract/channels';
import { ORDER_CHANNELS } from '../../src-shared/contract/orders';
import type { BottegaApp } from '../api/app';
import { fail } from '../api/envelope';

export interface ImportOptions {
  format?: string;
  channel?: string;
  dryRun: boolean;
  json: boolean;
  /** EXTERNAL=SKU: map a channel SKU to one of our items, by our SKU */
  map: string[];
}

type Out = (s: string) => void;

function summary(p: ImportPreview, out: Out): void {
  out(`${p.file.name}: ${p.format}${p.mappingName ? ` (${p.mappingName})` : ''}, ${p.file.encoding}, "${p.file.delimiter === '\t' ? '\\t' : p.file.delimiter}", ${p.file.rows} rows`);
  out(`orders ${p.counts.orders}, lines ${p.counts.lines}: new ${p.counts.new}, duplicate ${p.counts.duplicate}, changed ${p.counts.changed}, ` +
    `changed but too far along ${p.counts.changed_locked}, to cancel ${p.counts.cancelled}, cancelled but too far along ${p.counts.cancelled_locked}, cancelled and skipped ${p.counts.cancelled_new}`);
  out(`customers: ${p.customers.matched} found, ${p.customers.toCreate} to create`);
  for (const u of p.unknownSkus) {
    // an item named the same is suggested, not chosen: the user still says so with --map
    const to = u.suggested ? u.suggested.sku : 'OUR-SKU';
    out(`unknown SKU ${u.externalSku} (${u.name}), line ${u.firstRow}, ${u.rows} row(s): map it with --map '${u.externalSku}=${to}'${u.suggested ? ` (${u.suggested.sku} has the same name)` : ''}`);
  }
  for (const q of p.problems) out(`line ${q.row ?? '-'}${q.column ? `, ${q.column}` : ''}: ${q.message} [${q.key}]`);
  if (p.problemCount > p.problems.length) out(`… and ${p.problemCount - p.problems.length} more problems`);
}

/**
 * `bottega import orders FILE [--format F] [--channel C] [--map EXT=SKU]… [--dry-run] [--json]`:
 * the preview (dry run) or the import, printed as data. Exit 0 when imported (or a
 * clean dry run), 1 when refused with the problems listed, 2 on usage errors.
 */
export function importOrdersCommand(app: BottegaApp, args: string[], opts: ImportOptions, out: Out, err: Out): number {
  const [what, file, ...extra] = args;
  if (what !== 'orders' || !file || extra.length > 0) {
    err('Usage: bottega import orders FILE [--format shopify|etsy|bottega|MAPPING-NAME] [--channel C] [--map EXT=SKU]… [--dry-run] [--json]');
    return 2;
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    err(JSON.stringify(fail('VALIDATION', `No file at ${file}`, { file })));
    return 2;
  }
  if (opts.channel !== undefined && !(ORDER_CHANNELS as readonly string[]).includes(opts.channel)) {
    err(`--channel must be one of ${ORDER_CHANNELS.join(', ')}`);
    return 2;
  }
  const skuMappings: { externalSku: string; itemId: number }[] = [];
  for (const m of opts.map) {
    const at = m.lastIndexOf('=');
    const ours = at > 0 ? m.slice(at + 1).trim() : '';
    if (!ours) {
      err(`--map needs EXTERNAL=SKU, not ${m}`);
      return 2;
    }
    const item = app.ctx.sqlite.prepare('SELECT id FROM items WHERE sku = ? COLLATE NOCASE').get(ours) as { id: number } | undefined;
    if (!item) {
      err(JSON.stringify(fail('NOT_FOUND', `No item with SKU ${ours} (in --map ${m})`, { sku: ours })));
      return 2;
    }
    skuMappings.push({ externalSku: m.slice(0, at).trim(), itemId: item.id });
  }
  const builtin = opts.format !== undefined && (IMPORT_FORMATS as readonly string[]).includes(opts.format) && opts.format !== 'mapping';
  const input = {
    fileBase64: readFileSync(file).toString('base64'),
    fileName: basename(file),
    ...(opts.format === undefined ? {} : builtin ? { format: opts.format } : { mappingName: opts.format }),
    ...(opts.channel ? { channel: opts.channel } : {}),
    skuMappings,
  };
  const preview = app.invoke('channels.previewImport', input);
  if (!preview.ok) {
    err(opts.json ? JSON.stringify(preview) : `${preview.error.message}`);
    return 1;
  }
  const p = preview.data as ImportPreview;
  if (opts.dryRun || !p.canImport) {
    if (opts.json) out(JSON.stringify({ dryRun: opts.dryRun, imported: false, preview: p }));
    else summary(p, p.canImport ? out : err);
    if (!p.canImport && !opts.json) err('Nothing imported.');
    return p.canImport ? 0 : 1;
  }
  const res = app.invoke('channels.import', input);
  if (!res.ok) {
    err(opts.json ? JSON.stringify(res) : res.error.message);
    return 1;
  }
  if (opts.json) out(JSON.stringify({ imported: true, result: res.data, preview: { counts: p.counts, customers: p.customers } }));
  else {
    summary(p, out);
    const r = res.data as { created: number; updated: number; cancelled: number; orderNumbers: string[]; reported: { ref: string; number: string; status: string }[] };
    out(`Imported: ${r.created} created${r.orderNumbers.length ? ` (${r.orderNumbers[0]} … ${r.orderNumbers[r.orderNumbers.length - 1]})` : ''}, ${r.updated} updated, ${r.cancelled} cancelled.`);
    for (const x of r.reported) out(`not changed: ${x.ref} is order ${x.number}, already ${x.status}`);
  }
  return 0;
}
