/**
 * "Invoice" where a shipped order or a confirmed shipment is shown: a draft immediate
 * invoice (TD01) of the order's DDTs not invoiced yet, opened to be checked and issued.
 * A DDT already in an invoice (the month's deferred one) is refused by the server, which
 * says which.
 */
import { Button } from '@mantine/core';
import type { Shipment } from '../../../src-shared/contract/shipping';
import { useApiCommand } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { notifyError, notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';

export function InvoiceOrderButton({ orderId, variant = 'default' }: { orderId: number; variant?: 'default' | 'light' }) {
  const { t } = useI18n();
  const create = useApiCommand('invoicing.createFromOrder', {
    onSuccess: (inv) => {
      notifySaved(t('invoice.fromOrder.done'));
      navigate(`/invoices/${inv.id}`);
    },
    onError: (err) => notifyError(t('invoice.fromOrder'), errorText(err, t)),
  });
  return (
    <Button variant={variant} title={t('invoice.fromOrder.hint')} loading={create.isPending} onClick={() => create.mutate({ orderId })} data-testid="invoice-from-order">
      {t('invoice.fromOrder')}
    </Button>
  );
}

/** On a confirmed shipment of one order. */
export function InvoiceShipmentButton({ s }: { s: Shipment }) {
  if (s.state !== 'confirmed' || s.orders.length !== 1) return null;
  return <InvoiceOrderButton orderId={s.orders[0]!.id} />;
}
