/**
 * `bottega trace LOT [--direction backward|forward|both] [--json]` and
 * `bottega recall LOT --reason TEXT [--dry-run] [--json]`. LOT is our code, the
 * supplier's lot code, or a scanned label. Text output is the tree a person reads on
 * the phone with the supplier; --json is the trace itself.
 */
import type { RecallResult, TraceLot, TraceResult } from '../../src-shared/contract/trace';
import { formatQuantity } from '../../src-shared/domain/quantity';
import { customersToContact, traceTree, type TraceTreeNode } from '../../src-shared/domain/traceGraph';
import type { BottegaApp } from '../api/app';

type Print = (s: string) => void;

function lotLine(l: TraceLot | undefined, qty: string): string {
  if (!l) return '?';
  const origin = l.production
    ? `${l.production.number}, recipe v${l.production.recipeVersion}, ${l.production.producedOn ?? l.originDate}`
    : [l.supplier?.name, l.supplierLotCode && `supplier lot ${l.supplierLotCode}`, l.receipt && `received ${l.receipt.date}`, l.receipt?.supplierDdtNumber && `DDT ${l.receipt.supplierDdtNumber}`]
        .filter(Boolean)
        .join(', ');
  return `${l.code}  ${l.item.sku} ${l.item.name}${qty ? `  ${qty}` : ''}  [${l.status}, on hand ${formatQuantity(l.onHandMilli, l.item.unit, 'en-GB')}]${origin ? `  (${origin})` : ''}`;
}

export function traceText(tr: TraceResult): string[] {
  const byId = new Map(tr.lots.map((l) => [l.id, l]));
  const lines: string[] = [];
  const draw = (node: TraceTreeNode<TraceResult['backwardEdges'][number]>, prefix: string, last: boolean, top: boolean) => {
    const lot = byId.get(node.lotId);
    const qty = node.via && lot ? formatQuantity(node.via.qtyMilli, (byId.get(node.via.inputLotId) ?? lot).item.unit, 'en-GB') : '';
    lines.push(`${top ? '' : `${prefix}${last ? '└─ ' : '├─ '}`}${lotLine(lot, qty)}${node.repeated ? '  (see above)' : ''}`);
    node.children.forEach((c, i) => draw(c, top ? '' : `${prefix}${last ? '   ' : '│  '}`, i === node.children.length - 1, false));
  };
  if (tr.direction !== 'forward') {
    lines.push('Backward (what went into it):');
    draw(traceTree(tr.lotId, tr.backwardEdges, 'backward'), '', true, true);
  }
  if (tr.direction !== 'backward') {
    lines.push('', 'Forward (what contains it):');
    draw(traceTree(tr.lotId, tr.forwardEdges, 'forward'), '', true, true);
    lines.push('', `Shipments: ${tr.shipments.length}`);
    for (const s of tr.shipments) {
      const l = byId.get(s.lotId);
      lines.push(`  DDT ${s.ddtNumber ?? '—'} ${s.ddtDate ?? ''}  ${s.customer.name}  ${l?.code ?? ''}  ${l ? formatQuantity(s.shippedMilli, l.item.unit, 'en-GB') : s.shippedMilli}${s.returnedMilli ? `, returned ${l ? formatQuantity(s.returnedMilli, l.item.unit, 'en-GB') : s.returnedMilli}` : ''}`);
    }
    const customers = customersToContact(tr.shipments);
    if (customers.length > 0) lines.push(`Customers to notify: ${customers.map((c) => [c.customer.name, c.customer.email, c.customer.phone].filter(Boolean).join(' ')).join('; ')}`);
    lines.push(`Reservations on affected lots: ${tr.reservations.length}`);
    for (const r of tr.reservations) {
      const l = byId.get(r.lotId);
      lines.push(`  ${l?.code ?? ''}  ${l ? formatQuantity(r.qtyMilli, l.item.unit, 'en-GB') : r.qtyMilli}  for ${r.label}`);
    }
  }
  return lines;
}

function refOf(lot: string): { code: string } {
  return { code: lot };
}

export function traceCommand(app: BottegaApp, args: string[], opts: { direction?: string; json: boolean }, out: Print, err: Print): number {
  const [lot, ...extra] = args;
  const direction = opts.direction ?? 'both';
  if (!lot || extra.length > 0 || !['backward', 'forward', 'both'].includes(direction)) {
    err('Usage: bottega trace LOT [--direction backward|forward|both] [--json]');
    return 2;
  }
  const res = app.invoke('trace.lot', { ...refOf(lot), direction });
  if (!res.ok) {
    err(JSON.stringify(res));
    return res.error.code === 'VALIDATION' ? 2 : 1;
  }
  if (opts.json) out(JSON.stringify(res.data));
  else for (const l of traceText(res.data as TraceResult)) out(l);
  return 0;
}

export function recallCommand(app: BottegaApp, args: string[], opts: { reason?: string; dryRun: boolean; json: boolean }, out: Print, err: Print): number {
  const [lot, ...extra] = args;
  if (!lot || extra.length > 0 || !opts.reason?.trim()) {
    err('Usage: bottega recall LOT --reason TEXT [--dry-run] [--json]');
    return 2;
  }
  const res = app.invoke('trace.recall', { ...refOf(lot), reason: opts.reason, dryRun: opts.dryRun, by: 'cli' });
  if (!res.ok) {
    err(JSON.stringify(res));
    return res.error.code === 'VALIDATION' ? 2 : 1;
  }
  const r = res.data as RecallResult;
  if (opts.json) out(JSON.stringify(r));
  else {
    out(`${r.dryRun ? 'Dry run — nothing changed. Would recall' : `Recall ${r.recallId} made`} from lot ${r.lotCode}: ${r.reason}`);
    out(`Lots ${r.dryRun ? 'to block' : 'blocked'} (${r.blocked.length}):`);
    for (const b of r.blocked) out(`  ${b.code}  ${b.sku}  ${formatQuantity(b.onHandMilli, b.unit, 'en-GB')} on hand (was ${b.fromStatus})`);
    out(`Reservations ${r.dryRun ? 'to cancel' : 'cancelled'} (${r.cancelledReservations.length}):`);
    for (const c of r.cancelledReservations) out(`  ${c.label}  ${c.qtyMilli / 1000}`);
    if (r.affectedOrders.length > 0) out(`Orders affected: ${r.affectedOrders.map((o) => `${o.number} ${o.customerName}`).join(', ')}`);
  }
  return 0;
}
