import type { HandlerMap } from '../../api/handlers';
import type { invoicingOps } from '../../../src-shared/contract/invoicing';
import { issueMonth, previewMonth } from './monthRun';
import { createDraft, createFromOrder, deleteDraft, updateDraft } from './drafts';
import { createCreditNote } from './creditNotes';
import { markDelivered, markRejected, markSent, reissueRejected } from './states';
import { issueInvoice } from './issue';
import { loadDetail } from './rows';
import { deletePayment, registerPayment } from './payments';
import { customerBalance, instalments, scadenzarioCsv, toCollect } from './scadenzario';
import { document, get, list } from './queries';
import { customerSettings, setCustomerSettings } from './customerFiscal';

export const invoicingHandlers: HandlerMap<keyof typeof invoicingOps> = {
  'invoicing.previewMonth': previewMonth,
  'invoicing.issueMonth': issueMonth,
  'invoicing.createFromOrder': createFromOrder,
  'invoicing.createDraft': createDraft,
  'invoicing.updateDraft': updateDraft,
  'invoicing.deleteDraft': deleteDraft,
  'invoicing.createCreditNote': createCreditNote,
  'invoicing.issue': (ctx, input) => {
    issueInvoice(ctx, input.id, input.sezionale);
    return loadDetail(ctx, input.id);
  },
  'invoicing.markSent': markSent,
  'invoicing.markDelivered': markDelivered,
  'invoicing.markRejected': markRejected,
  'invoicing.reissueRejected': reissueRejected,
  'invoicing.list': list,
  'invoicing.get': get,
  'invoicing.document': document,
  'invoicing.registerPayment': registerPayment,
  'invoicing.deletePayment': deletePayment,
  'invoicing.instalments': instalments,
  'invoicing.toCollect': toCollect,
  'invoicing.customerBalance': customerBalance,
  'invoicing.scadenzarioCsv': scadenzarioCsv,
  'invoicing.customerSettings': customerSettings,
  'invoicing.setCustomerSettings': setCustomerSettings,
};
