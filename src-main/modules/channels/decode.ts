import iconv from 'iconv-lite';

/**
 * Bytes of a file → text. Shops write UTF-8 (Shopify's "CSV for Excel" adds a BOM),
 * Excel on Windows saves "CSV" in Windows-1252 and "Unicode text" in UTF-16 with a BOM.
 * Text that is not valid UTF-8 is read as Windows-1252: every byte is a character
 * there, and it is what an Italian or German office PC writes.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Why a file is refused before any row is read; `key` is the stable message key. */
export type FileRefusal = 'empty' | 'spreadsheet' | 'binary';

export class FileRefused extends Error {
  constructor(
    readonly reason: FileRefusal | 'no_delimiter' | 'no_rows' | 'malformed' | 'unknown_format' | 'columns_missing' | 'mapping_not_found',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'FileRefused';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function startsWith(bytes: Uint8Array, ...sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a BOM: plain ASCII text has a zero in every other byte. */
function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control characters other than tab and line breaks, in the first 8 KB: a text file has (almost) none. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control > n * 0.01;
}

export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes.length === 0) throw new FileRefused('empty', 'The file is empty');
  // xlsx/ods are zip files, old .xls an OLE compound file
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new FileRefused('spreadsheet', 'This is a spreadsheet file, not a CSV: save it as CSV (in Excel: File → Save as → CSV UTF-8) and import that');
  }
  let decoded: { text: string; encoding: Encoding };
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) decoded = { text: decodeUtf8OrLatin(bytes.subarray(3)).text, encoding: 'utf-8-bom' };
  else if (startsWith(bytes, 0xff, 0xfe)) decoded = { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  else if (startsWith(bytes, 0xfe, 0xff)) decoded = { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  else {
    const wide = looksUtf16(bytes);
    if (wide) decoded = { text: iconv.decode(Buffer.from(bytes), wide), encoding: wide };
    else {
      if (looksBinary(bytes)) throw new FileRefused('binary', 'This is not a text file: a CSV file is expected');
      decoded = decodeUtf8OrLatin(bytes);
    }
  }
  if (decoded.text.trim() === '') throw new FileRefused('empty', 'The file is empty');
  return decoded;
}

function decodeUtf8OrLatin(bytes: Uint8Array): { text: string; encoding: Encoding } {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
  }
}
