import { describe, expect, it } from 'vitest';
import { bolloDue, vatNatureProblem } from '../../../../src-shared/domain/invoicing/vatNature';
import { invoiceAmounts, lineTotalCents } from '../../../../src-shared/domain/invoicing/totals';
import { dueDate, instalmentsFor, monthEnd } from '../../../../src-shared/domain/invoicing/instalments';

const DEFAULT_BOLLO = ['N1', 'N2.1', 'N2.2', 'N3.5', 'N4'];
const line = (qty: number, unitPrice: string, vatBp: number, natura: string | null = null, discounts = '') => ({ qtyMilli: qty * 1000, unitPrice, discounts, vatBp, natura });

describe('VAT rate or Natura of a line', () => {
  it('a taxed line has no Natura; a 0 % line needs one with its sub-code; bare N2, N3, N6 and unknown codes are refused', () => {
    expect(vatNatureProblem(2200, null)).toBeNull();
    expect(vatNatureProblem(2200, 'N4')).toBe('natura_on_taxed');
    expect(vatNatureProblem(0, null)).toBe('natura_missing');
    expect(['N2', 'N3', 'N6'].map((n) => vatNatureProblem(0, n))).toEqual(['natura_bare', 'natura_bare', 'natura_bare']);
    expect(vatNatureProblem(0, 'N3.2')).toBeNull();
    expect(vatNatureProblem(0, 'N9')).toBe('natura_unknown');
    expect(vatNatureProblem(-100, null)).toBe('rate_invalid');
  });
});

describe('bollo virtuale', () => {
  it('is due when the bollo nature together exceed 77,47 €: 77,47 no, 77,48 yes; N1 + N4 add up', () => {
    expect(bolloDue([{ natura: 'N4', taxableCents: 7747 }], DEFAULT_BOLLO)).toBe(0);
    expect(bolloDue([{ natura: 'N4', taxableCents: 7748 }], DEFAULT_BOLLO)).toBe(200);
    expect(bolloDue([{ natura: 'N4', taxableCents: 4000 }, { natura: 'N1', taxableCents: 3748 }], DEFAULT_BOLLO)).toBe(200);
  });
  it('never for exports, intra-EU supplies or reverse charge, even if the setting lists them; taxed rows never count', () => {
    const all = [...DEFAULT_BOLLO, 'N3.1', 'N3.2', 'N6.9'];
    expect(bolloDue([{ natura: 'N3.1', taxableCents: 100000 }, { natura: 'N3.2', taxableCents: 100000 }, { natura: 'N6.9', taxableCents: 100000 }], all)).toBe(0);
    expect(bolloDue([{ natura: null, taxableCents: 100000 }], all)).toBe(0);
  });
  it('follows the setting: without N4 in the set, N4 amounts take no bollo', () => {
    expect(bolloDue([{ natura: 'N4', taxableCents: 9000 }], ['N1'])).toBe(0);
  });
});

describe('invoice amounts', () => {
  it('a line total is quantity × exact price × the discount chain, rounded half up once: 3 × 4,20 less 10+5 = 10,77', () => {
    expect(lineTotalCents(line(3, '4.20', 2200, null, '10+5'))).toBe(1077);
    expect(lineTotalCents(line(1, '0.005', 2200))).toBe(1);
    expect(lineTotalCents(line(1, '0.00499999', 2200))).toBe(0);
  });
  it('one summary row per rate and Natura, taxed rates first; VAT of a row on its exact amount, half up', () => {
    const a = invoiceAmounts([line(1, '10.00', 2200), line(2, '5.25', 1000), line(1, '3.00', 2200), line(1, '100.00', 0, 'N3.2'), line(1, '1.00', 0, 'N4')], DEFAULT_BOLLO);
    expect(a.vatRows).toEqual([
      { vatBp: 2200, natura: null, taxableCents: 1300, vatCents: 286 },
      { vatBp: 1000, natura: null, taxableCents: 1050, vatCents: 105 },
      { vatBp: 0, natura: 'N3.2', taxableCents: 10000, vatCents: 0 },
      { vatBp: 0, natura: 'N4', taxableCents: 100, vatCents: 0 },
    ]);
    expect([a.taxableCents, a.vatCents, a.totalCents, a.bolloCents]).toEqual([12450, 391, 12841, 0]);
  });
  it('a row of 0,05 € at 10 % has 0,01 € VAT (0,005 rounds up); at 4 % 0,00', () => {
    expect(invoiceAmounts([line(1, '0.05', 1000)], DEFAULT_BOLLO).vatCents).toBe(1);
    expect(invoiceAmounts([line(1, '0.05', 400)], DEFAULT_BOLLO).vatCents).toBe(0);
  });
});

describe('instalments from payment terms', () => {
  it('DF adds days; DFFM falls on the last day of the month, whole months from the invoice month (10 or 31 January → 28 February)', () => {
    expect(dueDate('2026-01-10', 30, false)).toBe('2026-02-09');
    expect(dueDate('2026-01-10', 30, true)).toBe('2026-02-28');
    expect(dueDate('2026-01-31', 30, true)).toBe('2026-02-28');
    expect(dueDate('2026-01-31', 60, true)).toBe('2026-03-31');
    expect(dueDate('2028-01-15', 30, true)).toBe('2028-02-29');
    expect(dueDate('2026-11-30', 60, true)).toBe('2027-01-31');
  });
  it('a due date in a skipped month moves to the set day of the next one (escluso agosto e dicembre)', () => {
    expect(dueDate('2026-07-15', 30, true, [8, 12], 10)).toBe('2026-09-10');
    expect(dueDate('2026-11-10', 30, true, [8, 12], 10)).toBe('2027-01-10');
  });
  it('the total splits evenly, the first instalments taking the leftover cents; rimessa diretta is due on the invoice date', () => {
    expect(instalmentsFor('2026-01-31', 10001, { days: [30, 60, 90], endOfMonth: true }).map((i) => [i.dueDate, i.amountCents])).toEqual([
      ['2026-02-28', 3334],
      ['2026-03-31', 3334],
      ['2026-04-30', 3333],
    ]);
    expect(instalmentsFor('2026-05-12', 500, { days: [0], endOfMonth: false })).toEqual([{ dueDate: '2026-05-12', amountCents: 500 }]);
    expect(monthEnd('2024-02')).toBe('2024-02-29');
  });
});
