import { z } from 'zod';
import { command, query } from './define';
import { id, optionalText, pageInput, requiredText } from './common';
import { EVERYONE, type RolesOf } from './accounts';

/** Customers and suppliers: the Italian basics (ragione sociale, P.IVA, codice fiscale, addresses). */
export const partyInput = z.object({
  name: requiredText(200),
  /** P.IVA: checked with its check digit when the country is IT */
  vatNumber: optionalText(20),
  fiscalCode: optionalText(20),
  email: optionalText(200),
  phone: optionalText(50),
  street: z.string().trim().max(200).default(''),
  postcode: z.string().trim().max(20).default(''),
  city: z.string().trim().max(100).default(''),
  province: z.string().trim().max(10).default(''),
  country: z.string().trim().length(2).default('IT'),
  shipStreet: z.string().trim().max(200).default(''),
  shipPostcode: z.string().trim().max(20).default(''),
  shipCity: z.string().trim().max(100).default(''),
  shipProvince: z.string().trim().max(10).default(''),
  shipCountry: z.string().trim().max(2).default(''),
  sdiCode: optionalText(7),
  pec: optionalText(200),
  language: z.enum(['it', 'en']).default('it'),
  notes: z.string().max(5000).default(''),
});

export const party = z.object({
  id,
  name: z.string(),
  vatNumber: z.string().nullable(),
  fiscalCode: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  street: z.string(),
  postcode: z.string(),
  city: z.string(),
  province: z.string(),
  country: z.string(),
  shipStreet: z.string(),
  shipPostcode: z.string(),
  shipCity: z.string(),
  shipProvince: z.string(),
  shipCountry: z.string(),
  sdiCode: z.string().nullable(),
  pec: z.string().nullable(),
  language: z.enum(['it', 'en']),
  notes: z.string(),
  archived: z.boolean(),
});
export type Party = z.infer<typeof party>;

const search = z.object({ q: z.string().max(100).default(''), includeArchived: z.boolean().default(false), ...pageInput });
const page = z.object({ parties: z.array(party), total: z.number().int() });

export const partyOps = {
  'parties.createCustomer': command('Create a customer.', partyInput, party),
  'parties.updateCustomer': command('Change a customer.', partyInput.extend({ id }), party),
  'parties.archiveCustomer': command('Archive or restore a customer.', z.object({ id, archived: z.boolean() }), party),
  'parties.getCustomer': query('One customer.', z.object({ id }), party),
  'parties.searchCustomers': query('Search customers by name, P.IVA, email or city.', search, page),
  'parties.createSupplier': command('Create a supplier.', partyInput, party),
  'parties.updateSupplier': command('Change a supplier.', partyInput.extend({ id }), party),
  'parties.archiveSupplier': command('Archive or restore a supplier.', z.object({ id, archived: z.boolean() }), party),
  'parties.getSupplier': query('One supplier.', z.object({ id }), party),
  'parties.searchSuppliers': query('Search suppliers by name, P.IVA, email or city.', search, page),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const partyRoles = {
  'parties.createCustomer': ['office'],
  'parties.updateCustomer': ['office'],
  'parties.archiveCustomer': ['office'],
  'parties.getCustomer': EVERYONE,
  'parties.searchCustomers': EVERYONE,
  'parties.createSupplier': ['office'],
  'parties.updateSupplier': ['office'],
  'parties.archiveSupplier': ['office'],
  'parties.getSupplier': ['office', 'production', 'viewer'],
  'parties.searchSuppliers': ['office', 'production', 'viewer'],
} as const satisfies RolesOf<typeof partyOps>;
