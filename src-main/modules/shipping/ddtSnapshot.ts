import type { AppSettings } from '../../../src-shared/contract/settings';
import type { Address, Shipment } from '../../../src-shared/contract/shipping';
import { ddtNumber } from '../../../src-shared/domain/shipmentWeight';
import type { Ctx, ReadCtx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { nextNumber } from '../numbering/next';
import { readSettings } from '../settings/store';
import { currentLogoId } from './logo';

export type Party = Address & { vatNumber: string | null };

/** Everything a DDT shows, frozen when it is issued: a reprint renders this, not today's data. */
export interface DdtSnapshot {
  kind: 'shipment' | 'return';
  language: 'it' | 'en';
  number: string;
  date: string;
  company: AppSettings['company'];
  logoId: number | null;
  /** mittente and destinatario: us and the customer for a sale, the other way round for a return */
  sender: Party;
  recipient: Party;
  /** luogo di destinazione, when not the recipient's address */
  destination: Address | null;
  causale: string;
  transportBy: Shipment['transportBy'];
  carrier: string | null;
  carrierService: string | null;
  trackingNumber: string | null;
  transportStart: string;
  packageCount: number;
  appearance: string;
  grossWeightG: number;
  lines: { sku: string; name: string; gtin: string | null; unit: Shipment['lines'][number]['item']['unit']; qtyMilli: number; lotCode: string; expiresOn: string | null; orderNumber: string }[];
  orderNumbers: string[];
  notes: string;
  /** contrassegno: what the carrier collects (the orders' totals with VAT), when their terms say so */
  cashOnDeliveryCents?: number | null;
  /** for a return DDT: the DDT of the shipment the goods came with */
  originalDdt: string | null;
}

const REQUIRED_COMPANY = ['name', 'vatNumber', 'street', 'postcode', 'city'] as const;

/** The DDT names the sender with address and P.IVA: refuses, naming the Settings fields to fill. */
export function companyForDdt(ctx: Ctx): AppSettings['company'] {
  const company = readSettings(ctx).company;
  const missing = REQUIRED_COMPANY.filter((k) => company[k].trim() === '');
  if (missing.length > 0) {
    throw new DomainError('VALIDATION', `Company data missing for the DDT: fill in ${missing.join(', ')} in Settings → Company`, {
      where: 'settings.company',
      issues: missing.map((field) => ({ path: ['company', field], key: 'company_missing', message: `Settings → Company: ${field} is empty`, params: { field } })),
    });
  }
  return company;
}

export function companyParty(company: AppSettings['company']): Party {
  return { name: company.name, street: company.street, postcode: company.postcode, city: company.city, province: company.province, country: company.country, vatNumber: company.vatNumber };
}

/** Takes the next DDT number of the year and writes the register row, in the caller's transaction. */
export function issueDdt(ctx: Ctx, kind: 'shipment' | 'return', shipmentId: number, returnId: number | null, date: string, build: (number: string) => Omit<DdtSnapshot, 'number' | 'date' | 'logoId'>): number {
  const year = Number(date.slice(0, 4));
  const seq = nextNumber(ctx, `ddt:${year}`);
  const number = ddtNumber(seq, year);
  const snapshot: DdtSnapshot = { ...build(number), number, date, logoId: currentLogoId(ctx) };
  return Number(
    ctx.sqlite
      .prepare('INSERT INTO ddts (year, seq, number, date, kind, shipment_id, return_id, snapshot, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(year, seq, number, date, kind, shipmentId, returnId, JSON.stringify(snapshot), ctx.now().toISOString()).lastInsertRowid,
  );
}

export function loadDdt(ctx: ReadCtx, ddtId: number): { id: number; number: string; kind: 'shipment' | 'return'; snapshot: DdtSnapshot } {
  const r = ctx.sqlite.prepare('SELECT id, number, kind, snapshot FROM ddts WHERE id = ?').get(ddtId) as { id: number; number: string; kind: 'shipment'; snapshot: string } | undefined;
  if (!r) throw new DomainError('NOT_FOUND', `No DDT with id ${ddtId}`, { what: 'ddt', id: ddtId });
  return { ...r, snapshot: JSON.parse(r.snapshot) as DdtSnapshot };
}

export function localDateTimeOf(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}
