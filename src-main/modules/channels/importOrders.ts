/**
 * The import: the preview again (inside the command's transaction, so what it saw is
 * what is written), then customers, orders, updates and cancellations through the
 * orders and parties modules' own functions. Any problem throws, and the registry rolls
 * the whole file back: all or nothing.
 */
import type { z } from 'zod';
import type { channelOps } from '../../../src-shared/contract/channels';
import type { Contract, ParsedInputOf } from '../../../src-shared/contract';
import { formatDecimal } from '../../../src-shared/domain/decimal';
import { localDate } from '../../../src-shared/domain/dates';
import type { Handler } from '../../api/handlers';
import type { Ctx, ReadCtx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { insertCustomers } from '../parties/customerBatch';
import { assertExternalRefFree, parseOrderLines } from '../orders/orderInput';
import { cancelOrder, insertOrder, orderNumber, orderTerms, updateOrder } from '../orders/orderCommands';
import { contract } from '../../../src-shared/contract';
import { divRoundBig } from '../../../src-shared/domain/decimal';
import { formatUnitPrice } from '../../../src-shared/domain/pricing';
import { exactNetsForPaid, unitPriceE8For } from '../../../src-shared/domain/paidNets';
import { createItem } from '../catalog/items';
import { SHIPPING_SKU } from '../prices/decide';
import { refreshOrders } from '../orders/lineFacts';
import { buildPreview, type PlannedLine, type PlannedOrder, type PreviewOptions } from './preview';
import { saveSkuMapping } from './mappings';

type ImportResult = z.output<(typeof channelOps)['channels.import']['output']>;
type OrderLineText = ParsedInputOf<Contract['orders.create']>['lines'][number];

/** Integers back to the text the orders module reads (exact: formatDecimal parses back to the same integer). */
function lineText(l: PlannedLine): OrderLineText {
  return {
    itemId: l.itemId,
    quantity: formatDecimal(l.qtyMilli, 3),
    unitPrice: l.exactPrice ?? (l.unitPriceCents === null ? null : formatDecimal(l.unitPriceCents, 2)),
    discountPct: formatDecimal(l.discountBp, 2),
    vatPct: formatDecimal(l.vatBp, 2),
    note: l.note,
  };
}

/** The service item shipping charges go on (SKU SPEDIZIONE), made the first time a shop order brings one. */
function shippingItemId(ctx: Ctx): number {
  const found = ctx.sqlite.prepare("SELECT id FROM items WHERE sku = ? AND kind = 'service'").get(SHIPPING_SKU) as { id: number } | undefined;
  if (found) return found.id;
  const input = contract['catalog.createItem'].input.parse({ sku: SHIPPING_SKU, name: 'Spese di trasporto', kind: 'service', unit: 'pcs', lotTracked: false });
  return createItem(ctx, input).id;
}

/**
 * The lines of an imported order as the orders module reads them. A shop order whose
 * prices include VAT gets net unit prices with up to 8 decimals chosen so that its net
 * lines plus VAT (per rate, on their sum) come to what the customer paid, to the cent;
 * its shipping becomes a line of the shipping service item. Such prices are typed, so
 * the orders module keeps them and marks them manual.
 */
function importedLines(ctx: Ctx, p: PlannedOrder): OrderLineText[] {
  const out = p.lines.map(lineText);
  const shipping = p.draft.shippingCents;
  const paidLines = p.lines.map((l, i) => ({ l, i })).filter((x) => x.l.paid !== null);
  const shipLine = (unitPrice: string): OrderLineText => ({
    itemId: shippingItemId(ctx),
    quantity: '1',
    unitPrice,
    discountPct: '0',
    vatPct: formatDecimal(p.draft.shippingVatBp, 2),
    note: '',
  });
  if (paidLines.length === 0) {
    if (shipping > 0 && p.draft.lines.length > 0 && p.channel !== 'manual') out.push(shipLine(formatDecimal(shipping, 2)));
    return out;
  }
  // per VAT rate: what was paid for each line (and the shipping), then the nets that add up
  const byRate = new Map<number, { at: number | 'shipping'; paid: number; qtyMilli: number }[]>();
  const add = (rate: number, e: { at: number | 'shipping'; paid: number; qtyMilli: number }) => byRate.set(rate, [...(byRate.get(rate) ?? []), e]);
  for (const { l, i } of paidLines) {
    const gross = Number(divRoundBig(BigInt(l.qtyMilli) * BigInt(l.paid!.unitGrossCents), 1000n, 'half_up')) - l.paid!.discountCents;
    add(l.vatBp, { at: i, paid: Math.max(0, gross), qtyMilli: l.qtyMilli });
  }
  if (shipping > 0) add(p.draft.shippingVatBp, { at: 'shipping', paid: shipping, qtyMilli: 1000 });
  for (const [rate, entries] of byRate) {
    const nets = exactNetsForPaid(entries.map((e) => e.paid), rate);
    entries.forEach((e, k) => {
      const price = formatUnitPrice(unitPriceE8For(nets[k]!, e.qtyMilli));
      if (e.at === 'shipping') out.push(shipLine(price));
      else out[e.at] = { ...out[e.at]!, unitPrice: price, discountPct: '0' };
    });
  }
  return out;
}

/**
 * New orders are numbered by date (a shop exports newest first; our numbers grow with
 * time); our own export keeps its order, so numbers come back the same.
 */
function creationOrder(plan: PlannedOrder[], format: string): PlannedOrder[] {
  const fresh = plan.filter((p) => p.state === 'new');
  if (format === 'bottega') return fresh;
  return fresh.map((p, i) => ({ p, i })).sort((a, b) => (a.p.draft.orderedOn ?? '').localeCompare(b.p.draft.orderedOn ?? '') || a.i - b.i).map((x) => x.p);
}

/** What an import job is told as it goes (the preview's steps, then orders written). */
export type ImportProgress = Omit<PreviewOptions, 'describe'> & { onWritten?: (orders: number, of: number) => void };

export const importOrders: Handler<'channels.import'> = (ctx, input) => runImport(ctx, input);

export function runImport(ctx: Ctx, input: Parameters<Handler<'channels.import'>>[1], progress: ImportProgress = {}): ImportResult {
  const { preview, plan, newCustomers } = buildPreview(ctx, input, { ...progress, describe: false });
  if (!preview.canImport) {
    const what = [
      preview.problemCount > 0 ? `${preview.problemCount} problem(s)` : null,
      preview.unknownSkus.length > 0 ? `${preview.unknownSkus.length} SKU(s) not mapped to an item` : null,
    ].filter(Boolean);
    throw new DomainError('VALIDATION', `Nothing imported: the file has ${what.join(' and ')}`, {
      reason: 'problems',
      problems: preview.problems,
      problemCount: preview.problemCount,
      unknownSkus: preview.unknownSkus,
      issues: preview.problems.slice(0, 100).map((p) => ({ path: ['fileBase64'], key: `channels.${p.key}`, message: p.message, params: { row: p.row ?? 0, column: p.column ?? '' } })),
    });
  }
  if (!input.createCustomers && newCustomers.size > 0) {
    throw new DomainError('VALIDATION', `Nothing imported: ${newCustomers.size} customer(s) are not in Bottega yet`, {
      reason: 'customers_to_create',
      customers: [...newCustomers.values()].map((c) => ({ name: c.name, email: c.email, postcode: c.postcode })),
    });
  }

  // remembered SKUs: what the user chose, for the channel it was chosen for
  const remembered = new Set<string>();
  for (const p of plan) {
    for (const c of p.chosen) {
      const k = `${p.channel}|${c.externalSku.toLowerCase()}`;
      if (remembered.has(k)) continue;
      remembered.add(k);
      saveSkuMapping(ctx, p.channel, c.externalSku, c.itemId);
    }
  }

  const customerIds = insertCustomers(ctx, newCustomers);

  const result: ImportResult = {
    created: 0,
    updated: 0,
    cancelled: 0,
    duplicates: 0,
    skipped: 0,
    reported: [],
    customersCreated: newCustomers.size,
    skuMappingsSaved: remembered.size,
    orderNumbers: [],
    updatedNumbers: [],
    cancelledNumbers: [],
  };

  const stamp = ctx.now().toISOString();
  const created: number[] = [];
  const toCancel: number[] = [];
  const fresh = creationOrder(plan, preview.format);
  for (const p of fresh) {
    if (progress.onWritten && created.length % 1000 === 0) progress.onWritten(created.length, fresh.length);
    const o = p.draft;
    const customerId = p.customerId ?? customerIds.get(p.customerKey)!;
    // a mapping without a date column: today, as orders.create does
    const orderedOn = o.orderedOn ?? localDate(ctx.now());
    // the orders module's own checks (live items, quantities, prices, dates, reference free)
    const lines = parseOrderLines(ctx, {
      customerId,
      channel: p.channel,
      externalRef: o.externalRef,
      orderedOn,
      requestedOn: o.requestedOn,
      notes: o.notes,
      lines: importedLines(ctx, p),
      paymentTermsId: null,
    });
    assertExternalRefFree(ctx, p.channel, o.externalRef);
    const state = o.fileState === 'draft' ? 'draft' : 'confirmed';
    const number = orderNumber(ctx, orderedOn);
    const paymentTerms = orderTerms(ctx, customerId, null);
    const { id } = insertOrder(ctx, { number, customerId, channel: p.channel, externalRef: o.externalRef, state, orderedOn, requestedOn: o.requestedOn, notes: o.notes, stamp, paymentTerms }, lines);
    created.push(id);
    result.orderNumbers.push(number);
    if (o.fileState === 'cancelled') toCancel.push(id);
  }
  for (let i = 0; i < created.length; i += 100) refreshOrders(ctx, created.slice(i, i + 100));
  for (const id of toCancel) cancelOrder(ctx, { id, reason: '' });
  result.created = created.length;

  for (const p of plan) {
    const e = p.existing;
    switch (p.state) {
      case 'new':
        break;
      case 'duplicate':
        result.duplicates++;
        break;
      case 'cancelled_new':
        result.skipped++;
        break;
      case 'changed': {
        const o = p.draft;
        const own = preview.format === 'bottega';
        const updated = updateOrder(ctx, {
          id: e!.id,
          customerId: e!.customerId,
          channel: p.channel,
          externalRef: o.externalRef,
          orderedOn: o.orderedOn ?? e!.orderedOn,
          requestedOn: own ? o.requestedOn : e!.requestedOn,
          notes: own ? o.notes : e!.notes,
          lines: importedLines(ctx, p),
          paymentTermsId: null,
        });
        result.updated++;
        result.updatedNumbers.push(updated.number);
        break;
      }
      case 'cancelled': {
        const done = cancelOrder(ctx, { id: e!.id, reason: `cancelled in ${p.channel} (imported from ${input.fileName || 'a file'})` });
        result.cancelled++;
        result.cancelledNumbers.push(done.number);
        break;
      }
      case 'changed_locked':
      case 'cancelled_locked':
        result.reported.push({ ref: p.draft.ref, number: e!.number, status: e!.status, state: p.state });
        break;
    }
  }
  return result;
}

export function previewImport(ctx: ReadCtx, input: Parameters<typeof buildPreview>[1]) {
  return buildPreview(ctx, input).preview;
}
