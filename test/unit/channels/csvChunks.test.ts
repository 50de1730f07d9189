import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readCsv } from '../../../src-main/modules/channels/csvTable';

describe('reading a CSV in chunks', () => {
  it('gives the same records as one csv-parse call, and tells the fraction read after each chunk', () => {
    const rows = ['Name;Note;Qty'];
    for (let i = 0; rows.length < 60_000; i++) rows.push(`#${i};"Perché ${'è'.repeat(i % 7)} ""citato""; riga\nspezzata ${i}";${i % 13},5`);
    const text = rows.join('\r\n') + '\r\n';
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 1024 * 1024);
    const fractions: number[] = [];
    const table = readCsv(text, undefined, (f) => fractions.push(f));
    const once = parse(text, { delimiter: ';', relax_column_count: true, relax_quotes: true, bom: true }) as string[][];
    expect(table.headers).toEqual(once[0]);
    expect(table.records).toEqual(once.slice(1));
    expect(table.records[59_998]![1]).toBe(`Perché ${'è'.repeat(59_998 % 7)} "citato"; riga\nspezzata 59998`);
    // every data record starts two file lines after the previous one (one break inside its note)
    expect(table.lines[1]! - table.lines[0]!).toBe(2);
    expect(fractions.length).toBeGreaterThanOrEqual(3);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });
});
