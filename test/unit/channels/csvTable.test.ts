import { describe, expect, it } from 'vitest';
import { Columns, detectDelimiter, readCsv } from '../../../src-main/modules/channels/csvTable';
import { FileRefused } from '../../../src-main/modules/channels/decode';

function refusal(text: string): string {
  try {
    readCsv(text);
  } catch (e) {
    if (e instanceof FileRefused) return e.reason;
    throw e;
  }
  return 'accepted';
}

describe('reading CSV', () => {
  it('finds the delimiter on the header line, outside quotes', () => {
    expect(detectDelimiter('Name,Email,Total')).toBe(',');
    expect(detectDelimiter('Rif. ordine;Data;Prezzo, IVA inclusa')).toBe(';');
    expect(detectDelimiter('"Prezzo; netto",Quantità,SKU')).toBe(',');
    expect(detectDelimiter('Name\tSKU\tQuantity')).toBe('\t');
    expect(detectDelimiter('Just one column')).toBeNull();
  });

  it('reads semicolons with decimal commas as text, untouched', () => {
    const t = readCsv('SKU;Quantità;Prezzo\nSAP-1;2;12,50\n');
    expect(t.delimiter).toBe(';');
    expect(t.records).toEqual([['SAP-1', '2', '12,50']]);
  });

  it('keeps commas, quotes and line breaks inside quoted fields, and counts file lines', () => {
    const text = 'Name,Notes,SKU\r\n#1,"Via Roma 1, int. 2\r\nsecondo piano ""B""",A\r\n\r\n#2,x,B\n#3,"a\nb\nc",C\r#4,,D';
    const t = readCsv(text);
    expect(t.records.map((r) => r[0])).toEqual(['#1', '#2', '#3', '#4']);
    expect(t.records[0]![1]).toBe('Via Roma 1, int. 2\r\nsecondo piano "B"');
    // #1 starts on line 2 and ends on 3; line 4 is blank; #2 on 5; #3 on 6–8; #4 on 9
    expect(t.lines).toEqual([2, 5, 6, 9]);
  });

  it("honours Excel's sep= line and counts it", () => {
    const t = readCsv('sep=;\r\nA;B\r\n1;2\r\n');
    expect(t.headers).toEqual(['A', 'B']);
    expect(t.lines).toEqual([3]);
  });

  it('keeps a stray quote inside an unquoted field, and rows shorter than the header', () => {
    const t = readCsv('Item,Size,Note\nCandle 5" tall,big\n');
    expect(t.records).toEqual([['Candle 5" tall', 'big']]);
  });

  it('refuses text without columns, an unclosed quote, a header alone', () => {
    expect(refusal('Dear customer,\nthank you for your order.\n')).toBe('no_delimiter');
    expect(refusal('just words\nand more words\n')).toBe('no_delimiter');
    expect(refusal('A,B\n1,"never closed\n2,3\n')).toBe('malformed');
    expect(readCsv('A,B\n').records).toEqual([]);
  });

  it('finds columns by header, ignoring case and spacing', () => {
    const c = new Columns(['Name', 'Lineitem  SKU', 'Created at']);
    expect(c.find('lineitem sku')).toBe(1);
    expect(c.find('Missing', 'created AT')).toBe(2);
    expect(c.find('Nope')).toBe(-1);
  });

  it('reads 10,000 quoted multi-line rows', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `#${i},"line one, ${i}\nline two",${i % 7}`);
    const t = readCsv(`Ref,Notes,Qty\n${rows.join('\n')}\n`);
    expect(t.records).toHaveLength(10_000);
    expect(t.lines[9_999]).toBe(2 + 2 * 9_999);
  });
});
