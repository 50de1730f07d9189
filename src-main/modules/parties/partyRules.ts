import type { z } from 'zod';
import type { partyInput } from '../../../src-shared/contract/parties';
import { explainPartitaIva, isValidCodiceFiscale } from '../../../src-shared/domain/italianTax';
import { FieldProblems } from '../fieldParsing';

type PartyInput = z.output<typeof partyInput>;

/**
 * Italian numbers are checked where they are Italian: a P.IVA of a German customer is a
 * USt-IdNr and follows other rules, so it is kept as typed.
 */
export function partyValues(input: PartyInput) {
  const p = new FieldProblems();
  const country = input.country.toUpperCase();
  let vatNumber = input.vatNumber?.replace(/\s+/g, '').toUpperCase() ?? null;
  if (vatNumber && country === 'IT') {
    vatNumber = vatNumber.replace(/^IT/, '');
    const why = explainPartitaIva(vatNumber);
    if (why !== 'ok') p.add(['vatNumber'], `vat.${why}`, `P.IVA ${vatNumber} is not valid (${why})`, { value: vatNumber });
  }
  const fiscalCode = input.fiscalCode?.replace(/\s+/g, '').toUpperCase() ?? null;
  if (fiscalCode && country === 'IT' && !isValidCodiceFiscale(fiscalCode)) {
    p.add(['fiscalCode'], 'fiscal_code.invalid', `Codice fiscale ${fiscalCode} is not valid`, { value: fiscalCode });
  }
  if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) {
    p.add(['email'], 'email.invalid', `${input.email} is not an email address`, { value: input.email });
  }
  const sdiCode = input.sdiCode?.toUpperCase() ?? null;
  if (sdiCode && !/^[A-Z0-9]{6,7}$/.test(sdiCode)) {
    p.add(['sdiCode'], 'sdi.invalid', `Codice destinatario ${sdiCode} must be 7 letters or digits`, { value: sdiCode });
  }
  if (input.pec && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.pec)) {
    p.add(['pec'], 'email.invalid', `${input.pec} is not an email address`, { value: input.pec });
  }
  // an Italian CAP is five digits; foreign postcodes follow their own rules and are kept as typed
  if (country === 'IT' && input.postcode && !/^\d{5}$/.test(input.postcode)) {
    p.add(['postcode'], 'cap.invalid', `CAP ${input.postcode} must be 5 digits`, { value: input.postcode });
  }
  const shipCountry = (input.shipCountry || country).toUpperCase();
  if (shipCountry === 'IT' && input.shipPostcode && !/^\d{5}$/.test(input.shipPostcode)) {
    p.add(['shipPostcode'], 'cap.invalid', `CAP ${input.shipPostcode} must be 5 digits`, { value: input.shipPostcode });
  }
  p.throwIfAny('The record has invalid fields');
  return {
    ...input,
    country,
    shipCountry: input.shipCountry.toUpperCase(),
    province: input.province.toUpperCase(),
    shipProvince: input.shipProvince.toUpperCase(),
    vatNumber,
    fiscalCode,
    sdiCode,
  };
}
