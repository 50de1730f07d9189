/**
 * The preview of an import: the file read and checked (pure), then matched against
 * Bottega — items (chosen now, remembered per channel, or the same SKU), customers (by
 * email, then name + postcode), orders already imported (same channel and external
 * reference). The import runs exactly this and then writes; nothing here writes.
 *
 * Built for files of tens of thousands of rows: every lookup is one query per distinct
 * key (SKU, channel) or one query for the whole file (customers, existing orders), never
 * one per row.
 */
import type { z } from 'zod';
import type { ImportPreview, PreviewOrder, importInput } from '../../../src-shared/contract/channels';
import { partyInput } from '../../../src-shared/contract/parties';
import { parseDecimal } from '../../../src-shared/domain/decimal';
import { lineNetCents } from '../../../src-shared/domain/orderStatus';
import { QuantityError, parseQuantity } from '../../../src-shared/domain/quantity';
import type { ReadCtx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { partyValues } from '../parties/partyRules';
import { Columns, readCsv, type CsvTable } from './csvTable';
import { FileRefused, decodeBytes, type Encoding } from './decode';
import { extractOrders, type DraftCustomer, type DraftLine, type DraftOrder } from './extract';
import { nameKey, postcodeKey } from './fieldValues';
import { resolveColumns, type Channel, type Field, type ResolvedColumns } from './formats';
import { savedSkuMap } from './mappings';
import { ProblemList } from './problems';
import { fileBytesOf } from './uploads';
import { sql } from '../../db/sql';
import { differences, findExisting, linesOf, stateOf } from './existingOrders';
import { chooseSpec } from './chooseFormat';
import type { ItemRow, PlannedLine, PlannedOrder } from './previewTypes';

export type { ExistingOrder, PlannedLine, PlannedOrder } from './previewTypes';

const ITEM = sql`SELECT id, sku, name, kind, unit, archived, sale_price_cents AS price FROM items`;
const ITEM_BY_ID = sql`${ITEM} WHERE id = ?`;
const ITEM_BY_SKU = sql`${ITEM} WHERE sku = ? COLLATE NOCASE`;

export type ImportInput = z.output<typeof importInput>;
type PartyInput = z.output<typeof partyInput>;

export interface PreviewRun {
  preview: ImportPreview;
  plan: PlannedOrder[];
  /** customers to create, by key, in the order the file first names them */
  newCustomers: Map<string, PartyInput>;
}

/** A refusal of the whole file, as the VALIDATION error every door shows the same way. */
export function refusal(e: FileRefused, fileName: string): DomainError {
  return new DomainError('VALIDATION', e.message, {
    reason: e.reason,
    fileName,
    ...e.details,
    issues: [{ path: ['fileBase64'], key: `channels.file.${e.reason}`, message: e.message, params: { fileName } }],
  });
}

export interface ReadFile {
  table: CsvTable;
  encoding: Encoding;
}

export function readFile(file: { fileBase64: string; uploadId?: string }, onParsed?: (fraction: number) => void): ReadFile {
  const bytes = fileBytesOf(file);
  const { text, encoding } = decodeBytes(bytes);
  return { table: readCsv(text, undefined, onParsed), encoding };
}

/** Every customer, once per preview: a few thousand rows read in milliseconds beat a query per order. */
function customerIndex(ctx: ReadCtx) {
  const rows = ctx.sqlite
    .prepare('SELECT id, name, email, postcode, ship_postcode AS shipPostcode, archived FROM customers ORDER BY archived, id')
    .all() as { id: number; name: string; email: string | null; postcode: string; shipPostcode: string; archived: number }[];
  const byEmail = new Map<string, number>();
  const byNamePostcode = new Map<string, number>();
  for (const r of rows) {
    if (r.email && !byEmail.has(r.email.toLowerCase())) byEmail.set(r.email.toLowerCase(), r.id);
    for (const pc of [r.postcode, r.shipPostcode]) {
      if (!pc) continue;
      const k = `${nameKey(r.name)}|${postcodeKey(pc)}`;
      if (!byNamePostcode.has(k)) byNamePostcode.set(k, r.id);
    }
  }
  return { byEmail, byNamePostcode };
}

const PARTY_FIELD: Record<string, Field> = {
  name: 'customerName',
  email: 'email',
  phone: 'phone',
  vatNumber: 'vatNumber',
  fiscalCode: 'fiscalCode',
  street: 'street',
  postcode: 'postcode',
  city: 'city',
  province: 'province',
  country: 'country',
  shipStreet: 'shipStreet',
  shipPostcode: 'shipPostcode',
  shipCity: 'shipCity',
  shipProvince: 'shipProvince',
  shipCountry: 'shipCountry',
  notes: 'buyer',
};

function customerKey(c: DraftCustomer): string {
  return c.email ? `e:${c.email.toLowerCase()}` : `n:${nameKey(c.name)}|${postcodeKey(c.postcode)}`;
}

export interface PreviewOptions {
  describe: boolean;
  /** told when the file is read and matching starts, then every 1000 orders matched (the preview worker's progress bar) */
  onRead?: (rows: number) => void;
  onMatched?: (orders: number, of: number) => void;
  /** told after each chunk of the file parsed, with the fraction read */
  onParsed?: (fraction: number) => void;
}

/** `orders` of the preview are described only when asked (the import needs the plan, not the words). */
export function buildPreview(ctx: ReadCtx, input: ImportInput, opts: PreviewOptions = { describe: true }): PreviewRun {
  let file: ReadFile;
  let chosen: ReturnType<typeof chooseSpec>;
  let at: ResolvedColumns;
  try {
    file = readFile(input, opts.onParsed);
    chosen = chooseSpec(ctx, input, file.table.headers);
    const resolved = resolveColumns(chosen.spec, new Columns(file.table.headers));
    if (resolved.missing.length > 0) {
      throw new FileRefused('columns_missing', `Columns missing for the ${chosen.mappingName ?? chosen.spec.format} format: ${resolved.missing.join(', ')}`, {
        missing: resolved.missing,
        headers: file.table.headers,
      });
    }
    at = resolved.at;
    if (file.table.records.length === 0) throw new FileRefused('no_rows', 'The file has a header but no rows');
  } catch (e) {
    if (e instanceof FileRefused) throw refusal(e, input.fileName);
    throw e;
  }
  const { table } = file;
  opts.onRead?.(table.records.length);
  const { spec } = chosen;
  const problems = new ProblemList();
  const header = (f: Field): string | null => (at[f] === undefined ? null : (table.headers[at[f]] ?? null));
  const drafts = extractOrders(table, spec, at, problems);

  // ---- items: chosen in this import, remembered for the channel, or the same SKU
  const chosenMap = new Map(input.skuMappings.map((m) => [m.externalSku.toLowerCase(), m.itemId]));
  const savedMaps = new Map<Channel, Map<string, number>>();
  const saved = (channel: Channel) => {
    let m = savedMaps.get(channel);
    if (!m) savedMaps.set(channel, (m = savedSkuMap(ctx, channel)));
    return m;
  };
  const itemById = ctx.sqlite.prepare(ITEM_BY_ID.text);
  const itemBySku = ctx.sqlite.prepare(ITEM_BY_SKU.text);
  const itemCache = new Map<number, ItemRow | null>();
  const loadItem = (id: number): ItemRow | null => {
    if (!itemCache.has(id)) itemCache.set(id, (itemById.get(id) as ItemRow | undefined) ?? null);
    return itemCache.get(id)!;
  };
  const resolvedSkus = new Map<string, { item: ItemRow | null; by: 'chosen' | 'saved' | 'sku' | null }>();
  const resolveSku = (channel: Channel, externalSku: string) => {
    const k = `${channel}|${externalSku.toLowerCase()}`;
    let r = resolvedSkus.get(k);
    if (r) return r;
    const lower = externalSku.toLowerCase();
    const chosenId = chosenMap.get(lower);
    const savedId = saved(channel).get(lower);
    if (chosenId !== undefined) r = { item: loadItem(chosenId), by: 'chosen' };
    else if (savedId !== undefined) r = { item: loadItem(savedId), by: 'saved' };
    else {
      const bySku = (itemBySku.get(externalSku) as ItemRow | undefined) ?? null;
      if (bySku) itemCache.set(bySku.id, bySku);
      r = { item: bySku, by: bySku ? 'sku' : null };
    }
    if (r.by === 'chosen' && !r.item) problems.add({ row: null, column: null, key: 'item.not_found', message: `No item with id ${chosenId} (chosen for ${externalSku})`, value: externalSku });
    resolvedSkus.set(k, r);
    return r;
  };
  const unknown = new Map<string, { externalSku: string; name: string; firstRow: number; rows: number; channel: Channel }>();
  const archivedReported = new Set<number>();

  // ---- customers
  const customers = customerIndex(ctx);
  const customerPlans = new Map<string, { id: number | null; matchedBy: 'email' | 'name_postcode' | null; input: PartyInput | null }>();
  const newCustomers = new Map<string, PartyInput>();
  const planCustomer = (o: DraftOrder) => {
    const c = o.customer;
    const key = customerKey(c);
    let p = customerPlans.get(key);
    if (p) return { key, ...p };
    const byEmail = c.email ? customers.byEmail.get(c.email.toLowerCase()) : undefined;
    const byName = c.postcode ? customers.byNamePostcode.get(`${nameKey(c.name)}|${postcodeKey(c.postcode)}`) : undefined;
    if (byEmail !== undefined) p = { id: byEmail, matchedBy: 'email', input: null };
    else if (byName !== undefined) p = { id: byName, matchedBy: 'name_postcode', input: null };
    else {
      p = { id: null, matchedBy: null, input: null };
      if (c.name !== '') {
        const { row: _r, ...fields } = c;
        const parsed = partyInput.safeParse({ ...fields, language: c.country === 'IT' ? 'it' : 'en' });
        const add = (field: string, key: string, message: string) =>
          problems.add({ row: c.row, column: header(PARTY_FIELD[field] ?? 'customerName'), orderRef: o.ref, key, message: `Line ${c.row}: customer ${c.name}: ${message}`, value: String((fields as Record<string, unknown>)[field] ?? '') });
        if (!parsed.success) for (const i of parsed.error.issues) add(String(i.path[0] ?? 'name'), `customer.${String(i.path[0] ?? 'name')}`, `${String(i.path[0])}: ${i.message}`);
        else {
          try {
            partyValues(parsed.data);
            p.input = parsed.data;
            newCustomers.set(key, parsed.data);
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            for (const i of (e.details.issues ?? []) as { path: string[]; key?: string; message: string }[]) add(i.path[0] ?? 'name', `customer.${i.key ?? 'invalid'}`, i.message);
          }
        }
      }
    }
    customerPlans.set(key, p);
    return { key, ...p };
  };

  // ---- lines and customers of every order
  const qtyColumn = header('quantity');
  const planLine = (l: DraftLine, ch: Channel, ref: string, chosenLines: PlannedOrder['chosen']): { planned: PlannedLine | null; shown: PlannedOrder['shown'][number] } => {
    if (l.externalSku === '') return { planned: null, shown: { item: null, by: null, qtyMilli: null } };
    const { item, by } = resolveSku(ch, l.externalSku);
    const qtyProblem = (key: string, message: string) => problems.add({ row: l.row, column: qtyColumn, orderRef: ref, key, message: `Line ${l.row}: ${message}`, value: l.qtyText });
    if (!item) {
      const k = `${ch}|${l.externalSku.toLowerCase()}`;
      const u = unknown.get(k);
      if (u) u.rows++;
      else unknown.set(k, { externalSku: l.externalSku, name: l.name, firstRow: l.row, rows: 1, channel: ch });
      checkQuantityText(l.qtyText, qtyProblem);
      return { planned: null, shown: { item: null, by: null, qtyMilli: null } };
    }
    if (item.archived && !archivedReported.has(item.id)) {
      archivedReported.add(item.id);
      problems.add({ row: l.row, column: header('sku') ?? header('itemName'), orderRef: ref, key: 'item.archived', message: `Line ${l.row}: ${l.externalSku} is item ${item.sku}, which is archived`, value: l.externalSku });
    }
    if (by === 'chosen') chosenLines.push({ externalSku: l.externalSku, itemId: item.id });
    let qtyMilli: number | null = null;
    if (l.qtyText === '') qtyProblem('quantity.missing', 'no quantity');
    else {
      try {
        qtyMilli = parseQuantity(l.qtyText, item.unit);
      } catch (e) {
        const reason = e instanceof QuantityError ? e.reason : 'not_a_number';
        qtyProblem(`quantity.${reason}`, `the quantity "${l.qtyText}" is not a quantity of ${item.sku} (${item.unit})`);
      }
      if (qtyMilli !== null && qtyMilli <= 0) {
        qtyProblem('quantity.not_positive', `the quantity "${l.qtyText}" must be more than zero`);
        qtyMilli = null;
      }
    }
    const shown = { item, by, qtyMilli };
    if (qtyMilli === null) return { planned: null, shown };
    const planned = {
      itemId: item.id,
      qtyMilli,
      unitPriceCents: l.unitPriceCents,
      discountBp: l.discountBp,
      vatBp: l.vatBp,
      note: l.note,
      effectivePriceCents: l.unitPriceCents ?? item.price ?? 0,
      paid: l.paid,
      exactPrice: l.exactPrice,
    };
    return { planned, shown };
  };
  const plan: PlannedOrder[] = drafts.map((o, index) => {
    if (opts.onMatched && index % 1000 === 0) opts.onMatched(index, drafts.length);
    const channel = input.channel ?? o.channel ?? chosen.channel;
    const cust = planCustomer(o);
    const lines: PlannedLine[] = [];
    const shown: PlannedOrder['shown'] = [];
    const chosenLines: PlannedOrder['chosen'] = [];
    for (const l of o.lines) {
      const r = planLine(l, channel, o.ref, chosenLines);
      if (r.planned) lines.push(r.planned);
      shown.push(r.shown);
    }
    return { draft: o, channel, state: 'new', existing: null, differences: [], customerKey: cust.key, customerId: cust.id, lines, chosen: chosenLines, shown };
  });

  // ---- orders already in Bottega
  const existing = findExisting(ctx, plan);
  const existingLines = linesOf(ctx, [...existing.values()].map((e) => e.id));
  const seenRefs = new Set<string>();
  for (const p of plan) {
    const o = p.draft;
    if (o.externalRef !== null) {
      const k = `${p.channel}|${o.externalRef}`;
      if (seenRefs.has(k)) problems.add({ row: o.firstRow, column: header('externalRef'), orderRef: o.ref, key: 'ref.duplicate_in_file', message: `Line ${o.firstRow}: ${p.channel} reference ${o.externalRef} is on two orders of the file`, value: o.externalRef });
      seenRefs.add(k);
    }
    const e = existing.get(o.ref) ?? null;
    p.existing = e;
    p.differences = e ? differences(p, e, existingLines.get(e.id) ?? [], spec) : [];
    p.state = stateOf(p, e, p.differences, spec);
  }

  // ---- the answer
  const outOrders: PreviewOrder[] = !opts.describe ? [] : plan.map((p) => {
    const o = p.draft;
    const cp = customerPlans.get(p.customerKey)!;
    const e = p.existing;
    // an order already here keeps its customer
    const customerId = e ? e.customerId : cp.id;
    return {
      ref: o.ref,
      channel: p.channel,
      firstRow: o.firstRow,
      lastRow: o.lastRow,
      orderedOn: o.orderedOn,
      requestedOn: o.requestedOn,
      fileState: o.fileState,
      customer: {
        action: customerId !== null ? 'match' : 'create',
        id: customerId,
        name: e ? e.customerName : o.customer.name,
        email: o.customer.email,
        postcode: o.customer.postcode,
        city: o.customer.city,
        country: o.customer.country,
        matchedBy: e ? null : cp.matchedBy,
      },
      lines: o.lines.map((l, i) => {
        const r = p.shown[i]!;
        return {
          row: l.row,
          externalSku: l.externalSku,
          name: l.name,
          item: r.item ? { id: r.item.id, sku: r.item.sku, name: r.item.name, kind: r.item.kind, unit: r.item.unit } : null,
          mappedBy: r.by,
          qtyMilli: r.qtyMilli,
          unitPriceCents: l.unitPriceCents ?? r.item?.price ?? null,
          discountBp: l.discountBp,
          vatBp: l.vatBp,
        };
      }),
      totalCents: p.lines.reduce((s, l) => s + lineNetCents(l.qtyMilli, l.effectivePriceCents, l.discountBp), 0),
      state: p.state,
      existing: e ? { id: e.id, number: e.number, status: e.status } : null,
      differences: p.differences,
      notes: o.notes,
      problemCount: problems.perOrder.get(o.ref) ?? 0,
    };
  });

  const counts = { orders: plan.length, lines: drafts.reduce((s, o) => s + o.lines.length, 0), new: 0, duplicate: 0, changed: 0, changed_locked: 0, cancelled: 0, cancelled_locked: 0, cancelled_new: 0 };
  for (const p of plan) counts[p.state]++;
  // customers are created only for orders that will be created
  const creating = new Set(plan.filter((p) => p.state === 'new').map((p) => p.customerKey));
  let matched = 0;
  for (const c of customerPlans.values()) if (c.id !== null) matched++;
  for (const k of [...newCustomers.keys()]) if (!creating.has(k)) newCustomers.delete(k);
  const toCreate = [...creating].filter((k) => customerPlans.get(k)!.id === null).length;

  const preview: ImportPreview = {
    file: { name: input.fileName, encoding: file.encoding, delimiter: table.delimiter, headers: table.headers, rows: table.records.length },
    format: spec.format,
    mappingName: chosen.mappingName,
    recognised: chosen.recognised,
    channel: chosen.channel,
    orders: outOrders,
    unknownSkus: [...unknown.values()],
    problems: problems.sorted(),
    problemCount: problems.count,
    customers: { matched, toCreate },
    counts,
    canImport: problems.count === 0 && unknown.size === 0,
  };
  return { preview, plan, newCustomers };
}

/** A quantity of an item not mapped yet: at least it must be a number. */
function checkQuantityText(text: string, problem: (key: string, message: string) => void): void {
  if (text === '') return problem('quantity.missing', 'no quantity');
  try {
    const v = parseDecimal(text.replace(/\s*\p{L}+$/u, ''), 3);
    if (v <= 0) problem('quantity.not_positive', `the quantity "${text}" must be more than zero`);
  } catch {
    problem('quantity.not_a_number', `the quantity "${text}" is not a number`);
  }
}
