/**
 * The invoice and payment screens' pure parts: months (December to January, leap
 * February), the 12-day count of an immediate invoice, the IBAN check of the fiscal
 * settings, a problem named by its field's label, and the screens' plurals in both languages.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src-shared/i18n';
import { daysSince, monthBounds, monthOptions, previousMonth } from '../../../src-renderer/screens/invoices/months';
import { isValidIban } from '../../../src-renderer/screens/settings/iban';
import { problemText } from '../../../src-renderer/screens/invoices/problems';

const tIt = createTranslator('it');
const tEn = createTranslator('en');

describe('months of the invoice screens', () => {
  it('the month before January is last year’s December, and a month’s bounds know leap years', () => {
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(monthBounds('2028-02')).toEqual({ dueFrom: '2028-02-01', dueTo: '2028-02-29' });
    expect(monthBounds('2026-02')).toEqual({ dueFrom: '2026-02-01', dueTo: '2026-02-28' });
    expect(monthBounds('2026-12')).toEqual({ dueFrom: '2026-12-01', dueTo: '2026-12-31' });
  });

  it('the month picker lists the newest month first, in the language', () => {
    const opts = monthOptions('it-IT', 3, new Date(2027, 0, 10));
    expect(opts).toEqual([
      { value: '2027-01', label: 'gennaio 2027' },
      { value: '2026-12', label: 'dicembre 2026' },
      { value: '2026-11', label: 'novembre 2026' },
    ]);
  });

  it('days since a sale count calendar days across a month end', () => {
    expect(daysSince('2026-11-20', new Date(2026, 11, 2, 18, 0))).toBe(12);
    expect(daysSince('2026-11-20', new Date(2026, 11, 3, 0, 30))).toBe(13);
  });
});

describe('IBAN check (mod 97)', () => {
  it('accepts a right IBAN with or without spaces and refuses a changed digit or a short Italian one', () => {
    expect(isValidIban('IT60X0542811101000000123456')).toBe(true);
    expect(isValidIban('IT60 X054 2811 1010 0000 0123 456')).toBe(true);
    expect(isValidIban('IT60X0542811101000000123457')).toBe(false);
    expect(isValidIban('IT60X054281110100000012345')).toBe(false);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
  });
});

describe('what stops an invoice, as the user reads it', () => {
  it('names the field with its label in the language; an unknown field keeps the server’s sentence', () => {
    const p = { scope: 'customer' as const, field: 'postcode', code: 'missing', message: 'Customer X: postcode must be 5 digits', customerId: 3 };
    expect(problemText(p, tIt)).toBe('CAP: manca');
    expect(problemText({ ...p, field: 'lines[2].natura' }, tIt)).toBe('Customer X: postcode must be 5 digits');
  });
});

describe('plurals of the invoice screens', () => {
  it('take the singular only for 1, in Italian and English', () => {
    expect([1, 2].map((count) => tIt('invoices.month.issue', { count }))).toEqual(['Emetti 1 fattura', 'Emetti 2 fatture']);
    expect([1, 2].map((count) => tEn('invoices.month.issue', { count }))).toEqual(['Issue 1 invoice', 'Issue 2 invoices']);
    expect([1, 13].map((days) => tIt('invoice.page.late', { days }))[1]).toMatch(/^Sono passati 13 giorni/);
    expect(tEn('invoice.page.late', { days: 1 })).toMatch(/^1 day has passed/);
    expect(tEn('payments.daysLate', { count: 1 })).toBe('1 day late');
    expect(tIt('payments.daysLate', { count: 66 })).toBe('Scaduta 66 gg');
  });
});
