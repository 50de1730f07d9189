import type { HandlerMap } from '../../api/handlers';
import { loadItemLabelInfo, saveItemLabelInfo } from './itemInfo';
import { lotLabelsPdf, productionLabelsPdf } from './pdfs';
import { readLabelSettings, saveLabelSettings } from './settings';
import { shipmentLabelsPdf } from './shipmentLabels';

type LabelOp = Extract<keyof typeof import('../../../src-shared/contract/labels').labelOps, string>;

export const labelHandlers: HandlerMap<LabelOp> = {
  'labels.itemInfo': (ctx, input) => loadItemLabelInfo(ctx, input.itemId),
  'labels.saveItemInfo': saveItemLabelInfo,
  'labels.settings': (ctx) => readLabelSettings(ctx),
  'labels.saveSettings': (ctx, input) => saveLabelSettings(ctx, input),
  'labels.lotPdf': lotLabelsPdf,
  'labels.productionPdf': productionLabelsPdf,
  'labels.shipmentPdf': shipmentLabelsPdf,
};
