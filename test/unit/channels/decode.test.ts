import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes, FileRefused } from '../../../src-main/modules/channels/decode';
import { fixture } from './fixtures';

function refusal(bytes: Uint8Array): string {
  try {
    decodeBytes(bytes);
  } catch (e) {
    if (e instanceof FileRefused) return e.reason;
    throw e;
  }
  return 'accepted';
}

describe('decoding a file', () => {
  it('reads UTF-8 without a BOM', () => {
    const d = decodeBytes(fixture('etsy-sold-order-items.csv'));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('Hans Müller');
    expect(d.text).toContain('Hauptstraße 1');
  });

  it('drops the UTF-8 byte-order mark', () => {
    const d = decodeBytes(fixture('shopify-bom-crlf-multiline.csv'));
    expect(d.encoding).toBe('utf-8-bom');
    expect(d.text.startsWith('Name,')).toBe(true);
  });

  it('reads invalid UTF-8 as Windows-1252 (Excel on Windows)', () => {
    const d = decodeBytes(fixture('shopify-excel-it-1252.csv'));
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toContain('Giulia Rossi Città');
    expect(d.text).toContain('Consegna al portiere – grazie, è urgente');
    // € and the curly quotes live in 0x80–0x9F, where Latin-1 has control characters
    expect(decodeBytes(iconv.encode('Prezzo;Nota\n€ 3,20;“sì”\n', 'windows-1252')).text).toBe('Prezzo;Nota\n€ 3,20;“sì”\n');
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text") and without one', () => {
    const d = decodeBytes(fixture('etsy-unicode-text.txt'));
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toContain('Hans Müller');
    expect(decodeBytes(Buffer.from('Name\tSKU\n#1\tA\n', 'utf16le')).encoding).toBe('utf-16le');
  });

  it('refuses empty, binary and spreadsheet files, precisely', () => {
    expect(refusal(fixture('empty.csv'))).toBe('empty');
    expect(refusal(Buffer.from('\uFEFF  \r\n', 'utf8'))).toBe('empty');
    expect(refusal(fixture('binary.bin'))).toBe('binary');
    expect(refusal(fixture('spreadsheet.xlsx'))).toBe('spreadsheet');
    expect(refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('spreadsheet');
  });
});
