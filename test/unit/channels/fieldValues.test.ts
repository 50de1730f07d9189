import { describe, expect, it } from 'vitest';
import { cleanPostcode, countryCode, isMangledNumber, parseBottegaDate, parseDateAs, parseTimestampDate, taxRateBp } from '../../../src-main/modules/channels/fieldValues';

describe('values shops write', () => {
  it('reads Shopify timestamps as the shop saw the day, whatever the zone', () => {
    expect(parseTimestampDate('2026-10-03 10:14:37 +0200')).toBe('2026-10-03');
    // 00:30 in Rome is still the 3rd, though it is the 2nd in UTC
    expect(parseTimestampDate('2026-10-03 00:30:00 +0200')).toBe('2026-10-03');
    expect(parseTimestampDate('2026-10-02 23:59:59 -0500')).toBe('2026-10-02');
    expect(parseTimestampDate('2026-10-03T08:14:37Z')).toBe('2026-10-03');
    expect(parseTimestampDate('2026-10-03T08:14:37.123+02:00')).toBe('2026-10-03');
    expect(parseTimestampDate('2026-10-03 10:14 UTC')).toBe('2026-10-03');
    expect(parseTimestampDate('2026-02-30 10:00:00 +0100')).toBeNull();
    expect(parseTimestampDate('03/10/2026')).toBeNull();
  });

  it("reads Etsy's MM/DD/YY", () => {
    expect(parseDateAs('10/06/26', 'MM/DD/YY')).toBe('2026-10-06');
    expect(parseDateAs('1/7/26', 'MM/DD/YY')).toBe('2026-01-07');
    expect(parseDateAs('12/31/2026', 'MM/DD/YY')).toBe('2026-12-31');
    expect(parseDateAs('13/06/26', 'MM/DD/YY')).toBeNull();
    expect(parseDateAs('2026-10-06', 'MM/DD/YY')).toBeNull();
  });

  it('reads the date formats a mapping may name', () => {
    expect(parseDateAs('03/10/2026', 'DD/MM/YYYY')).toBe('2026-10-03');
    expect(parseDateAs('03.10.2026', 'DD/MM/YYYY')).toBe('2026-10-03');
    expect(parseDateAs('03-10-26 14:05', 'DD/MM/YY')).toBe('2026-10-03');
    expect(parseDateAs('10/03/2026 2:05 PM', 'MM/DD/YYYY')).toBe('2026-10-03');
    expect(parseDateAs('2026/10/03', 'YYYY-MM-DD')).toBe('2026-10-03');
    expect(parseDateAs('31/02/2026', 'DD/MM/YYYY')).toBeNull();
    expect(parseDateAs('ieri', 'DD/MM/YYYY')).toBeNull();
    expect(parseBottegaDate('2026-10-03')).toBe('2026-10-03');
    expect(parseBottegaDate('03/10/2026')).toBe('2026-10-03');
  });

  it('reads the VAT rate out of a tax name', () => {
    expect(taxRateBp('IVA 22%')).toBe(2200);
    expect(taxRateBp('DE MwSt 19 %')).toBe(1900);
    expect(taxRateBp('FR TVA 5,5%')).toBe(550);
    expect(taxRateBp('Sales tax')).toBeNull();
  });

  it('turns country names into codes', () => {
    expect(countryCode('Italy')).toBe('IT');
    expect(countryCode('Germany')).toBe('DE');
    expect(countryCode('it')).toBe('IT');
    expect(countryCode('Atlantis')).toBeNull();
  });

  it('mends postcodes Excel touched and spots numbers it rounded', () => {
    expect(cleanPostcode("'00184", 'IT')).toBe('00184');
    expect(cleanPostcode('184', 'IT')).toBe('00184');
    expect(cleanPostcode('184', 'DE')).toBe('184');
    expect(isMangledNumber('5.55E+12')).toBe(true);
    expect(isMangledNumber('5,55E+12')).toBe(true);
    expect(isMangledNumber('5550000001001')).toBe(false);
  });
});
