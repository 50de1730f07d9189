/**
 * Label layouts, pure: what a user prints on (an A4 sheet of small labels, a thermal
 * label, a 62 mm roll) as page and label rectangles in PDF points, and where the n-th
 * label lands. Sizes are given in millimetres, as printed on the label boxes.
 */

import type { LabelLayoutId } from '../../../src-shared/contract/labels';

export { LABEL_LAYOUTS, type LabelLayoutId } from '../../../src-shared/contract/labels';

export interface LabelLayout {
  id: LabelLayoutId;
  pageMm: { width: number; height: number };
  labelMm: { width: number; height: number };
  columns: number;
  rows: number;
  /** offset of the first label from the page's top-left corner */
  marginMm: { left: number; top: number };
  /** space between labels (die-cut sheets of 70×37 have none) */
  gapMm: { x: number; y: number };
}

export const MM_TO_PT = 72 / 25.4;
export const mm = (v: number): number => v * MM_TO_PT;

/** 3×8 labels of 70×37 mm fill 210×296 mm of an A4 sheet: the half millimetre left is split top and bottom. */
const A4_3X8: LabelLayout = {
  id: 'a4_3x8',
  pageMm: { width: 210, height: 297 },
  labelMm: { width: 70, height: 37 },
  columns: 3,
  rows: 8,
  marginMm: { left: 0, top: 0.5 },
  gapMm: { x: 0, y: 0 },
};

const THERMAL: LabelLayout = {
  id: 'thermal_100x150',
  pageMm: { width: 100, height: 150 },
  labelMm: { width: 100, height: 150 },
  columns: 1,
  rows: 1,
  marginMm: { left: 0, top: 0 },
  gapMm: { x: 0, y: 0 },
};

/** A 62 mm continuous roll (Brother QL DK-22205) cut at 100 mm: one label per page. */
const ROLL_62: LabelLayout = {
  id: 'roll_62',
  pageMm: { width: 62, height: 100 },
  labelMm: { width: 62, height: 100 },
  columns: 1,
  rows: 1,
  marginMm: { left: 0, top: 0 },
  gapMm: { x: 0, y: 0 },
};

export const LAYOUTS: Record<LabelLayoutId, LabelLayout> = { a4_3x8: A4_3X8, thermal_100x150: THERMAL, roll_62: ROLL_62 };

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Placement extends Box {
  /** 0-based page the label is on */
  page: number;
  /** 0-based slot on that page, row by row */
  slot: number;
}

export function pageSizePt(layout: LabelLayout): [number, number] {
  return [mm(layout.pageMm.width), mm(layout.pageMm.height)];
}

export function labelsPerPage(layout: LabelLayout): number {
  return layout.columns * layout.rows;
}

/** Where label number `index` (0-based) goes: left to right, top to bottom, then the next page. */
export function placeLabel(layout: LabelLayout, index: number, skip = 0): Placement {
  const per = labelsPerPage(layout);
  const n = index + skip;
  const page = Math.floor(n / per);
  const slot = n % per;
  const col = slot % layout.columns;
  const row = Math.floor(slot / layout.columns);
  return {
    page,
    slot,
    x: mm(layout.marginMm.left + col * (layout.labelMm.width + layout.gapMm.x)),
    y: mm(layout.marginMm.top + row * (layout.labelMm.height + layout.gapMm.y)),
    width: mm(layout.labelMm.width),
    height: mm(layout.labelMm.height),
  };
}

/** Pages needed for `count` labels, starting `skip` slots in (a half-used sheet). */
export function pageCount(layout: LabelLayout, count: number, skip = 0): number {
  return count === 0 ? 0 : Math.ceil((count + skip) / labelsPerPage(layout));
}

/** The label's box less its inner margin (printers do not print to the edge). */
export function inset(box: Box, by: number): Box {
  return { x: box.x + by, y: box.y + by, width: box.width - 2 * by, height: box.height - 2 * by };
}

/**
 * How big text is drawn on a label relative to the 70×37 mm sheet label: larger labels
 * get larger type, bounded so a tall thermal label does not get a poster font.
 */
export function typeScale(box: Box): number {
  const base = { width: mm(70), height: mm(37) };
  return Math.max(0.8, Math.min(box.width / base.width, box.height / base.height, 1.8));
}

/**
 * The largest font size from `max` down to `min` (half-point steps) at which the text
 * fits `width`; `widthAt1` is the text's width at size 1 (widths scale linearly with
 * size). Below `min` the text is cut with an ellipsis instead, see fitText.
 */
export function fitFontSize(widthAt1: number, width: number, max: number, min: number): number {
  if (widthAt1 <= 0) return max;
  const fit = Math.floor((width / widthAt1) * 2) / 2;
  return Math.max(min, Math.min(max, fit));
}

/**
 * Text that fits one line: shrunk down to `min`, then shortened with "…" by the
 * measure given (the real font metrics in the renderer, a fake in tests).
 */
export function fitText(text: string, width: number, max: number, min: number, measure: (s: string, size: number) => number): { text: string; size: number } {
  const size = fitFontSize(measure(text, 1), width, max, min);
  if (measure(text, size) <= width) return { text, size };
  let cut = text;
  while (cut.length > 1 && measure(cut + '…', size) > width) cut = cut.slice(0, -1);
  return { text: cut.trimEnd() + '…', size };
}
