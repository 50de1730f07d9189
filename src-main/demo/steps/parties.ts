/**
 * Suppliers and customers of Saponificio Bottega, through the real commands (so every
 * P.IVA and codice fiscale passes the same checks a typed one does). The large scale
 * keeps the workshop's own parties and adds generated ones around them.
 */
import type { Ctx } from '../../api/context';
import type { InputOf } from '../../../src-shared/contract';
import type { partyOps } from '../../../src-shared/contract/parties';
import { atTime, demoCall } from '../call';
import { CITIES, cityNamed, codiceFiscale, email, mobile, partitaIva, person, phone, street, SURNAMES, type City } from '../italian';
import type { Rng } from '../rng';
import { SUPPLY_CATEGORIES, type DemoParty, type DemoState, type DemoStep, type SupplyCategory } from '../types';

type PartyInput = InputOf<(typeof partyOps)['parties.createCustomer']>;
type Owner = { firstName: string; surname: string; female: boolean };

interface Business {
  name: string;
  city: string;
  profile: DemoParty['profile'];
  /** a ditta individuale: its codice fiscale is the owner's personal one */
  owner?: Owner;
  supplies?: SupplyCategory;
  /** delivered to a shop address other than the registered office */
  shipTo?: string;
}

const SUPPLIERS: Business[] = [
  { name: 'Oleificio Fratelli Bertolini S.r.l.', city: 'Andria', profile: 'supplier', supplies: 'oli' },
  { name: 'Chimica Lombarda Forniture S.p.A.', city: 'Milano', profile: 'supplier', supplies: 'chimica' },
  { name: 'Aromi & Essenze Toscane S.r.l.', city: 'Firenze', profile: 'supplier', supplies: 'essenze' },
  { name: 'Apicoltura Valle Umbra di Marco Rossi', city: 'Assisi', profile: 'supplier', supplies: 'api', owner: { firstName: 'Marco', surname: 'Rossi', female: false } },
  { name: 'Cereria Veneta S.n.c. di Galli & Fontana', city: 'Treviso', profile: 'supplier', supplies: 'cere' },
  { name: 'Imballaggi Emiliani S.r.l.', city: 'Bologna', profile: 'supplier', supplies: 'imballi' },
  { name: 'Grafiche Moderne Etichette S.r.l.', city: 'Bergamo', profile: 'supplier', supplies: 'etichette' },
  { name: 'Natura Cosmetica Ingredienti S.r.l.', city: 'Verona', profile: 'supplier', supplies: 'cosmetica' },
];

const CUSTOMERS: Business[] = [
  { name: 'Erboristeria La Malva di Laura Bianchi', city: 'Firenze', profile: 'herbalist', owner: { firstName: 'Laura', surname: 'Bianchi', female: true } },
  { name: 'Erboristeria Il Tarassaco S.n.c.', city: 'Bologna', profile: 'herbalist' },
  { name: 'Erboristeria Fiori di Campo di Chiara Conti', city: 'Perugia', profile: 'herbalist', owner: { firstName: 'Chiara', surname: 'Conti', female: true } },
  { name: 'Antica Erboristeria San Lorenzo S.r.l.', city: 'Roma', profile: 'herbalist' },
  { name: 'Erboristeria Salvia & Rosmarino S.a.s.', city: 'Genova', profile: 'herbalist' },
  { name: 'Profumeria Lorenzi S.r.l.', city: 'Milano', profile: 'shop' },
  { name: 'Concept Store Officina Dodici S.r.l.', city: 'Torino', profile: 'shop', shipTo: 'Torino' },
  { name: 'Emporio Sfuso Leggero S.r.l.', city: 'Verona', profile: 'shop' },
  { name: 'Bottega del Borgo di Marta Greco', city: 'Siena', profile: 'shop', owner: { firstName: 'Marta', surname: 'Greco', female: true } },
  { name: 'Mercatino Bio Società Cooperativa', city: 'Bergamo', profile: 'shop' },
  { name: 'Farmacia San Giorgio del Dott. Paolo Ferrari', city: 'Modena', profile: 'pharmacy', owner: { firstName: 'Paolo', surname: 'Ferrari', female: false } },
  { name: 'Parafarmacia Salute & Natura S.r.l.', city: 'Padova', profile: 'pharmacy' },
  { name: 'Agriturismo Le Querce Società Agricola S.s.', city: 'Montepulciano', profile: 'hotel' },
  { name: 'Hotel Villa Serena S.r.l.', city: 'Como', profile: 'hotel', shipTo: 'Como' },
  { name: 'B&B Il Glicine di Elena Costa', city: 'Lucca', profile: 'hotel', owner: { firstName: 'Elena', surname: 'Costa', female: true } },
];

const FOREIGN: PartyInput[] = [
  { name: 'Naturladen Sonnenblume GmbH', vatNumber: 'DE284917365', street: 'Sendlinger Straße 21', postcode: '80331', city: 'München', country: 'DE', email: 'einkauf@sonnenblume-naturladen.example' },
  { name: 'Kräuterstube Alpenrose e.U.', vatNumber: 'ATU63928415', street: 'Maria-Theresien-Straße 8', postcode: '6020', city: 'Innsbruck', country: 'AT', email: 'office@kraeuterstube-alpenrose.example' },
];

const PRIVATE_BUYERS_SMALL = 8;

function ownerFiscalCode(rng: Rng, owner: Owner, city: City): string {
  return codiceFiscale({ ...owner, year: rng.int(1962, 1995), month: rng.int(1, 12), day: rng.int(1, 28), belfiore: city.belfiore });
}

function businessInput(rng: Rng, b: Business): PartyInput {
  const city = cityNamed(b.city);
  const vat = partitaIva(rng);
  const domain = b.name.replace(/\b(S\.r\.l\.|S\.p\.A\.|S\.n\.c\.|S\.a\.s\.|S\.s\.|di .*)$/i, '');
  const input: PartyInput = {
    name: b.name,
    vatNumber: vat,
    // a company's codice fiscale is its P.IVA; a ditta individuale uses the owner's
    fiscalCode: b.owner ? ownerFiscalCode(rng, b.owner, city) : vat,
    email: email(b.supplies ? 'ordini' : 'info', domain),
    phone: phone(rng, city),
    street: street(rng),
    postcode: city.cap,
    city: city.name,
    province: city.province,
    country: 'IT',
  };
  if (b.shipTo) {
    const ship = cityNamed(b.shipTo);
    return { ...input, shipStreet: street(rng), shipPostcode: ship.cap, shipCity: ship.name, shipProvince: ship.province, shipCountry: 'IT' };
  }
  return input;
}

function privateInput(rng: Rng): PartyInput {
  const p = person(rng);
  return {
    name: `${p.firstName} ${p.surname}`,
    fiscalCode: p.fiscalCode,
    email: email(`${p.firstName}.${p.surname}${rng.int(1, 99)}`, rng.pick(['posta', 'mail', 'webmail'])),
    phone: mobile(rng),
    street: street(rng),
    postcode: p.city.cap,
    city: p.city.name,
    province: p.city.province,
    notes: 'Cliente del negozio online',
  };
}

const SUPPLIER_TRADES: Record<SupplyCategory, string[]> = {
  oli: ['Oleificio', 'Oli e Grassi Vegetali', 'Frantoio'],
  chimica: ['Chimica', 'Laboratori Chimici', 'Reagenti'],
  essenze: ['Essenze', 'Distilleria', 'Aromi Naturali'],
  api: ['Apicoltura', 'Mieli e Cere'],
  cere: ['Cereria', 'Cere e Stoppini'],
  imballi: ['Imballaggi', 'Vetreria', 'Cartotecnica', 'Packaging'],
  etichette: ['Etichettificio', 'Arti Grafiche', 'Tipografia'],
  cosmetica: ['Materie Prime Cosmetiche', 'Ingredienti Naturali', 'Erbe Officinali'],
};
const LEGAL = ['S.r.l.', 'S.r.l.', 'S.p.A.', 'S.n.c.', 'S.a.s.'];
const SHOP_WORDS: Record<'shop' | 'herbalist' | 'pharmacy' | 'hotel', string[]> = {
  shop: ['Emporio', 'Bottega', 'Concept Store', 'Boutique', 'Negozio', 'Spaccio', 'Mercatino'],
  herbalist: ['Erboristeria', 'Antica Erboristeria', 'Erboristeria Naturale'],
  pharmacy: ['Farmacia', 'Parafarmacia'],
  hotel: ['Hotel', 'Agriturismo', 'B&B', 'Relais', 'Spa'],
};
const FANCY = ['del Borgo', 'Il Girasole', 'La Lavanda', 'Il Melograno', 'Le Erbe', 'Verde Salvia', 'Il Cedro', 'La Camomilla', 'Il Mandorlo', 'Fior di Loto', 'San Marco', 'Centrale', 'Il Faro', 'La Fonte', 'Le Rose'];

function generatedBusiness(rng: Rng, profile: keyof typeof SHOP_WORDS | 'supplier', supplies?: SupplyCategory): Business {
  const city = rng.pick(CITIES).name;
  if (profile === 'supplier') {
    const trade = rng.pick(SUPPLIER_TRADES[supplies!]);
    return { name: `${trade} ${rng.pick(SURNAMES)} ${rng.pick(LEGAL)}`, city, profile, supplies: supplies! };
  }
  const word = rng.pick(SHOP_WORDS[profile]);
  if (rng.chance(0.35)) {
    const p = person(rng);
    return { name: `${word} ${rng.pick(FANCY)} di ${p.firstName} ${p.surname}`, city, profile, owner: p };
  }
  return { name: `${word} ${rng.pick(FANCY)} ${rng.pick(LEGAL)}`, city, profile };
}

const TARGET = { small: { suppliers: SUPPLIERS.length, customers: 25 }, large: { suppliers: 50, customers: 200 } } as const;

export const partiesStep: DemoStep = {
  name: 'parties',
  run(ctx: Ctx, rng: Rng, state: DemoState) {
    const at = atTime(ctx, state.historyStart);
    const target = TARGET[state.scale];
    const supplierDefs = [...SUPPLIERS];
    while (supplierDefs.length < target.suppliers) {
      supplierDefs.push(generatedBusiness(rng, 'supplier', SUPPLY_CATEGORIES[supplierDefs.length % SUPPLY_CATEGORIES.length]));
    }
    for (const b of supplierDefs) {
      const created = demoCall(at, 'parties.createSupplier', businessInput(rng, b));
      state.suppliers.push({ id: created.id, name: created.name, profile: 'supplier', province: created.province, supplies: b.supplies! });
    }

    const customerInputs: { input: PartyInput; profile: DemoParty['profile'] }[] = [
      ...CUSTOMERS.map((b) => ({ input: businessInput(rng, b), profile: b.profile })),
      ...FOREIGN.map((input) => ({ input, profile: 'foreign' as const })),
    ];
    for (let i = 0; i < PRIVATE_BUYERS_SMALL; i++) customerInputs.push({ input: privateInput(rng), profile: 'private' });
    while (customerInputs.length < target.customers) {
      const profile = rng.weighted([
        ['shop', 35],
        ['herbalist', 25],
        ['pharmacy', 10],
        ['hotel', 10],
        ['private', 20],
      ] as const);
      if (profile === 'private') customerInputs.push({ input: privateInput(rng), profile });
      else customerInputs.push({ input: businessInput(rng, generatedBusiness(rng, profile)), profile });
    }
    for (const { input, profile } of customerInputs) {
      const created = demoCall(at, 'parties.createCustomer', input);
      state.customers.push({ id: created.id, name: created.name, profile, province: created.province });
    }
    return { suppliers: state.suppliers.length, customers: state.customers.length };
  },
};
