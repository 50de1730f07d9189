/**
 * Lot → label content, worded in the label's language. What decides the wording is the
 * item's label facts (food: use by / best before; cosmetic: batch and PAO); the barcode
 * is the item's GTIN when it has one, else a Code 128 of the lot code.
 */
import { isValidGtin } from '../../../src-shared/domain/gtin';
import type { Lot } from '../../../src-shared/contract/inventory';
import type { ItemLabelInfo } from '../../../src-shared/contract/labels';
import { caseElements, humanReadable } from '../../documents/labels/gs1';
import type { Barcode, CaseLabel, ProductLabel } from '../../documents/labels/model';
import { expiryLine, LABEL_WORDS, lotLine, netWord, type LabelLanguage } from '../../documents/labels/wording';
import { DomainError } from '../../api/domainError';

export interface LabelItem {
  name: string;
  sku: string;
  unit: Lot['item']['unit'];
  gtin: string | null;
  netWeightMg: number | null;
}

function grams(mg: number, lang: LabelLanguage): string {
  const locale = lang === 'it' ? 'it-IT' : 'en-GB';
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  return mg >= 1_000_000 ? `${f.format(mg / 1_000_000)} kg` : `${f.format(mg / 1000)} g`;
}

/** The net quantity line: what the user typed for the label, else one piece's net weight. */
export function netLine(item: LabelItem, info: ItemLabelInfo, lang: LabelLanguage): string | null {
  if (info.netContent) return `${netWord(info.netContent, lang)} ${info.netContent}`;
  if (item.unit === 'pcs' && item.netWeightMg) {
    const q = grams(item.netWeightMg, lang);
    return `${netWord(q, lang)} ${q}`;
  }
  return null;
}

/** EAN-13 (or EAN-8) from the GTIN; a 12-digit UPC-A is printed as EAN-13 with a leading 0. */
export function productBarcode(item: LabelItem, lotCode: string): Barcode {
  const g = item.gtin && isValidGtin(item.gtin) ? item.gtin : null;
  if (g && (g.length === 13 || g.length === 12)) {
    const ean = g.padStart(13, '0');
    return { symbology: 'ean13', text: ean, humanText: ean };
  }
  if (g && g.length === 8) return { symbology: 'ean8', text: g, humanText: g };
  return { symbology: 'code128', text: lotCode, humanText: lotCode };
}

export function productLabel(item: LabelItem, info: ItemLabelInfo, lot: Pick<Lot, 'code' | 'expiresOn'>, lang: LabelLanguage): ProductLabel {
  return {
    kind: 'product',
    name: item.name,
    netLine: netLine(item, info, lang),
    lotLine: lotLine(info.labelKind, lot.code, lang),
    expiryLine: expiryLine(info.labelKind, info.expiryWording, lot.expiresOn, lang),
    paoMonths: info.labelKind === 'cosmetic' ? info.paoMonths : null,
    paoWord: info.labelKind === 'cosmetic' && info.paoMonths ? LABEL_WORDS[lang].pao : null,
    barcode: productBarcode(item, lot.code),
  };
}

export function caseLabel(item: LabelItem, info: ItemLabelInfo, lot: Pick<Lot, 'code' | 'expiresOn'>, count: number, lang: LabelLanguage): CaseLabel {
  const w = LABEL_WORDS[lang];
  const dateKind = info.labelKind === 'food' && info.expiryWording === 'best_before' ? 'best_before' : 'expiry';
  const elements = item.gtin ? caseElements({ gtin: item.gtin, lotCode: lot.code, date: lot.expiresOn, dateKind, count }) : null;
  const text = elements ? humanReadable(elements) : null;
  return {
    kind: 'case',
    name: item.name,
    sku: item.sku,
    countLine: `${w.count} ${count}`,
    lotLine: lotLine(info.labelKind, lot.code, lang),
    expiryLine: expiryLine(info.labelKind, info.expiryWording, lot.expiresOn, lang),
    barcode: text ? { symbology: 'gs1-128', text, humanText: text } : { symbology: 'code128', text: lot.code, humanText: lot.code },
  };
}

export function requireUnitsPerCase(given: number | undefined, info: ItemLabelInfo): number {
  const n = given ?? info.unitsPerCase;
  if (!n) {
    throw new DomainError('VALIDATION', 'Say how many units go in one case (on the item\'s label facts or here)', {
      issues: [{ path: ['unitsPerCase'], key: 'units_per_case_missing', message: 'How many units in one case?' }],
    });
  }
  return n;
}
