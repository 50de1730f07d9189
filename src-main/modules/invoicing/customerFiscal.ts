/**
 * A customer as invoicing needs it: the fiscal fields of the parties module's customer and
 * this module's own per-customer settings (customer_invoicing, of which this file is the writer).
 */
import type { CustomerInvoicing } from '../../../src-shared/contract/invoicing';
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { notFound } from '../../api/domainError';
import { sql } from '../../db/sql';

export interface CustomerFiscal {
  id: number;
  name: string;
  vatNumber: string | null;
  fiscalCode: string | null;
  street: string;
  postcode: string;
  city: string;
  province: string;
  country: string;
  sdiCode: string | null;
  pec: string | null;
  language: 'it' | 'en';
  wantsInvoice: boolean | null;
  defaultNatura: string | null;
  intentDeclaration: string;
}

const SELECT = sql`SELECT c.id, c.name, c.vat_number AS vatNumber, c.fiscal_code AS fiscalCode, c.street, c.postcode, c.city, c.province, c.country,
       c.sdi_code AS sdiCode, c.pec, c.language, ci.wants_invoice AS wantsInvoice, ci.default_natura AS defaultNatura,
       COALESCE(ci.intent_declaration, '') AS intentDeclaration
  FROM customers c LEFT JOIN customer_invoicing ci ON ci.customer_id = c.id`;

type Row = Omit<CustomerFiscal, 'wantsInvoice'> & { wantsInvoice: number | null };
const toFiscal = (r: Row): CustomerFiscal => ({ ...r, wantsInvoice: r.wantsInvoice === null ? null : r.wantsInvoice === 1 });

export function loadCustomerFiscal(ctx: ReadCtx, id: number): CustomerFiscal {
  const q = sql`${SELECT} WHERE c.id = ${id}`;
  const r = ctx.sqlite.prepare(q.text).get(...q.values) as Row | undefined;
  if (!r) throw notFound('customer', id);
  return toFiscal(r);
}

export function loadCustomersFiscal(ctx: ReadCtx, ids: number[]): Map<number, CustomerFiscal> {
  const q = sql`${SELECT} WHERE c.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  const rows = ctx.sqlite.prepare(q.text).all(...q.values) as Row[];
  return new Map(rows.map((r) => [r.id, toFiscal(r)]));
}

const settingsOf = (c: CustomerFiscal): CustomerInvoicing => ({
  customerId: c.id,
  wantsInvoice: c.wantsInvoice,
  defaultNatura: (c.defaultNatura as CustomerInvoicing['defaultNatura']) ?? null,
  intentDeclaration: c.intentDeclaration,
});

export const customerSettings: Handler<'invoicing.customerSettings'> = (ctx, input) => settingsOf(loadCustomerFiscal(ctx, input.customerId));

export const setCustomerSettings: Handler<'invoicing.setCustomerSettings'> = (ctx, input) => {
  loadCustomerFiscal(ctx, input.customerId);
  ctx.sqlite
    .prepare(
      `INSERT INTO customer_invoicing (customer_id, wants_invoice, default_natura, intent_declaration, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(customer_id) DO UPDATE SET wants_invoice = excluded.wants_invoice, default_natura = excluded.default_natura,
         intent_declaration = excluded.intent_declaration, updated_at = excluded.updated_at`,
    )
    .run(input.customerId, input.wantsInvoice === null ? null : input.wantsInvoice ? 1 : 0, input.defaultNatura, input.intentDeclaration, ctx.now().toISOString());
  return settingsOf(loadCustomerFiscal(ctx, input.customerId));
};
