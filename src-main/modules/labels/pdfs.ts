/**
 * The label PDFs the screens ask for: read committed data, word the labels, render.
 * A lot that cannot be labelled (no stock worth printing is not checked: reprints of
 * an empty lot are legitimate) is only refused when it is blocked or recalled, so a
 * recalled lot never gets fresh labels.
 */
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { loadItemRow } from '../catalog/items';
import { loadLot } from '../inventory/lotRows';
import { loadProductionOrder } from '../production/productionRows';
import { readSettings } from '../settings/store';
import { renderLabelsPdf } from '../../documents/labels/render';
import { pageCount, LAYOUTS, type LabelLayoutId } from '../../documents/labels/layout';
import type { Label } from '../../documents/labels/model';
import type { LabelLanguage } from '../../documents/labels/wording';
import type { Lot } from '../../../src-shared/contract/inventory';
import { caseLabel, productLabel, requireUnitsPerCase, type LabelItem } from './build';
import { loadItemLabelInfo } from './itemInfo';
import { readLabelSettings } from './settings';

export function labelLanguage(ctx: ReadCtx, given: LabelLanguage | undefined): LabelLanguage {
  return given ?? readSettings(ctx).language ?? 'it';
}

export function labelItem(ctx: ReadCtx, itemId: number): LabelItem {
  const row = loadItemRow(ctx, itemId);
  return { name: row.name, sku: row.sku, unit: row.unit, gtin: row.gtin, netWeightMg: row.netWeightMg };
}

export async function labelsPdfOut(labels: Label[], layout: LabelLayoutId, skip: number, fileStem: string) {
  const pdf = await renderLabelsPdf(labels, layout, { title: fileStem, skip });
  return {
    fileName: `${fileStem.replace(/[^\w.-]+/g, '-')}.pdf`,
    contentType: 'application/pdf' as const,
    base64: pdf.toString('base64'),
    labels: labels.length,
    pages: Math.max(1, pageCount(LAYOUTS[layout], labels.length, skip)),
    layout,
  };
}

function assertLabellable(lot: Lot): void {
  if (lot.status === 'blocked' || lot.status === 'recalled') {
    throw new DomainError('LOT_NOT_RELEASED', `Lot ${lot.code} is ${lot.status}: no labels are printed for it`, { lotId: lot.id, lotCode: lot.code, status: lot.status });
  }
}

interface LotLabelsRequest {
  kind: 'product' | 'case';
  copies?: number | undefined;
  unitsPerCase?: number | undefined;
  layout?: LabelLayoutId | undefined;
  skip: number;
  language?: LabelLanguage | undefined;
}

async function lotLabels(ctx: ReadCtx, lot: Lot, req: LotLabelsRequest, defaultCopies: (unitsPerCase: number | null) => number) {
  assertLabellable(lot);
  const lang = labelLanguage(ctx, req.language);
  const item = labelItem(ctx, lot.item.id);
  const info = loadItemLabelInfo(ctx, lot.item.id);
  const layout = req.layout ?? readLabelSettings(ctx)[req.kind];
  let one: Label;
  let copies: number;
  if (req.kind === 'case') {
    const perCase = requireUnitsPerCase(req.unitsPerCase, info);
    one = caseLabel(item, info, lot, perCase, lang);
    copies = req.copies ?? defaultCopies(perCase);
  } else {
    one = productLabel(item, info, lot, lang);
    copies = req.copies ?? defaultCopies(null);
  }
  const labels = Array.from({ length: copies }, () => one);
  return labelsPdfOut(labels, layout, req.skip, `${req.kind === 'case' ? 'case-labels' : 'labels'}-${lot.code}`);
}

export const lotLabelsPdf: Handler<'labels.lotPdf'> = (ctx, input) => lotLabels(ctx, loadLot(ctx, input.lotId), input, () => 1);

/** One label per unit made (pieces), or one per case; for bulk items (kg, l) one label unless told. */
export const productionLabelsPdf: Handler<'labels.productionPdf'> = (ctx, input) => {
  const po = loadProductionOrder(ctx, input.productionId);
  if (po.status !== 'completed' || !po.outputLot) {
    throw new DomainError('CONFLICT', `Production ${po.number} is not completed: its lot does not exist yet`, { productionId: po.id, status: po.status });
  }
  const lot = loadLot(ctx, po.outputLot.id);
  const units = po.item.unit === 'pcs' ? Math.floor((po.actualQtyMilli ?? 0) / 1000) : 1;
  return lotLabels(ctx, lot, input, (perCase) => Math.min(5000, Math.max(1, perCase ? Math.ceil(units / perCase) : units)));
};
