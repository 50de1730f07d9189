import type { BottegaApp } from '../../src-main/api/app';
import type { Contract, InputOf, OutputOf } from '../../src-shared/contract';
import { partitaIvaCheckDigit } from '../../src-shared/domain/italianTax';

export type PartyInput = InputOf<Contract['parties.createCustomer']>;
export type CreatedParty = OutputOf<Contract['parties.createCustomer']>;

let counter = 0;

/** A P.IVA with the right check digit, different for every n (n < 10^7). */
export function validPartitaIva(n: number): string {
  const first10 = String(n).padStart(7, '0') + '015';
  return first10 + String(partitaIvaCheckDigit(first10));
}

/** `aCustomer().name('Erboristeria La Malva').city('Firenze', '50123', 'FI').create(app)` */
export class PartyBuilder {
  private readonly v: PartyInput;

  constructor(private readonly role: 'customer' | 'supplier') {
    const n = ++counter;
    this.v = {
      name: `${role === 'customer' ? 'Cliente' : 'Fornitore'} ${n} S.r.l.`,
      vatNumber: validPartitaIva(1000 + n),
      email: `${role}${n}@test.example`,
      street: 'Via Roma, 1',
      postcode: '20121',
      city: 'Milano',
      province: 'MI',
      country: 'IT',
    };
  }

  name(name: string): this {
    this.v.name = name;
    return this;
  }
  vat(vatNumber: string | null): this {
    this.v.vatNumber = vatNumber;
    return this;
  }
  fiscalCode(code: string | null): this {
    this.v.fiscalCode = code;
    return this;
  }
  /** a private person: no P.IVA */
  person(fullName: string, fiscalCode: string | null = null): this {
    this.v.name = fullName;
    this.v.vatNumber = null;
    this.v.fiscalCode = fiscalCode;
    return this;
  }
  email(address: string | null): this {
    this.v.email = address;
    return this;
  }
  phone(phone: string | null): this {
    this.v.phone = phone;
    return this;
  }
  address(street: string, postcode: string, city: string, province: string, country = 'IT'): this {
    Object.assign(this.v, { street, postcode, city, province, country });
    return this;
  }
  shipTo(street: string, postcode: string, city: string, province: string, country = 'IT'): this {
    Object.assign(this.v, { shipStreet: street, shipPostcode: postcode, shipCity: city, shipProvince: province, shipCountry: country });
    return this;
  }
  notes(text: string): this {
    this.v.notes = text;
    return this;
  }

  input(): PartyInput {
    return { ...this.v };
  }

  create(app: BottegaApp): CreatedParty {
    return this.role === 'customer' ? app.call('parties.createCustomer', this.input()) : app.call('parties.createSupplier', this.input());
  }
}

export const aCustomer = () => new PartyBuilder('customer');
export const aSupplier = () => new PartyBuilder('supplier');
