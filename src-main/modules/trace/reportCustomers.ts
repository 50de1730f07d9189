/**
 * The recall report's customers table, gathered: each customer to notify, once, with each
 * DDT they got the lots on and which lots that DDT carried. A reader calls the customer
 * and names the DDT ("your delivery of 8 April, DDT 15168/2024, lots …"), so the table
 * has one line per DDT, not one cell of DDTs beside one cell of lots that drift apart.
 * One pass with maps: the widest lot has thousands of shipment lines per customer.
 */
import type { ShipmentFact } from '../../../src-shared/domain/traceGraph';

export interface CustomerDdt {
  number: string | null;
  date: string | null;
  /** the affected lots on this DDT, each once, in shipment order */
  lotIds: number[];
}

export interface CustomerDdts {
  customer: ShipmentFact['customer'];
  ddts: CustomerDdt[];
}

/** A DDT number's leading integer ("15168/2024" → 15168), so 9/2024 comes before 10/2024. */
function numberOf(ddt: CustomerDdt): number {
  const n = parseInt(ddt.number ?? '', 10);
  return Number.isNaN(n) ? Number.MAX_SAFE_INTEGER : n;
}

/** ISO dates compare as text (code units, not the locale's collation); a DDT without a date goes last. */
function byDateThenNumber(a: CustomerDdt, b: CustomerDdt): number {
  const x = a.date ?? '\uffff';
  const y = b.date ?? '\uffff';
  return x < y ? -1 : x > y ? 1 : numberOf(a) - numberOf(b);
}

/** Customers as customersToContact orders them (name, then id); each one's DDTs by date, then number. */
export function customerDdts(shipments: readonly ShipmentFact[]): CustomerDdts[] {
  const byCustomer = new Map<number, { entry: CustomerDdts; byDdt: Map<string, { ddt: CustomerDdt; lots: Set<number> }> }>();
  for (const s of shipments) {
    let c = byCustomer.get(s.customer.id);
    if (!c) byCustomer.set(s.customer.id, (c = { entry: { customer: s.customer, ddts: [] }, byDdt: new Map() }));
    const key = `${s.ddtNumber ?? ''}\u0000${s.ddtDate ?? ''}`;
    let d = c.byDdt.get(key);
    if (!d) {
      d = { ddt: { number: s.ddtNumber, date: s.ddtDate, lotIds: [] }, lots: new Set() };
      c.byDdt.set(key, d);
      c.entry.ddts.push(d.ddt);
    }
    if (!d.lots.has(s.lotId)) {
      d.lots.add(s.lotId);
      d.ddt.lotIds.push(s.lotId);
    }
  }
  const out = [...byCustomer.values()].map((c) => c.entry);
  for (const c of out) c.ddts.sort(byDateThenNumber);
  return out.sort((a, b) => a.customer.name.localeCompare(b.customer.name) || a.customer.id - b.customer.id);
}
