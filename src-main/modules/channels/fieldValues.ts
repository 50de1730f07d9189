/**
 * Pure readers of the values shops write: dates in the shop's format, country names,
 * tax names with their rate, postcodes Excel has touched.
 */
import { isIsoDate } from '../../../src-shared/domain/dates';
import type { DATE_FORMATS } from '../../../src-shared/contract/channels';

export type DateFormat = (typeof DATE_FORMATS)[number];

const pad = (n: string) => n.padStart(2, '0');

function isoOrNull(y: string, m: string, d: string): string | null {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return isIsoDate(iso) ? iso : null;
}

/** A two-digit year is in this century (shop exports are recent). */
function fullYear(y: string): string {
  return y.length === 2 ? `20${y}` : y;
}

/**
 * Shopify's "2026-10-03 10:14:37 +0200", ISO "2026-10-03T08:14:37Z" or a plain date:
 * the calendar date as the shop wrote it (in the shop's time zone: a 00:30 order
 * belongs to the day the seller saw it on, not to UTC's previous day).
 */
export function parseTimestampDate(text: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$/i.exec(text.trim());
  return m ? isoOrNull(m[1]!, m[2]!, m[3]!) : null;
}

/** A date in the given format; `/`, `-` and `.` separate alike; a time after it is ignored. */
export function parseDateAs(text: string, format: DateFormat): string | null {
  const t = text.trim();
  if (format === 'YYYY-MM-DD') return parseTimestampDate(t) ?? (/^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.test(t) ? parseTimestampDate(t.replace(/[/.]/g, '-')) : null);
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T,]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[AP]M)?)?$/i.exec(t);
  if (!m) return null;
  // the year may have two or four digits whatever the format says: both are unambiguous
  const year = fullYear(m[3]!);
  return format.startsWith('DD') ? isoOrNull(year, m[2]!, m[1]!) : isoOrNull(year, m[1]!, m[2]!);
}

/** Our own export writes ISO dates; Excel re-saving it on an Italian PC writes DD/MM/YYYY. */
export function parseBottegaDate(text: string): string | null {
  return parseTimestampDate(text) ?? parseDateAs(text, 'DD/MM/YYYY');
}

/** "IVA 22%", "DE MwSt 19 %", "VAT 5.5%" → the rate in hundredths of a percent. */
export function taxRateBp(name: string): number | null {
  const m = /(\d{1,2}(?:[.,]\d{1,2})?)\s*%/.exec(name);
  if (!m) return null;
  const [int, frac = ''] = m[1]!.split(/[.,]/);
  return Number(int) * 100 + Number(frac.padEnd(2, '0'));
}

const COUNTRIES: Record<string, string> = {
  italy: 'IT', italia: 'IT', germany: 'DE', germania: 'DE', deutschland: 'DE', france: 'FR', francia: 'FR', spain: 'ES', spagna: 'ES', españa: 'ES',
  austria: 'AT', österreich: 'AT', switzerland: 'CH', svizzera: 'CH', schweiz: 'CH', suisse: 'CH', belgium: 'BE', belgio: 'BE', netherlands: 'NL',
  'the netherlands': 'NL', olanda: 'NL', 'paesi bassi': 'NL', luxembourg: 'LU', lussemburgo: 'LU', portugal: 'PT', portogallo: 'PT',
  ireland: 'IE', irlanda: 'IE', 'united kingdom': 'GB', 'regno unito': 'GB', uk: 'GB', 'great britain': 'GB', denmark: 'DK', danimarca: 'DK',
  sweden: 'SE', svezia: 'SE', norway: 'NO', norvegia: 'NO', finland: 'FI', finlandia: 'FI', poland: 'PL', polonia: 'PL', czechia: 'CZ',
  'czech republic': 'CZ', 'repubblica ceca': 'CZ', slovakia: 'SK', slovacchia: 'SK', slovenia: 'SI', croatia: 'HR', croazia: 'HR', hungary: 'HU',
  ungheria: 'HU', romania: 'RO', bulgaria: 'BG', greece: 'GR', grecia: 'GR', malta: 'MT', cyprus: 'CY', cipro: 'CY', estonia: 'EE', latvia: 'LV',
  lettonia: 'LV', lithuania: 'LT', lituania: 'LT', 'san marino': 'SM', 'vatican city': 'VA', monaco: 'MC', 'united states': 'US',
  'stati uniti': 'US', usa: 'US', canada: 'CA', australia: 'AU', japan: 'JP', giappone: 'JP', 'new zealand': 'NZ', iceland: 'IS', islanda: 'IS',
  liechtenstein: 'LI', albania: 'AL', serbia: 'RS', turkey: 'TR', turchia: 'TR', israel: 'IL', israele: 'IL', brazil: 'BR', brasile: 'BR',
  mexico: 'MX', messico: 'MX', 'south korea': 'KR', singapore: 'SG', 'hong kong': 'HK', china: 'CN', cina: 'CN', india: 'IN', ukraine: 'UA',
};

/** "IT", "Italy", "Italia" → "IT"; unknown → null. */
export function countryCode(text: string): string | null {
  const t = text.trim();
  if (/^[A-Za-z]{2}$/.test(t)) return t.toUpperCase();
  return COUNTRIES[t.toLowerCase()] ?? null;
}

/**
 * Postcodes and phones as Excel leaves them: Shopify prefixes them with an apostrophe
 * so Excel keeps them text; an Italian CAP that lost its leading zeros (00184 → 184)
 * gets them back.
 */
export function cleanPostcode(text: string, country: string): string {
  const t = text.trim().replace(/^'/, '');
  if (country === 'IT' && /^\d{3,4}$/.test(t)) return t.padStart(5, '0');
  return t;
}

export function cleanPhone(text: string): string {
  return text.trim().replace(/^'/, '');
}

/** Excel turns long numeric ids into "5.55E+12": the digits are gone, the order cannot be matched. */
export function isMangledNumber(text: string): boolean {
  return /^\d+(?:[.,]\d+)?E\+\d+$/i.test(text.trim());
}

/** "true", "yes", "1", "sì"… */
export function isTrue(text: string): boolean {
  return /^(true|yes|y|1|si|sì|vero|x)$/i.test(text.trim());
}

export function isFalse(text: string): boolean {
  return /^(false|no|n|0|falso)$/i.test(text.trim());
}

/** Names compare ignoring case, repeated spaces and punctuation ("Rossi  Giulia" ≠ "Giulia Rossi" though). */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.,'’]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function postcodeKey(postcode: string): string {
  return postcode.replace(/[\s'-]/g, '').toUpperCase();
}
