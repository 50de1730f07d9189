import type { z } from 'zod';
import type { partyInput } from '../../../src-shared/contract/parties';
import type { Ctx } from '../../api/context';
import { partyValues } from './partyRules';

type PartyInput = z.output<typeof partyInput>;

/**
 * New customers in bulk (a channel import), checked by this module's own rules (partyValues)
 * and written with one prepared statement: the drizzle insert parties.createCustomer uses
 * costs about a millisecond a row, and a first import of a shop's year brings thousands.
 * The ids, by the caller's keys.
 */
export function insertCustomers<K>(ctx: Ctx, parties: Map<K, PartyInput>): Map<K, number> {
  const insert = ctx.sqlite.prepare(
    `INSERT INTO customers (name, vat_number, fiscal_code, email, phone, street, postcode, city, province, country,
                            ship_street, ship_postcode, ship_city, ship_province, ship_country, sdi_code, pec, language, notes, archived, created_at, updated_at)
     VALUES (@name, @vatNumber, @fiscalCode, @email, @phone, @street, @postcode, @city, @province, @country,
             @shipStreet, @shipPostcode, @shipCity, @shipProvince, @shipCountry, @sdiCode, @pec, @language, @notes, 0, @stamp, @stamp)`,
  );
  const stamp = ctx.now().toISOString();
  const ids = new Map<K, number>();
  for (const [key, party] of parties) {
    const v = partyValues(party);
    const row = {
      name: v.name, vatNumber: v.vatNumber, fiscalCode: v.fiscalCode, email: v.email, phone: v.phone, street: v.street, postcode: v.postcode, city: v.city,
      province: v.province, country: v.country, shipStreet: v.shipStreet, shipPostcode: v.shipPostcode, shipCity: v.shipCity, shipProvince: v.shipProvince,
      shipCountry: v.shipCountry, sdiCode: v.sdiCode, pec: v.pec, language: v.language, notes: v.notes, stamp,
    };
    ids.set(key, Number(insert.run(row).lastInsertRowid));
  }
  return ids;
}
