/**
 * What must be true of the company and the customer before an invoice is issued, each
 * problem naming whose field to fix (DOMAIN.md, "Invoices"). Checked before any number is
 * taken, so a refused issue writes nothing and uses no number.
 */
import type { InvoiceProblem } from '../../../src-shared/contract/invoicing';
import type { AppSettings } from '../../../src-shared/contract/settings';
import { codiceFiscaleProblem, partitaIvaProblem } from '../../../src-shared/domain/fiscalIds';
import type { CustomerFiscal } from './customerFiscal';

const company = (field: string, code: string, message: string): InvoiceProblem => ({ scope: 'company', field, code, message, customerId: null });

export function companyProblems(c: AppSettings['company']): InvoiceProblem[] {
  const out: InvoiceProblem[] = [];
  if (c.name.trim() === '') out.push(company('name', 'missing', 'Company name is missing (Settings → Company)'));
  if (c.vatNumber.trim() === '') out.push(company('vatNumber', 'missing', 'Company P.IVA is missing (Settings → Company)'));
  else if ((c.country || 'IT') === 'IT' && partitaIvaProblem(c.vatNumber)) out.push(company('vatNumber', 'invalid', `Company P.IVA ${c.vatNumber} is not valid (${partitaIvaProblem(c.vatNumber)})`));
  if (c.fiscalCode.trim() !== '' && codiceFiscaleProblem(c.fiscalCode)) out.push(company('fiscalCode', 'invalid', `Company codice fiscale ${c.fiscalCode} is not valid`));
  if (!/^RF(0[1-9]|1[0-9]|20)$/.test(c.regimeFiscale)) out.push(company('regimeFiscale', 'invalid', 'Company regime fiscale must be RF01…RF20 (Settings → Company)'));
  if (c.street.trim() === '') out.push(company('street', 'missing', 'Company address is missing (Settings → Company)'));
  if (c.postcode.trim() === '') out.push(company('postcode', 'missing', 'Company postcode is missing (Settings → Company)'));
  else if ((c.country || 'IT') === 'IT' && !/^\d{5}$/.test(c.postcode.trim())) out.push(company('postcode', 'invalid', 'Company postcode must be 5 digits'));
  if (c.city.trim() === '') out.push(company('city', 'missing', 'Company city is missing (Settings → Company)'));
  if ((c.country || 'IT') === 'IT' && !/^[A-Z]{2}$/.test(c.province.trim().toUpperCase())) out.push(company('province', 'invalid', 'Company province must be its 2-letter code (Settings → Company)'));
  if ((c.reaOffice === '') !== (c.reaNumber === '')) out.push(company(c.reaOffice === '' ? 'reaOffice' : 'reaNumber', 'missing', 'REA needs both the office and the number'));
  if (c.reaOffice !== '' && !/^[A-Z]{2}$/.test(c.reaOffice)) out.push(company('reaOffice', 'invalid', 'REA office must be a 2-letter province code'));
  if (c.iban !== '' && !/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(c.iban.replace(/\s/g, ''))) out.push(company('iban', 'invalid', `Company IBAN ${c.iban} is not valid`));
  if (c.transmitterId !== '' && !/^[A-Z]{2}$/.test(c.transmitterCountry)) out.push(company('transmitterCountry', 'invalid', 'The transmitter needs its 2-letter country'));
  return out;
}

export function customerProblems(c: CustomerFiscal): InvoiceProblem[] {
  const out: InvoiceProblem[] = [];
  const p = (field: string, code: string, message: string) => out.push({ scope: 'customer', field, code, message, customerId: c.id });
  const italian = c.country === 'IT';
  const vat = (c.vatNumber ?? '').trim();
  const cf = (c.fiscalCode ?? '').trim();
  if (italian) {
    if (vat === '' && cf === '') p('fiscalCode', 'missing', `Customer ${c.name}: P.IVA or codice fiscale is missing`);
    if (vat !== '' && partitaIvaProblem(vat)) p('vatNumber', 'invalid', `Customer ${c.name}: P.IVA ${vat} is not valid (${partitaIvaProblem(vat)})`);
    if (cf !== '' && codiceFiscaleProblem(cf)) p('fiscalCode', 'invalid', `Customer ${c.name}: codice fiscale ${cf} is not valid (${codiceFiscaleProblem(cf)})`);
    if (c.street.trim() === '') p('street', 'missing', `Customer ${c.name}: address is missing`);
    if (!/^\d{5}$/.test(c.postcode.trim())) p('postcode', c.postcode.trim() === '' ? 'missing' : 'invalid', `Customer ${c.name}: postcode must be 5 digits`);
    if (c.city.trim() === '') p('city', 'missing', `Customer ${c.name}: city is missing`);
    if (vat !== '' && !c.sdiCode && !c.pec) p('sdiCode', 'missing', `Customer ${c.name}: SDI code or PEC is missing`);
    if (c.sdiCode && !/^[A-Z0-9]{7}$/.test(c.sdiCode)) p('sdiCode', 'invalid', `Customer ${c.name}: SDI code ${c.sdiCode} must be 7 letters or digits`);
  } else {
    if (!/^[A-Z]{2}$/.test(c.country)) p('country', 'invalid', `Customer ${c.name}: country must be a 2-letter code`);
    if (c.street.trim() === '' || c.city.trim() === '') p(c.street.trim() === '' ? 'street' : 'city', 'missing', `Customer ${c.name}: address is missing`);
  }
  return out;
}
