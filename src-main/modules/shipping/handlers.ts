import type { HandlerMap } from '../../api/handlers';
import { DomainError } from '../../api/domainError';
import { registerDocumentKind } from '../inventory/documents';
import { cancelShipment, createShipment, setTracking, updateShipment } from './draft';
import { confirmShipment } from './confirm';
import { createReturn } from './returns';
import { readyOrders, shipmentProposal } from './proposal';
import { listShipments, shipmentsOfOrder } from './shipmentList';
import { loadShipment, SHIPMENT, SHIPMENT_RETURN } from './shipmentRows';
import { packingSlipPdf } from './packingSlipPdf';
import { renderStoredDdt, saveDdtCopy } from './savedCopies';
import { toBase64Pdf } from '../../documents/pdfDocument';
import { logoHandlers } from './logo';
import { openInSystemViewer } from '../../documents/systemViewer';
import type { ReadCtx } from '../../api/context';
import { shippingInvariants } from './invariants';
import { registerInvariants } from '../../db/check';

// what `bottega check` proves about this module's tables
registerInvariants(shippingInvariants);

type ShippingOp = Extract<keyof typeof import('../../../src-shared/contract/shipping').shippingOps, string>;

// ship movements point at shipments, return and scrap movements at returns
registerDocumentKind(SHIPMENT, {
  table: 'shipments',
  label: (ctx, id) => {
    const s = ctx.sqlite.prepare('SELECT d.number FROM shipments s LEFT JOIN ddts d ON d.id = s.ddt_id WHERE s.id = ?').get(id) as { number: string | null } | undefined;
    return s?.number ? `DDT ${s.number}` : `Shipment #${id}`;
  },
});
registerDocumentKind(SHIPMENT_RETURN, {
  table: 'shipment_returns',
  label: (ctx, id) => {
    const r = ctx.sqlite.prepare('SELECT d.number FROM shipment_returns r LEFT JOIN ddts d ON d.id = r.ddt_id WHERE r.id = ?').get(id) as { number: string | null } | undefined;
    return r?.number ? `Return ${id}, DDT ${r.number}` : `Return ${id}`;
  },
});

/** The DDT of a confirmed shipment or of a collected return; refused while none was issued. */
function issuedDdtId(ctx: ReadCtx, input: { shipmentId?: number; returnId?: number }): number {
  const ddtId = input.shipmentId !== undefined ? loadShipment(ctx, input.shipmentId).ddt?.id : (ctx.sqlite.prepare('SELECT ddt_id AS id FROM shipment_returns WHERE id = ?').get(input.returnId) as { id: number | null } | undefined)?.id;
  if (ddtId === undefined || ddtId === null) throw new DomainError('CONFLICT', 'No DDT has been issued for this yet', { ...input });
  return ddtId;
}

export const shippingHandlers: HandlerMap<ShippingOp | 'settings.logo' | 'settings.setLogo' | 'settings.removeLogo'> = {
  ...logoHandlers,
  'shipping.readyOrders': readyOrders,
  'shipping.proposal': shipmentProposal,
  'shipping.create': createShipment,
  'shipping.update': updateShipment,
  'shipping.setTracking': setTracking,
  'shipping.confirm': confirmShipment,
  'shipping.cancel': cancelShipment,
  'shipping.get': (ctx, input) => loadShipment(ctx, input.id),
  'shipping.list': listShipments,
  'shipping.ofOrder': shipmentsOfOrder,
  'shipping.createReturn': createReturn,
  'shipping.ddtPdf': async (ctx, input) => {
    const ddtId = issuedDdtId(ctx, input);
    const r = await renderStoredDdt(ctx, ddtId);
    return { ...toBase64Pdf(r.fileName, r.pdf), savedPath: await saveDdtCopy(ctx, ddtId, r) };
  },
  'shipping.openDdt': async (ctx, input) => {
    const savedPath = await saveDdtCopy(ctx, issuedDdtId(ctx, input));
    return { savedPath, opened: savedPath !== null && (await openInSystemViewer(savedPath)) };
  },
  'shipping.packingSlipPdf': packingSlipPdf,
};
