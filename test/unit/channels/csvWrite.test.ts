import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CSV_STYLES, formatCell, guardText, writeCsv, type Cell, type CellKind } from '../../../src-main/modules/channels/csvWrite';
import { readCsv } from '../../../src-main/modules/channels/csvTable';
import { decodeBytes } from '../../../src-main/modules/channels/decode';
import { unguardCell } from '../../../src-main/modules/channels/extract';
import { parseDecimal } from '../../../src-shared/domain/decimal';

const SCALE: Partial<Record<CellKind, number>> = { int: 0, milli: 3, cents: 2, micros: 6, bp: 2 };

/** A cell read back the way the import reads it. */
function readBack(text: string, kind: CellKind): Cell {
  if (kind === 'text') return unguardCell(text);
  if (kind === 'date') return text === '' ? null : text;
  return text === '' ? null : parseDecimal(text, SCALE[kind]!);
}

describe('CSV for Excel', () => {
  it('writes Italian files with semicolons and decimal commas, English with commas and points, both with a BOM and CRLF', () => {
    const cols = [
      { header: 'SKU', kind: 'text' as const },
      { header: 'Quantità', kind: 'milli' as const },
      { header: 'Prezzo', kind: 'cents' as const },
      { header: 'Costo', kind: 'micros' as const },
    ];
    const rows: Cell[][] = [['SAP-1; lavanda', 2500, 1250, 843_700]];
    expect(writeCsv(cols, rows, CSV_STYLES.it)).toBe('\uFEFFSKU;Quantità;Prezzo;Costo\r\n"SAP-1; lavanda";2,5;12,50;0,8437\r\n');
    expect(writeCsv(cols, rows, CSV_STYLES.en)).toBe('\uFEFFSKU,Quantità,Prezzo,Costo\r\nSAP-1; lavanda,2.5,12.50,0.8437\r\n');
  });

  it('converts integers exactly, however large, without floats', () => {
    expect(formatCell(9_007_199_254_740_991, 'milli', CSV_STYLES.it)).toBe('9007199254740,991');
    expect(formatCell(-5, 'cents', CSV_STYLES.en)).toBe('-0.05');
    expect(formatCell(1, 'micros', CSV_STYLES.en)).toBe('0.000001');
    expect(formatCell(2200, 'bp', CSV_STYLES.it)).toBe('22');
    expect(formatCell(null, 'cents', CSV_STYLES.it)).toBe('');
  });

  it('keeps Excel from running text as a formula, and the import takes the guard off', () => {
    for (const v of ['=HYPERLINK("http://x")', '+39 051 000000', '-venerdì', '@home', "'=already quoted", "it's fine"]) {
      expect(unguardCell(guardText(v))).toBe(v);
    }
    expect(guardText('=1+1')).toBe("'=1+1");
    expect(guardText("it's")).toBe("it's");
  });

  it('parses back to the same rows, whatever they hold (property)', () => {
    const kinds: CellKind[] = ['text', 'int', 'milli', 'cents', 'micros', 'bp', 'date'];
    const cell = (kind: CellKind): fc.Arbitrary<Cell> => {
      switch (kind) {
        case 'text':
          return fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('a;b', 'a,b', '"q"', 'x\r\ny', 'x\ny', '=1+2', '-3', "'+4", ' spaced ', '12,50', ''));
        case 'date':
          return fc.oneof(fc.constant(null), fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
        default:
          return fc.oneof(fc.constant(null), fc.integer({ min: -1e12, max: 1e12 }), fc.maxSafeInteger());
      }
    };
    const table = fc
      .tuple(fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 7 }), fc.constantFrom<'it' | 'en'>('it', 'en'))
      .chain(([rest, locale]) => {
        const kindsOf: CellKind[] = ['text', ...rest];
        // the first column names the row (an order number, a lot code): never blank
        const first = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');
        const row = fc.tuple(first, ...rest.map(cell)).map((r) => r as Cell[]);
        return fc.record({ kinds: fc.constant(kindsOf), locale: fc.constant(locale), rows: fc.array(row, { minLength: 1, maxLength: 20 }) });
      });
    fc.assert(
      fc.property(table, ({ kinds: ks, locale, rows }) => {
        const cols = ks.map((kind, i) => ({ header: `c${i}`, kind }));
        const text = writeCsv(cols, rows, CSV_STYLES[locale]);
        const decoded = decodeBytes(Buffer.from(text, 'utf8'));
        expect(decoded.encoding).toBe('utf-8-bom');
        const back = readCsv(decoded.text);
        expect(back.delimiter).toBe(CSV_STYLES[locale].delimiter);
        expect(back.headers).toEqual(cols.map((c) => c.header));
        expect(back.records.map((r) => r.map((v, i) => readBack(v, ks[i]!)))).toEqual(rows.map((r) => r.map((v, i) => (ks[i] === 'text' ? (v ?? '') : v))));
      }),
      { numRuns: 300 },
    );
  });
});
