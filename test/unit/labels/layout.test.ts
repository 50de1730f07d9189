import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitFontSize, fitText, LAYOUTS, labelsPerPage, mm, pageCount, pageSizePt, placeLabel } from '../../../src-main/documents/labels/layout';

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-9);

describe('label layouts', () => {
  it('A4 3×8: 70×37 mm labels in points, row by row, centred vertically on 297 mm', () => {
    const a4 = LAYOUTS.a4_3x8;
    const [w, h] = pageSizePt(a4);
    close(w, 595.2755905511812);
    close(h, 841.8897637795277);
    expect(labelsPerPage(a4)).toBe(24);
    const first = placeLabel(a4, 0);
    expect(first.page).toBe(0);
    close(first.x, 0);
    close(first.y, mm(0.5));
    close(first.width, mm(70));
    close(first.height, mm(37));
    const third = placeLabel(a4, 2);
    close(third.x, mm(140));
    const fourth = placeLabel(a4, 3);
    close(fourth.x, 0);
    close(fourth.y, mm(37.5));
    const last = placeLabel(a4, 23);
    close(last.x + last.width, mm(210));
    close(last.y + last.height, mm(296.5));
    expect(placeLabel(a4, 24)).toMatchObject({ page: 1, slot: 0 });
  });

  it('skipping used labels on the first sheet shifts every label and may add a page', () => {
    const a4 = LAYOUTS.a4_3x8;
    expect(placeLabel(a4, 0, 5)).toMatchObject({ page: 0, slot: 5 });
    expect(pageCount(a4, 24, 0)).toBe(1);
    expect(pageCount(a4, 24, 1)).toBe(2);
    expect(pageCount(a4, 0, 3)).toBe(0);
  });

  it('thermal and roll layouts: one label per page, the page is the label', () => {
    for (const l of [LAYOUTS.thermal_100x150, LAYOUTS.roll_62]) {
      expect(labelsPerPage(l)).toBe(1);
      const p = placeLabel(l, 4);
      expect(p.page).toBe(4);
      const [w, h] = pageSizePt(l);
      close(p.width, w);
      close(p.height, h);
    }
    close(pageSizePt(LAYOUTS.roll_62)[0], mm(62));
  });

  it('every label lies inside its page and no two labels of a page overlap (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(LAYOUTS)), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 23 }), (layout, i, skip) => {
        const s = skip % labelsPerPage(layout);
        const p = placeLabel(layout, i, s);
        const [w, h] = pageSizePt(layout);
        expect(p.x).toBeGreaterThanOrEqual(-1e-9);
        expect(p.y).toBeGreaterThanOrEqual(-1e-9);
        expect(p.x + p.width).toBeLessThanOrEqual(w + 1e-9);
        expect(p.y + p.height).toBeLessThanOrEqual(h + 1e-9);
        const q = placeLabel(layout, i + 1, s);
        if (q.page === p.page) expect(q.x >= p.x + p.width - 1e-9 || q.y >= p.y + p.height - 1e-9).toBe(true);
        expect(p.page).toBeLessThan(pageCount(layout, i + 1, s));
      }),
    );
  });
});

describe('text fitting', () => {
  // a fake font: every character 0.5 em wide
  const measure = (s: string, size: number) => s.length * 0.5 * size;

  it('keeps the largest size when the text fits', () => {
    expect(fitText('Sapone', 100, 10, 6, measure)).toEqual({ text: 'Sapone', size: 10 });
  });

  it('shrinks in half-point steps until it fits', () => {
    // 20 chars × 0.5 = 10 pt per point of size; 85 pt wide → 8.5
    expect(fitFontSize(10, 85, 12, 6)).toBe(8.5);
    const r = fitText('x'.repeat(20), 85, 12, 6, measure);
    expect(r).toEqual({ text: 'x'.repeat(20), size: 8.5 });
  });

  it('below the minimum size it cuts the text with an ellipsis that fits', () => {
    const r = fitText('Crema viso alla calendula biologica extra', 60, 10, 6, measure);
    expect(r.size).toBe(6);
    expect(r.text.endsWith('…')).toBe(true);
    expect(measure(r.text, r.size)).toBeLessThanOrEqual(60);
    expect('Crema viso alla calendula biologica extra'.startsWith(r.text.slice(0, -1).trimEnd())).toBe(true);
  });
});
