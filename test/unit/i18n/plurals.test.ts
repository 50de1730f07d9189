import { describe, expect, it as test } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { createTranslator, LOCALE_OF, type MessageKey } from '../../../src-shared/i18n';
import { it as itDict } from '../../../src-shared/i18n/it';
import { en as enDict } from '../../../src-shared/i18n/en';
import { formatQuantity } from '../../../src-shared/domain/quantity';
import { lotLine } from '../../../src-main/documents/labels/wording';

const tIt = createTranslator('it');
const tEn = createTranslator('en');
const forms = (t: typeof tIt, key: MessageKey, extra: Record<string, string | number> = {}, name = 'count') =>
  [0, 1, 2, 5].map((n) => t(key, { ...extra, [name]: n }));

describe('ICU plurals in the dictionaries', () => {
  test('Italian counts take the singular only for 1 (0, 2 and 5 are plural)', () => {
    expect(forms(tIt, 'channels.preview.lines')).toEqual(['0 righe', '1 riga', '2 righe', '5 righe']);
    expect(forms(tIt, 'shipping.page.packagesText', { weight: '3 kg' })).toEqual(['0 colli · 3 kg', '1 collo · 3 kg', '2 colli · 3 kg', '5 colli · 3 kg']);
    expect(forms(tIt, 'labels.summary', { count: 1 }, 'pages')).toEqual(['1 etichetta, 0 pagine', '1 etichetta, 1 pagina', '1 etichetta, 2 pagine', '1 etichetta, 5 pagine']);
    expect(forms(tIt, 'orders.fulfil.done', { reserved: 2 }, 'production')).toEqual([
      'Evasione registrata: 2 impegni dal magazzino, 0 ordini di produzione',
      'Evasione registrata: 2 impegni dal magazzino, 1 ordine di produzione',
      'Evasione registrata: 2 impegni dal magazzino, 2 ordini di produzione',
      'Evasione registrata: 2 impegni dal magazzino, 5 ordini di produzione',
    ]);
  });

  test('English counts take the singular only for 1', () => {
    expect(forms(tEn, 'channels.preview.lines')).toEqual(['0 lines', '1 line', '2 lines', '5 lines']);
    expect(forms(tEn, 'shipping.page.packagesText', { weight: '3 kg' })).toEqual(['0 packages · 3 kg', '1 package · 3 kg', '2 packages · 3 kg', '5 packages · 3 kg']);
    expect(forms(tEn, 'labels.summary', { count: 2 }, 'pages')).toEqual(['2 labels, 0 pages', '2 labels, 1 page', '2 labels, 2 pages', '2 labels, 5 pages']);
    expect(forms(tEn, 'orders.fulfil.done', { reserved: 1 }, 'production')[1]).toBe('Fulfilment recorded: 1 reservation from stock, 1 production order');
  });

  test('counts are written as numbers of the language (thousands and decimals)', () => {
    expect(tIt('common.results', { count: 12345 })).toBe('12.345 risultati');
    expect(tIt('common.results', { count: 3134 })).toBe('3.134 risultati'); // four digits grouped too, as amounts are
    expect(tEn('common.results', { count: 12345 })).toBe('12,345 results');
  });

  test('a parameter the caller left out does not break the screen', () => {
    expect(tIt('channels.unknown.sku', { rows: 2, row: 7 })).toBe('{sku} · «{name}» · 2 righe dalla riga 7');
    expect(tIt('labels.summary', { count: 1 })).toMatch(/^1 etichetta, /);
  });

  test('every message of both languages is valid ICU', () => {
    for (const [lang, dict] of [['it', itDict], ['en', enDict]] as const) {
      for (const [key, text] of Object.entries(dict)) {
        expect(() => new IntlMessageFormat(text, LOCALE_OF[lang], undefined, { ignoreTag: true }), `${lang} ${key}`).not.toThrow();
      }
    }
  });

  test('no count is written before a noun outside a plural ("{rows} righe")', () => {
    // {shown} di {total} is fine; {n} in the lot pattern is a literal field name
    const handMade = /\{(count|rows|days|pages|orders|lots|lines|created|reserved|production|shown|customers)\}\s+(?!di\b|of\b)\p{L}/u;
    const offenders = [...Object.entries(itDict), ...Object.entries(enDict)].filter(([, text]) => handMade.test(text)).map(([k]) => k);
    expect(offenders).toEqual([]);
  });
});

describe('no English in the Italian UI and documents', () => {
  test('no Italian message holds the English words users saw', () => {
    const english = /\b(pcs|arrives|late|toggle|visibility|pages|packages|rows)\b/i;
    const offenders = Object.entries(itDict).filter(([, text]) => english.test(text.replace(/\{\s*\w+/g, '{'))).map(([k, text]) => `${k}: ${text}`);
    expect(offenders).toEqual([]);
  });

  test('the password field’s eye button has an Italian label', () => {
    expect(tIt('notify.settings.password.toggle')).toBe('Mostra o nascondi la password');
  });

  test('pieces are "pz" in Italian quantities (PDFs use formatQuantity) and "pcs" in English', () => {
    expect(formatQuantity(48_000, 'pcs', 'it-IT')).toBe('48 pz');
    expect(formatQuantity(48_000, 'pcs', 'en-GB')).toBe('48 pcs');
  });

  test('a lot code that begins with L is not prefixed with another "L."', () => {
    expect(lotLine('food', 'L26338-3', 'it')).toBe('L26338-3');
    expect(lotLine('food', '26338-3', 'it')).toBe('L. 26338-3');
  });
});
