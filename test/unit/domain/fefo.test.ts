import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkOverride,
  fefoCompare,
  freeMilli,
  lotUnusableReason,
  proposeFefo,
  type FefoLot,
  type LotStatus,
} from '../../../src-shared/domain/fefo';

const NEED = '2026-10-22';

let nextId = 1;
/** A released lot with 1 kg (1_000_000 thousandths of a g item) and nothing reserved, unless told. */
function lot(over: Partial<FefoLot> = {}): FefoLot {
  const lotId = over.lotId ?? nextId++;
  return {
    lotId,
    code: `L${lotId}`,
    status: 'released',
    expiresOn: '2027-01-31',
    originDate: '2026-09-01',
    onHandMilli: 1_000_000,
    reservedMilli: 0,
    ...over,
  };
}

const picked = (lots: readonly FefoLot[], qty: number, need = NEED) => proposeFefo(lots, qty, need).picks.map((p) => [p.lotId, p.qtyMilli]);
const byId = (...lots: FefoLot[]) => new Map(lots.map((l) => [l.lotId, l]));

describe('proposeFefo: order', () => {
  it('takes the earliest expiry first, whatever the input order', () => {
    const late = lot({ lotId: 1, expiresOn: '2027-06-30' });
    const early = lot({ lotId: 2, expiresOn: '2026-12-31' });
    const mid = lot({ lotId: 3, expiresOn: '2027-03-01' });
    expect(picked([late, early, mid], 2_500_000)).toEqual([
      [2, 1_000_000],
      [3, 1_000_000],
      [1, 500_000],
    ]);
  });

  it('on the same expiry takes the older origin date first', () => {
    const newer = lot({ lotId: 1, expiresOn: '2027-01-31', originDate: '2026-10-01' });
    const older = lot({ lotId: 2, expiresOn: '2027-01-31', originDate: '2026-08-15' });
    expect(picked([newer, older], 1_500_000)).toEqual([
      [2, 1_000_000],
      [1, 500_000],
    ]);
  });

  it('on the same expiry and origin date takes the lower lot id first (stable, not input order)', () => {
    const a = lot({ lotId: 7, expiresOn: '2027-01-31', originDate: '2026-09-01' });
    const b = lot({ lotId: 3, expiresOn: '2027-01-31', originDate: '2026-09-01' });
    const c = lot({ lotId: 5, expiresOn: '2027-01-31', originDate: '2026-09-01' });
    expect(picked([a, b, c], 2_000_001)).toEqual([
      [3, 1_000_000],
      [5, 1_000_000],
      [7, 1],
    ]);
  });

  it('expiry decides before origin date: a newer lot expiring sooner goes first', () => {
    const oldLate = lot({ lotId: 1, expiresOn: '2027-05-01', originDate: '2026-01-01' });
    const newSoon = lot({ lotId: 2, expiresOn: '2027-02-01', originDate: '2026-10-20' });
    expect(picked([oldLate, newSoon], 1_000_000)).toEqual([[2, 1_000_000]]);
  });

  it('puts lots without expiry last, oldest of them first', () => {
    const noExpiryOld = lot({ lotId: 1, expiresOn: null, originDate: '2025-01-01' });
    const noExpiryNew = lot({ lotId: 2, expiresOn: null, originDate: '2026-01-01' });
    const farFuture = lot({ lotId: 3, expiresOn: '2099-12-31', originDate: '2026-10-01' });
    expect(picked([noExpiryNew, farFuture, noExpiryOld], 2_500_000)).toEqual([
      [3, 1_000_000],
      [1, 1_000_000],
      [2, 500_000],
    ]);
  });

  it('fefoCompare is a total order consistent with itself (antisymmetric, transitive on samples)', () => {
    const dates = fc.option(fc.constantFrom('2026-10-01', '2026-10-22', '2026-12-31', '2027-01-31'), { nil: null });
    const lotArb = fc.record({
      lotId: fc.integer({ min: 1, max: 30 }),
      expiresOn: dates,
      originDate: fc.constantFrom('2026-01-01', '2026-06-01', '2026-09-01'),
    });
    fc.assert(
      fc.property(lotArb, lotArb, lotArb, (x, y, z) => {
        const [a, b, c] = [lot(x), lot(y), lot(z)];
        expect(Math.sign(fefoCompare(a, b)) + Math.sign(fefoCompare(b, a))).toBe(0);
        if (fefoCompare(a, b) <= 0 && fefoCompare(b, c) <= 0) expect(fefoCompare(a, c)).toBeLessThanOrEqual(0);
        if (fefoCompare(a, b) === 0) expect([a.lotId, a.expiresOn, a.originDate]).toEqual([b.lotId, b.expiresOn, b.originDate]);
      }),
    );
  });
});

describe('proposeFefo: which lots are usable', () => {
  it('a lot expiring ON the day of need is usable that day', () => {
    const today = lot({ lotId: 1, expiresOn: NEED });
    expect(lotUnusableReason(today, NEED)).toBeNull();
    expect(picked([today], 400_000)).toEqual([[1, 400_000]]);
  });

  it('a lot that expired the day before the need date is not', () => {
    const yesterday = lot({ lotId: 1, expiresOn: '2026-10-21' });
    const later = lot({ lotId: 2, expiresOn: '2026-10-23' });
    expect(lotUnusableReason(yesterday, NEED)).toBe('expired');
    expect(picked([yesterday, later], 400_000)).toEqual([[2, 400_000]]);
    // the same lot is fine for a need one day earlier
    expect(picked([yesterday, later], 400_000, '2026-10-21')).toEqual([[1, 400_000]]);
  });

  it('the need date compares across month and year ends as dates', () => {
    expect(lotUnusableReason(lot({ expiresOn: '2026-12-31' }), '2027-01-01')).toBe('expired');
    expect(lotUnusableReason(lot({ expiresOn: '2027-01-01' }), '2026-12-31')).toBeNull();
    expect(lotUnusableReason(lot({ expiresOn: '2026-09-30' }), '2026-10-01')).toBe('expired');
  });

  it.each<[LotStatus, string]>([
    ['quarantine', 'quarantine'],
    ['blocked', 'blocked'],
    ['recalled', 'recalled'],
  ])('leaves out %s lots, even when they expire first', (status, reason) => {
    const bad = lot({ lotId: 1, status, expiresOn: '2026-11-01' });
    const good = lot({ lotId: 2, expiresOn: '2027-11-01' });
    expect(lotUnusableReason(bad, NEED)).toBe(reason);
    expect(picked([bad, good], 1_500_000)).toEqual([[2, 1_000_000]]);
    expect(proposeFefo([bad, good], 1_500_000, NEED).shortMilli).toBe(500_000);
  });

  it('status is reported before expiry (a blocked, expired lot is "blocked")', () => {
    expect(lotUnusableReason(lot({ status: 'blocked', expiresOn: '2020-01-01' }), NEED)).toBe('blocked');
  });

  it('a lot without expiry never expires', () => {
    expect(lotUnusableReason(lot({ expiresOn: null }), '2999-12-31')).toBeNull();
  });

  it('leaves out empty lots, fully reserved lots and over-reserved lots', () => {
    const empty = lot({ lotId: 1, onHandMilli: 0, expiresOn: '2026-11-01' });
    const full = lot({ lotId: 2, onHandMilli: 500, reservedMilli: 500, expiresOn: '2026-11-02' });
    const over = lot({ lotId: 3, onHandMilli: 500, reservedMilli: 800, expiresOn: '2026-11-03' });
    const ok = lot({ lotId: 4, onHandMilli: 300, expiresOn: '2026-12-01' });
    expect(freeMilli(over)).toBe(0);
    expect(proposeFefo([empty, full, over, ok], 1_000, NEED)).toEqual({ picks: [{ lotId: 4, code: 'L4', qtyMilli: 300, expiresOn: '2026-12-01' }], shortMilli: 700 });
  });
});

describe('proposeFefo: quantities', () => {
  it('takes only what is free on each lot (on hand − reserved), to the thousandth', () => {
    const a = lot({ lotId: 1, expiresOn: '2026-11-01', onHandMilli: 2_000_000, reservedMilli: 1_999_999 });
    const b = lot({ lotId: 2, expiresOn: '2026-12-01', onHandMilli: 750_500, reservedMilli: 250_000 });
    const c = lot({ lotId: 3, expiresOn: '2027-01-01', onHandMilli: 10_000_000 });
    expect(picked([c, b, a], 1_000_000)).toEqual([
      [1, 1],
      [2, 500_500],
      [3, 499_499],
    ]);
  });

  it('stops at the first lot that covers the rest: no zero picks, no extra lots', () => {
    const lots = [lot({ lotId: 1, expiresOn: '2026-11-01' }), lot({ lotId: 2, expiresOn: '2026-12-01' }), lot({ lotId: 3, expiresOn: '2027-01-01' })];
    const p = proposeFefo(lots, 1_000_000, NEED);
    expect(p.picks.map((x) => [x.lotId, x.qtyMilli])).toEqual([[1, 1_000_000]]);
    expect(p.shortMilli).toBe(0);
  });

  it('computes the shortfall exactly when the usable lots are not enough', () => {
    const lots = [
      lot({ lotId: 1, onHandMilli: 1_234, reservedMilli: 1 }),
      lot({ lotId: 2, onHandMilli: 5_000, status: 'quarantine' }),
      lot({ lotId: 3, onHandMilli: 2_000, expiresOn: '2026-10-01' }),
      lot({ lotId: 4, onHandMilli: 766, expiresOn: null }),
    ];
    const p = proposeFefo(lots, 10_000, NEED);
    expect(p.picks.map((x) => [x.lotId, x.qtyMilli])).toEqual([
      [1, 1_233],
      [4, 766],
    ]);
    expect(p.shortMilli).toBe(10_000 - 1_233 - 766);
  });

  it('with no lots at all, everything is short', () => {
    expect(proposeFefo([], 42, NEED)).toEqual({ picks: [], shortMilli: 42 });
  });

  it('carries code and expiry of each lot into its pick', () => {
    const p = proposeFefo([lot({ lotId: 9, code: 'L26295-3', expiresOn: '2026-12-24' })], 5, NEED);
    expect(p.picks).toEqual([{ lotId: 9, code: 'L26295-3', qtyMilli: 5, expiresOn: '2026-12-24' }]);
  });

  it('property: picks + short = requested; each pick ≤ free; only usable lots; FEFO order; no pick is zero', () => {
    const lotArb = fc.record({
      status: fc.constantFrom<LotStatus>('released', 'released', 'released', 'quarantine', 'blocked', 'recalled'),
      expiresOn: fc.option(fc.constantFrom('2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-12-31', '2027-06-30'), { nil: null }),
      originDate: fc.constantFrom('2026-01-01', '2026-05-01', '2026-09-01'),
      onHandMilli: fc.integer({ min: 0, max: 5_000 }),
      reservedMilli: fc.integer({ min: 0, max: 6_000 }),
    });
    fc.assert(
      fc.property(fc.array(lotArb, { maxLength: 12 }), fc.integer({ min: 1, max: 40_000 }), (raw, qty) => {
        const lots = raw.map((r, i) => lot({ ...r, lotId: i + 1 }));
        const { picks, shortMilli } = proposeFefo(lots, qty, NEED);
        const sum = picks.reduce((s, p) => s + p.qtyMilli, 0);
        expect(sum + shortMilli).toBe(qty);
        expect(shortMilli).toBeGreaterThanOrEqual(0);
        const usable = lots.filter((l) => lotUnusableReason(l, NEED) === null && freeMilli(l) > 0);
        const totalFree = usable.reduce((s, l) => s + freeMilli(l), 0);
        expect(shortMilli).toBe(Math.max(0, qty - totalFree));
        const seen = new Set<number>();
        for (const p of picks) {
          const l = lots.find((x) => x.lotId === p.lotId)!;
          expect(seen.has(p.lotId)).toBe(false);
          seen.add(p.lotId);
          expect(lotUnusableReason(l, NEED)).toBeNull();
          expect(p.qtyMilli).toBeGreaterThan(0);
          expect(p.qtyMilli).toBeLessThanOrEqual(freeMilli(l));
        }
        // every pick but the last takes its lot whole, and the picks follow the FEFO order
        picks.slice(0, -1).forEach((p) => expect(p.qtyMilli).toBe(freeMilli(lots.find((x) => x.lotId === p.lotId)!)));
        const order = [...usable].sort(fefoCompare).map((l) => l.lotId);
        expect(picks.map((p) => p.lotId)).toEqual(order.slice(0, picks.length));
      }),
      { numRuns: 300 },
    );
  });

  it('does not change the lots it is given', () => {
    const lots = [lot({ lotId: 2, expiresOn: '2027-01-01' }), lot({ lotId: 1, expiresOn: '2026-11-01' })];
    const copy = structuredClone(lots);
    proposeFefo(lots, 1_500_000, NEED);
    expect(lots).toEqual(copy);
  });
});

describe('checkOverride', () => {
  it('accepts usable lots within what is free, including a lot expiring on the need date', () => {
    const a = lot({ lotId: 1, expiresOn: NEED, onHandMilli: 1_000, reservedMilli: 400 });
    const b = lot({ lotId: 2, expiresOn: null, onHandMilli: 50 });
    expect(
      checkOverride(
        byId(a, b),
        [
          { lotId: 1, qtyMilli: 600 },
          { lotId: 2, qtyMilli: 50 },
        ],
        NEED,
      ),
    ).toEqual([]);
  });

  it('refuses expired, blocked, quarantined and recalled lots with the reason and the pick index', () => {
    const expired = lot({ lotId: 1, expiresOn: '2026-10-21' });
    const blocked = lot({ lotId: 2, status: 'blocked' });
    const quarantine = lot({ lotId: 3, status: 'quarantine' });
    const recalled = lot({ lotId: 4, status: 'recalled' });
    const fine = lot({ lotId: 5 });
    expect(
      checkOverride(
        byId(expired, blocked, quarantine, recalled, fine),
        [1, 5, 2, 3, 4].map((lotId) => ({ lotId, qtyMilli: 10 })),
        NEED,
      ),
    ).toEqual([
      { index: 0, lotId: 1, reason: 'expired' },
      { index: 2, lotId: 2, reason: 'blocked' },
      { index: 3, lotId: 3, reason: 'quarantine' },
      { index: 4, lotId: 4, reason: 'recalled' },
    ]);
  });

  it('refuses an over-pick, naming what is available (free = on hand − reserved)', () => {
    const a = lot({ lotId: 1, onHandMilli: 1_000, reservedMilli: 300 });
    expect(checkOverride(byId(a), [{ lotId: 1, qtyMilli: 700 }], NEED)).toEqual([]);
    expect(checkOverride(byId(a), [{ lotId: 1, qtyMilli: 701 }], NEED)).toEqual([{ index: 0, lotId: 1, reason: 'not_enough', availableMilli: 700 }]);
  });

  it('adds up several picks of the same lot, refusing the one that goes over', () => {
    const a = lot({ lotId: 1, onHandMilli: 1_000 });
    expect(
      checkOverride(
        byId(a),
        [
          { lotId: 1, qtyMilli: 600 },
          { lotId: 1, qtyMilli: 400 },
          { lotId: 1, qtyMilli: 1 },
        ],
        NEED,
      ),
    ).toEqual([{ index: 2, lotId: 1, reason: 'not_enough', availableMilli: 1_000 }]);
  });

  it('lets a document use what it holds itself on the lot (ownReservedMilli)', () => {
    const a = lot({ lotId: 1, onHandMilli: 1_000, reservedMilli: 1_000 });
    expect(checkOverride(byId(a), [{ lotId: 1, qtyMilli: 1 }], NEED)).toEqual([{ index: 0, lotId: 1, reason: 'not_enough', availableMilli: 0 }]);
    expect(checkOverride(byId(a), [{ lotId: 1, qtyMilli: 400, ownReservedMilli: 400 }], NEED)).toEqual([]);
    expect(checkOverride(byId(a), [{ lotId: 1, qtyMilli: 401, ownReservedMilli: 400 }], NEED)).toEqual([
      { index: 0, lotId: 1, reason: 'not_enough', availableMilli: 400 },
    ]);
  });

  it('an over-reserved lot has nothing available, not a negative amount', () => {
    const a = lot({ lotId: 1, onHandMilli: 100, reservedMilli: 300 });
    expect(checkOverride(byId(a), [{ lotId: 1, qtyMilli: 1 }], NEED)).toEqual([{ index: 0, lotId: 1, reason: 'not_enough', availableMilli: 0 }]);
  });

  it('names a lot it does not know', () => {
    expect(checkOverride(byId(lot({ lotId: 1 })), [{ lotId: 99, qtyMilli: 1 }], NEED)).toEqual([{ index: 0, lotId: 99, reason: 'unknown_lot' }]);
  });

  it('a refused (unusable) pick does not count towards the quantity used of its lot', () => {
    const expired = lot({ lotId: 1, expiresOn: '2026-10-01', onHandMilli: 10 });
    expect(
      checkOverride(
        byId(expired),
        [
          { lotId: 1, qtyMilli: 10 },
          { lotId: 1, qtyMilli: 10 },
        ],
        NEED,
      ).map((p) => p.reason),
    ).toEqual(['expired', 'expired']);
  });

  it('agrees with proposeFefo: its own proposal is never refused', () => {
    const lotArb = fc.record({
      status: fc.constantFrom<LotStatus>('released', 'released', 'quarantine', 'blocked', 'recalled'),
      expiresOn: fc.option(fc.constantFrom('2026-10-21', '2026-10-22', '2026-11-30'), { nil: null }),
      onHandMilli: fc.integer({ min: 0, max: 3_000 }),
      reservedMilli: fc.integer({ min: 0, max: 3_000 }),
    });
    fc.assert(
      fc.property(fc.array(lotArb, { maxLength: 8 }), fc.integer({ min: 1, max: 20_000 }), (raw, qty) => {
        const lots = raw.map((r, i) => lot({ ...r, lotId: i + 1 }));
        const proposal = proposeFefo(lots, qty, NEED);
        expect(checkOverride(byId(...lots), proposal.picks, NEED)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
