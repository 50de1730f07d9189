import type { Order } from '../../../src-shared/contract/orders';
import { localDate } from '../../../src-shared/domain/dates';
import type { ReadCtx } from '../../api/context';
import { notFound } from '../../api/domainError';
import { factsOf, isLate, lineNet, linesVat, lineStatus, loadLineFacts } from './lineFacts';
import { centsToE8, formatUnitPrice } from '../../../src-shared/domain/pricing';

interface OrderHead {
  id: number;
  version: number;
  number: string;
  customerId: number;
  customerName: string;
  email: string | null;
  phone: string | null;
  language: 'it' | 'en';
  channel: Order['channel'];
  externalRef: string | null;
  state: Order['state'];
  status: Order['status'];
  orderedOn: string;
  requestedOn: string | null;
  promisedOn: string | null;
  notes: string;
  paymentTerms: string | null;
}

export function loadOrder(ctx: ReadCtx, id: number): Order {
  const h = ctx.sqlite
    .prepare(
      `SELECT o.id, o.version, o.number, o.customer_id AS customerId, c.name AS customerName, c.email, c.phone, c.language, o.channel, o.external_ref AS externalRef,
              o.state, o.status, o.ordered_on AS orderedOn, o.requested_on AS requestedOn, o.promised_on AS promisedOn, o.notes, o.payment_terms AS paymentTerms
       FROM customer_orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ?`,
    )
    .get(id) as OrderHead | undefined;
  if (!h) throw notFound('order', id);
  const { lines, allocations, production } = loadLineFacts(ctx, [id]);
  const items = new Map(
    (
      ctx.sqlite
        .prepare(`SELECT id, sku, name, kind, unit FROM items WHERE id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(lines.map((l) => l.itemId))) as Order['lines'][number]['item'][]
    ).map((i) => [i.id, i]),
  );
  const outLines = lines.map((l) => {
    const netCents = lineNet(l);
    const facts = factsOf(l, allocations, production);
    return {
      id: l.id,
      position: l.position,
      item: items.get(l.itemId)!,
      qtyMilli: l.qtyMilli,
      unitPriceCents: l.unitPriceCents,
      unitPrice: l.unitPrice || formatUnitPrice(centsToE8(l.unitPriceCents)),
      priceSource: l.priceSource,
      discounts: l.discounts === '' ? [] : l.discounts.split('+'),
      discountBp: l.discountBp,
      vatBp: l.vatBp,
      netCents,
      shippedMilli: l.shippedMilli,
      allocatedMilli: facts.allocatedMilli,
      allocations: allocations.filter((a) => a.lineId === l.id).map(({ lineId: _l, ...a }) => a),
      production: production.filter((p) => p.lineId === l.id).map(({ lineId: _l, ...p }) => p),
      // a service line (shipping, a surcharge) is done when the order is
      status: l.service === 1 ? (h.status === 'shipped' ? 'shipped' : 'ready') : lineStatus(facts),
      note: l.note,
    };
  });
  // VAT per rate on the exact sum of the lines (the invoice's summary rows), rounded once per rate
  const vatCents = linesVat(lines);
  return {
    id: h.id,
    version: h.version,
    number: h.number,
    customer: { id: h.customerId, name: h.customerName, email: h.email, phone: h.phone, language: h.language },
    channel: h.channel,
    externalRef: h.externalRef,
    state: h.state,
    status: h.status,
    orderedOn: h.orderedOn,
    requestedOn: h.requestedOn,
    promisedOn: h.promisedOn,
    late: isLate(h.status, h.requestedOn, h.promisedOn, localDate(ctx.now())),
    notes: h.notes,
    paymentTerms: h.paymentTerms === null ? null : (JSON.parse(h.paymentTerms) as Order['paymentTerms']),
    totalCents: outLines.reduce((s, l) => s + l.netCents, 0),
    vatCents,
    lines: outLines,
  };
}
