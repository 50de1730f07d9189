/**
 * What a label says, in Italian or English. Food law (Reg. UE 1169/2011, art. 24 and
 * annex X) fixes the Italian wordings: "da consumarsi entro" for a use-by date,
 * "da consumarsi preferibilmente entro" for best before. Cosmetics (Reg. CE 1223/2009)
 * show the batch and the period after opening (the open jar with "12M").
 */
export type LabelLanguage = 'it' | 'en';

export const LABEL_WORDS = {
  it: {
    lot: 'L.',
    batch: 'Lotto',
    useBy: 'Da consumarsi entro il',
    bestBefore: 'Da consumarsi preferibilmente entro il',
    expiry: 'Scadenza',
    bestBeforeCosmetic: 'Usare preferibilmente entro',
    pao: 'Dopo l’apertura',
    net: 'Peso netto',
    netVolume: 'Volume netto',
    pieces: 'Contenuto',
    count: 'Pezzi',
    shipment: 'Spedizione',
    ddt: 'DDT',
    package: 'Collo',
    carrier: 'Corriere',
    tracking: 'Tracking',
    cashOnDelivery: 'Contrassegno',
    sender: 'Mittente',
    recipient: 'Destinatario',
    phone: 'Tel.',
    grossWeight: 'Peso lordo',
  },
  en: {
    lot: 'L.',
    batch: 'Batch',
    useBy: 'Use by',
    bestBefore: 'Best before',
    expiry: 'Expiry',
    bestBeforeCosmetic: 'Best used before',
    pao: 'After opening',
    net: 'Net weight',
    netVolume: 'Net volume',
    pieces: 'Contents',
    count: 'Units',
    shipment: 'Shipment',
    ddt: 'Delivery note',
    package: 'Package',
    carrier: 'Carrier',
    tracking: 'Tracking',
    cashOnDelivery: 'Cash on delivery',
    sender: 'Sender',
    recipient: 'Recipient',
    phone: 'Phone',
    grossWeight: 'Gross weight',
  },
} as const;

export type LabelWords = (typeof LABEL_WORDS)[LabelLanguage];

/** dd/mm/yyyy: the form printed on Italian and English labels alike (no month names to translate). */
export function labelDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export type LabelKind = 'food' | 'cosmetic' | 'other';
export type ExpiryWording = 'use_by' | 'best_before';

/** The expiry line of a product label, or null when there is nothing to say. */
export function expiryLine(kind: LabelKind, wording: ExpiryWording, expiresOn: string | null, lang: LabelLanguage): string | null {
  if (!expiresOn) return null;
  const w = LABEL_WORDS[lang];
  const date = labelDate(expiresOn);
  if (kind === 'food') return `${wording === 'use_by' ? w.useBy : w.bestBefore} ${date}`;
  if (kind === 'cosmetic') return `${w.bestBeforeCosmetic} ${date}`;
  return `${w.expiry} ${date}`;
}

/**
 * "Lotto L26123-1" on cosmetics (their usual wording); on food and other labels the code
 * alone when it already begins with L ("L26123-1", not "L26123-1": Directive 2011/91/EU
 * asks for the letter L only where the code is not clearly a lot), else "L. 26123-1".
 */
export function lotLine(kind: LabelKind, code: string, lang: LabelLanguage): string {
  if (kind === 'cosmetic') return `${LABEL_WORDS[lang].batch} ${code}`;
  return /^L/i.test(code) ? code : `${LABEL_WORDS[lang].lot} ${code}`;
}

/**
 * Which word goes before the net quantity: weight for g/kg, volume for ml/cl/l, contents
 * otherwise. Decided by the unit written in the quantity itself ("50 ml" on a jar
 * counted in pieces is a volume).
 */
export function netWord(quantity: string, lang: LabelLanguage): string {
  const w = LABEL_WORDS[lang];
  if (/\d\s*(mg|g|kg)\b/i.test(quantity)) return w.net;
  if (/\d\s*(ml|cl|l)\b/i.test(quantity)) return w.netVolume;
  return w.pieces;
}
