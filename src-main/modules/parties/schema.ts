import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Columns customers and suppliers share: Italian company or person records. */
function partyColumns() {
  return {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** ragione sociale, or a person's name */
    name: text('name').notNull(),
    vatNumber: text('vat_number'),
    fiscalCode: text('fiscal_code'),
    email: text('email'),
    phone: text('phone'),
    street: text('street').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    city: text('city').notNull().default(''),
    province: text('province').notNull().default(''),
    country: text('country').notNull().default('IT'),
    /** a shipping address different from the registered one; empty when the same */
    shipStreet: text('ship_street').notNull().default(''),
    shipPostcode: text('ship_postcode').notNull().default(''),
    shipCity: text('ship_city').notNull().default(''),
    shipProvince: text('ship_province').notNull().default(''),
    shipCountry: text('ship_country').notNull().default(''),
    /** codice destinatario SDI (7 characters) and PEC, for electronic invoicing later */
    sdiCode: text('sdi_code'),
    pec: text('pec'),
    /** language of the documents and emails this party receives */
    language: text('language', { enum: ['it', 'en'] }).notNull().default('it'),
    notes: text('notes').notNull().default(''),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** optimistic version: +1 for every command that changes the document (migration 0017, see modules/versions) */
    version: integer('version').notNull().default(0),
  };
}

export const customers = sqliteTable('customers', partyColumns(), (t) => [
  index('customers_name').on(t.name),
  index('customers_email').on(t.email),
]);

export const suppliers = sqliteTable('suppliers', partyColumns(), (t) => [index('suppliers_name').on(t.name)]);
