/**
 * An issued invoice's files: the courtesy PDF (in the customer's language; the XML is the
 * legal document) opened in a tab, and the FatturaPA XML — a new file with a new
 * progressivo each time, which marks the invoice sent (a corrected rejected one too).
 */
import { Menu } from '@mantine/core';
import type { InvoiceDetail } from '../../../src-shared/contract/invoicing';
import { call } from '../../api/client';
import { useApiCommand } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { notifyError, notifySaved } from '../../components/notify';
import { downloadBase64 } from '../../components/pdfFiles';
import { useI18n } from '../../i18n/I18nProvider';
import { PdfButton } from '../shipments/DocumentButtons';

export function InvoicePdfButton({ inv }: { inv: InvoiceDetail }) {
  const { t } = useI18n();
  return <PdfButton label={t('invoice.action.pdf')} testId="invoice-pdf" fetch={() => call('invoicing.pdf', { id: inv.id })} />;
}

/** "Download XML" in the page's ⋯ menu. */
export function XmlMenuItem({ inv }: { inv: InvoiceDetail }) {
  const { t } = useI18n();
  const xml = useApiCommand('invoicing.exportXml', {
    onSuccess: (f) => {
      downloadBase64(f.base64, f.contentType, f.fileName);
      notifySaved(t('invoice.action.xmlDone', { file: f.fileName }));
    },
    onError: (err) => notifyError(t('invoice.action.xml'), errorText(err, t)),
  });
  return (
    <Menu.Item onClick={() => xml.mutate({ id: inv.id })} disabled={xml.isPending} data-testid="invoice-xml">
      {t('invoice.action.xml')}
    </Menu.Item>
  );
}
