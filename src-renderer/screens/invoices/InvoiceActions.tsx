/**
 * What an invoice can do in its state, in its page's header: the next step as the main
 * button (issue a draft, mark sent, mark delivered, correct a rejected one), a payment
 * while something is due, and the rest behind "⋯" (rejected, credit note, delete a draft).
 */
import { useEffect, useState } from 'react';
import { Button, Menu } from '@mantine/core';
import type { InvoiceDetail } from '../../../src-shared/contract/invoicing';
import { useApiCommand } from '../../api/hooks';
import { MoreActions } from '../../components/MoreActions';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { ReasonDialog } from '../orders/ReasonDialog';
import { CreditNoteDialog } from './CreditNoteDialog';
import { InvoicePdfButton, XmlMenuItem } from './InvoiceDocuments';

/** `onError` hands the failed command's error to the page, which shows it under its header (a missing fiscal field is named there). */
export function InvoiceActions({ inv, onPay, onError }: { inv: InvoiceDetail; onPay: (() => void) | null; onError(error: unknown): void }) {
  const { t } = useI18n();
  const [rejectOpen, setRejectOpen] = useState(false);
  const [creditOpen, setCreditOpen] = useState(false);
  const done = (after: InvoiceDetail) => notifySaved(t('invoice.action.done', { state: t(`invoice.state.${after.state}`) }));
  const issue = useApiCommand('invoicing.issue', { onSuccess: (after) => notifySaved(t('invoice.action.issued', { kind: t(`invoice.kind.${after.kind}`), number: after.number ?? '' })) });
  const sent = useApiCommand('invoicing.markSent', { onSuccess: done });
  const delivered = useApiCommand('invoicing.markDelivered', { onSuccess: done });
  const reissue = useApiCommand('invoicing.reissueRejected', { onSuccess: done });
  const reject = useApiCommand('invoicing.markRejected', {
    onSuccess: (after) => {
      setRejectOpen(false);
      done(after);
    },
  });
  const remove = useApiCommand('invoicing.deleteDraft', { onSuccess: () => navigate('/invoices', { replace: true }) });
  const error = issue.error ?? sent.error ?? delivered.error ?? reissue.error ?? remove.error;
  useEffect(() => onError(error), [error, onError]);
  const id = inv.id;
  const issued = inv.state !== 'draft';
  const canCredit = inv.kind !== 'TD04' && issued && inv.state !== 'rejected';

  const main = (() => {
    switch (inv.state) {
      case 'draft':
        return (
          <Button onClick={() => issue.mutate({ id })} loading={issue.isPending} data-testid="invoice-issue">
            {t('invoice.action.issue')}
          </Button>
        );
      case 'issued':
        return (
          <Button variant="light" onClick={() => sent.mutate({ id })} loading={sent.isPending} data-testid="invoice-mark-sent">
            {t('invoice.action.sent')}
          </Button>
        );
      case 'sent':
        return (
          <Button variant="light" onClick={() => delivered.mutate({ id })} loading={delivered.isPending} data-testid="invoice-mark-delivered">
            {t('invoice.action.delivered')}
          </Button>
        );
      case 'rejected':
        return (
          <Button onClick={() => reissue.mutate({ id })} loading={reissue.isPending} data-testid="invoice-reissue">
            {t('invoice.action.resend')}
          </Button>
        );
      default:
        return null;
    }
  })();

  return (
    <>
      {issued ? <InvoicePdfButton inv={inv} /> : null}
      {onPay && inv.kind !== 'TD04' && issued ? (
        <Button variant="default" onClick={onPay} data-testid="invoice-pay">
          {t('invoice.action.payment')}
        </Button>
      ) : null}
      {main}
      <MoreActions testId="invoice-more">
        {issued && inv.state !== 'rejected' ? <XmlMenuItem inv={inv} /> : null}
        {inv.state === 'sent' ? (
          <Menu.Item color="red" onClick={() => setRejectOpen(true)} data-testid="invoice-mark-rejected">
            {t('invoice.action.rejected')}
          </Menu.Item>
        ) : null}
        {inv.state === 'rejected' ? (
          <Menu.Item onClick={() => sent.mutate({ id })} data-testid="invoice-mark-sent-again">
            {t('invoice.action.sent')}
          </Menu.Item>
        ) : null}
        {canCredit ? (
          <Menu.Item onClick={() => setCreditOpen(true)} data-testid="invoice-credit-note">
            {t('invoice.action.creditNote')}
          </Menu.Item>
        ) : null}
        {inv.state === 'draft' ? (
          <Menu.Item color="red" onClick={() => remove.mutate({ id })} data-testid="invoice-delete">
            {t('invoice.action.delete')}
          </Menu.Item>
        ) : null}
      </MoreActions>
      <ReasonDialog
        opened={rejectOpen}
        title={t('invoice.reject.title')}
        body={t('invoice.reject.body')}
        reasonLabel={t('invoice.reject.reason')}
        confirmLabel={t('invoice.reject.confirm')}
        keepLabel={t('invoice.reject.keep')}
        pending={reject.isPending}
        error={reject.error}
        onClose={() => setRejectOpen(false)}
        onConfirm={(reason) => reject.mutate({ id, reason })}
        testId="invoice-reject-dialog"
      />
      {canCredit ? <CreditNoteDialog inv={inv} opened={creditOpen} onClose={() => setCreditOpen(false)} /> : null}
    </>
  );
}
