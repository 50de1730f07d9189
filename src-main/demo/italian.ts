/**
 * Italian records that pass the app's own checks: P.IVA with the right check digit,
 * personal codici fiscali with the right check character, real cities with their CAP,
 * province and cadastral (Belfiore) code. All names are invented.
 */
import { codiceFiscaleCheckChar, partitaIvaCheckDigit } from '../../src-shared/domain/italianTax';
import type { Rng } from './rng';

export interface City {
  name: string;
  cap: string;
  province: string;
  /** codice catastale, used in the codice fiscale */
  belfiore: string;
  /** phone prefix */
  prefix: string;
}

export const CITIES: readonly City[] = [
  { name: 'Milano', cap: '20121', province: 'MI', belfiore: 'F205', prefix: '02' },
  { name: 'Roma', cap: '00185', province: 'RM', belfiore: 'H501', prefix: '06' },
  { name: 'Torino', cap: '10121', province: 'TO', belfiore: 'L219', prefix: '011' },
  { name: 'Firenze', cap: '50123', province: 'FI', belfiore: 'D612', prefix: '055' },
  { name: 'Bologna', cap: '40121', province: 'BO', belfiore: 'A944', prefix: '051' },
  { name: 'Napoli', cap: '80133', province: 'NA', belfiore: 'F839', prefix: '081' },
  { name: 'Venezia', cap: '30121', province: 'VE', belfiore: 'L736', prefix: '041' },
  { name: 'Verona', cap: '37121', province: 'VR', belfiore: 'L781', prefix: '045' },
  { name: 'Padova', cap: '35121', province: 'PD', belfiore: 'G224', prefix: '049' },
  { name: 'Genova', cap: '16121', province: 'GE', belfiore: 'D969', prefix: '010' },
  { name: 'Bergamo', cap: '24121', province: 'BG', belfiore: 'A794', prefix: '035' },
  { name: 'Brescia', cap: '25121', province: 'BS', belfiore: 'B157', prefix: '030' },
  { name: 'Parma', cap: '43121', province: 'PR', belfiore: 'G337', prefix: '0521' },
  { name: 'Modena', cap: '41121', province: 'MO', belfiore: 'F257', prefix: '059' },
  { name: 'Perugia', cap: '06121', province: 'PG', belfiore: 'G478', prefix: '075' },
  { name: 'Siena', cap: '53100', province: 'SI', belfiore: 'I726', prefix: '0577' },
  { name: 'Lucca', cap: '55100', province: 'LU', belfiore: 'E715', prefix: '0583' },
  { name: 'Pisa', cap: '56125', province: 'PI', belfiore: 'G702', prefix: '050' },
  { name: 'Bari', cap: '70121', province: 'BA', belfiore: 'A662', prefix: '080' },
  { name: 'Lecce', cap: '73100', province: 'LE', belfiore: 'E506', prefix: '0832' },
  { name: 'Palermo', cap: '90133', province: 'PA', belfiore: 'G273', prefix: '091' },
  { name: 'Catania', cap: '95131', province: 'CT', belfiore: 'C351', prefix: '095' },
  { name: 'Cagliari', cap: '09124', province: 'CA', belfiore: 'B354', prefix: '070' },
  { name: 'Trento', cap: '38122', province: 'TN', belfiore: 'L378', prefix: '0461' },
  { name: 'Bolzano', cap: '39100', province: 'BZ', belfiore: 'A952', prefix: '0471' },
  { name: 'Udine', cap: '33100', province: 'UD', belfiore: 'L483', prefix: '0432' },
  { name: 'Trieste', cap: '34121', province: 'TS', belfiore: 'L424', prefix: '040' },
  { name: 'Ancona', cap: '60121', province: 'AN', belfiore: 'A271', prefix: '071' },
  { name: 'Pescara', cap: '65121', province: 'PE', belfiore: 'G482', prefix: '085' },
  { name: 'Como', cap: '22100', province: 'CO', belfiore: 'C933', prefix: '031' },
  { name: 'Treviso', cap: '31100', province: 'TV', belfiore: 'L407', prefix: '0422' },
  { name: 'Vicenza', cap: '36100', province: 'VI', belfiore: 'L840', prefix: '0444' },
  { name: 'Rimini', cap: '47921', province: 'RN', belfiore: 'H294', prefix: '0541' },
  { name: 'Ravenna', cap: '48121', province: 'RA', belfiore: 'H199', prefix: '0544' },
  { name: 'Cuneo', cap: '12100', province: 'CN', belfiore: 'D205', prefix: '0171' },
  { name: 'Mantova', cap: '46100', province: 'MN', belfiore: 'E897', prefix: '0376' },
  { name: 'Arezzo', cap: '52100', province: 'AR', belfiore: 'A390', prefix: '0575' },
  { name: 'Andria', cap: '76123', province: 'BT', belfiore: 'A285', prefix: '0883' },
  { name: 'Assisi', cap: '06081', province: 'PG', belfiore: 'A475', prefix: '075' },
  { name: 'Montepulciano', cap: '53045', province: 'SI', belfiore: 'F592', prefix: '0578' },
];

export function cityNamed(name: string): City {
  const c = CITIES.find((x) => x.name === name);
  if (!c) throw new RangeError(`no demo city ${name}`);
  return c;
}

export const STREETS: readonly string[] = [
  'Via Roma', 'Via Garibaldi', 'Via Mazzini', 'Corso Italia', 'Via Dante Alighieri', 'Via Verdi',
  'Via Cavour', 'Piazza della Repubblica', 'Via XX Settembre', 'Via dei Mille', 'Viale Europa',
  'Via San Francesco', 'Via del Commercio', 'Via dell’Artigianato', 'Via Matteotti', 'Corso Vittorio Emanuele II',
  'Via Manzoni', 'Via Santa Chiara', 'Borgo Pinti', 'Via delle Rose', 'Via dei Tigli', 'Via Marconi',
];

export const FIRST_NAMES_F: readonly string[] = [
  'Giulia', 'Francesca', 'Chiara', 'Sara', 'Laura', 'Martina', 'Elena', 'Valentina', 'Alessia', 'Federica',
  'Silvia', 'Paola', 'Anna', 'Marta', 'Elisa', 'Roberta', 'Ilaria', 'Beatrice', 'Camilla', 'Serena',
];
export const FIRST_NAMES_M: readonly string[] = [
  'Marco', 'Luca', 'Andrea', 'Matteo', 'Alessandro', 'Davide', 'Stefano', 'Paolo', 'Giovanni', 'Francesco',
  'Simone', 'Lorenzo', 'Riccardo', 'Fabio', 'Tommaso', 'Nicola', 'Pietro', 'Emanuele', 'Filippo', 'Giorgio',
];
export const SURNAMES: readonly string[] = [
  'Rossi', 'Bianchi', 'Ferrari', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno',
  'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti', 'Barbieri',
  'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone', 'Longo',
  'Gentile', 'Martinelli', 'Vitale', 'Lombardo', 'Serra', 'Coppola', 'De Santis', 'Marchetti', 'Parisi', 'Villa',
];

/** A P.IVA: 7-digit progressive number, 3-digit provincial office, check digit. */
export function partitaIva(rng: Rng): string {
  const progressive = String(rng.int(1, 9_999_999)).padStart(7, '0');
  const office = String(rng.int(1, 100)).padStart(3, '0');
  const first10 = progressive + office;
  return first10 + String(partitaIvaCheckDigit(first10));
}

const VOWELS = new Set('AEIOU');

function letters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase();
}

function cfPart(text: string, isFirstName: boolean): string {
  const l = letters(text);
  const cons = [...l].filter((c) => !VOWELS.has(c));
  const vows = [...l].filter((c) => VOWELS.has(c));
  if (isFirstName && cons.length >= 4) return cons[0]! + cons[2]! + cons[3]!;
  return (cons.join('') + vows.join('') + 'XXX').slice(0, 3);
}

const MONTH_LETTERS = 'ABCDEHLMPRST';

/** A personal codice fiscale computed from name, birth date, sex and birth town. */
export function codiceFiscale(p: { surname: string; firstName: string; female: boolean; year: number; month: number; day: number; belfiore: string }): string {
  const day = p.female ? p.day + 40 : p.day;
  const first15 =
    cfPart(p.surname, false) +
    cfPart(p.firstName, true) +
    String(p.year % 100).padStart(2, '0') +
    MONTH_LETTERS.charAt(p.month - 1) +
    String(day).padStart(2, '0') +
    p.belfiore;
  return first15 + codiceFiscaleCheckChar(first15);
}

export interface Person {
  firstName: string;
  surname: string;
  female: boolean;
  city: City;
  fiscalCode: string;
}

export function person(rng: Rng, city: City = rng.pick(CITIES)): Person {
  const female = rng.chance(0.7); // most buyers of handmade soap, by the workshop's own books
  const firstName = rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M);
  const surname = rng.pick(SURNAMES);
  const fiscalCode = codiceFiscale({
    surname,
    firstName,
    female,
    year: rng.int(1955, 2003),
    month: rng.int(1, 12),
    day: rng.int(1, 28),
    belfiore: rng.pick(CITIES).belfiore,
  });
  return { firstName, surname, female, city, fiscalCode };
}

export function street(rng: Rng): string {
  return `${rng.pick(STREETS)}, ${rng.int(1, 180)}`;
}

export function phone(rng: Rng, city: City): string {
  return `+39 ${city.prefix} ${rng.digits(8 - city.prefix.length + 2)}`;
}

export function mobile(rng: Rng): string {
  return `+39 3${rng.int(20, 49)} ${rng.digits(7)}`;
}

/** Lower-case ASCII for an e-mail local part or domain: "Dell’Erba & C." → "dellerba-c". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Addresses under the reserved `.example` domain (RFC 2606): the demo never mails anyone real. */
export function email(local: string, domain: string): string {
  return `${slug(local).replace(/-/g, '.')}@${slug(domain)}.example`;
}
