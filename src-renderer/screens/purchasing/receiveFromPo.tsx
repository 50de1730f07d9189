/**
 * The goods receipt started from a purchase order (#/inventory/receive?po=7): the supplier
 * and one line per item still due, with the quantity due and the order's price, each line
 * naming its purchase order line so the order follows what arrives.
 */
import { useEffect, useRef } from 'react';
import { Alert } from '@mantine/core';
import type { PurchaseOrder } from '../../../src-shared/contract/purchasing';
import { useApiQuery } from '../../api/hooks';
import { IconInfo } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { newLine, type ReceiveLine } from '../inventory/receiveForm';
import type { PickedSupplier } from '../inventory/SupplierSelect';

/**
 * ?po=7 on the receive screen: fills the supplier and the lines still due. Returns the
 * purchase order once loaded, and the query (its error is shown by ReceiveScreen).
 */
export function useReceiveFromPurchaseOrder(query: URLSearchParams, apply: (supplier: PickedSupplier, lines: ReceiveLine[]) => void) {
  const { fmt } = useI18n();
  const poId = Number(query.get('po'));
  // query-error: handed back to ReceiveScreen, which shows it with QueryError
  const po = useApiQuery('purchasing.get', { id: poId }, { enabled: Number.isInteger(poId) && poId > 0 });
  const applied = useRef<number | null>(null);
  const applyRef = useRef(apply);
  applyRef.current = apply;
  useEffect(() => {
    const d = po.data;
    if (!d || applied.current === d.id) return;
    applied.current = d.id;
    const due = d.lines.filter((l) => l.openMilli > 0);
    applyRef.current(
      { id: d.supplier.id, name: d.supplier.name },
      due.map((l) => ({
        ...newLine({ id: l.item.id, sku: l.item.sku, name: l.item.name, kind: l.item.kind, unit: l.item.unit }),
        quantity: fmt.qtyInput(l.openMilli, l.item.unit),
        unitCost: l.unitPriceMicros === null ? '' : fmt.decimalInput(l.unitPriceMicros, 6),
        purchaseOrderLineId: l.id,
      })),
    );
  }, [po.data, fmt]);
  return { po: poId > 0 ? (po.data ?? null) : null, query: po };
}

export function PurchaseOrderBanner({ po }: { po: PurchaseOrder | null }) {
  const { t } = useI18n();
  if (!po) return null;
  return (
    <Alert color="blue" variant="light" icon={<IconInfo size={18} />} mb="md" data-testid="receive-po-banner">
      {t('purchasing.receive.banner', { number: po.number, supplier: po.supplier.name })}{' '}
      <Link to={`/purchasing/${po.id}`} size="sm">
        {po.number}
      </Link>
    </Alert>
  );
}
