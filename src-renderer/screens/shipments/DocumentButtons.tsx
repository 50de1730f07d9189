/**
 * The shipment's printouts: the DDT (as issued, from its frozen copy) and the packing
 * slip. Opened in a new tab as a PDF; where the window may not open tabs (the desktop
 * app blocks new windows), shown in a dialog — the same way as the production sheet.
 */
import { useEffect, useState } from 'react';
import { Button, Modal, Text } from '@mantine/core';
import { call } from '../../api/client';
import { errorText } from '../../components/errors';
import { notifyError } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { pdfBlob } from '../production/SheetActions';

type Fetch = () => Promise<{ fileName: string; base64: string }>;

/**
 * Opens a PDF in a new tab, or in a dialog where tabs are blocked: `open` for a button or
 * a menu item, `dialog` to render beside it.
 */
export function usePdfOpener(label: string, fetch: Fetch) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [inline, setInline] = useState<string | null>(null);
  useEffect(() => () => {
    if (inline) URL.revokeObjectURL(inline);
  }, [inline]);
  const open = async () => {
    setBusy(true);
    try {
      const out = await fetch();
      const url = URL.createObjectURL(pdfBlob(out.base64));
      const win = window.open(url, '_blank');
      if (!win) setInline(url);
      else setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      notifyError(t('error.title'), errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const dialog = (
    <Modal opened={inline !== null} onClose={() => setInline(null)} size="90%" title={<Text fw={650}>{label}</Text>}>
      <Text size="xs" c="dimmed" mb="xs">
        {t('shipping.pdf.blocked')}
      </Text>
      {inline ? <iframe src={inline} title={label} style={{ width: '100%', height: '75vh', border: 0 }} /> : null}
    </Modal>
  );
  return { open, busy, dialog };
}

/** `size`: the packing station's touch-sized buttons; the office screens keep the default */
export function PdfButton({ label, fetch, testId, variant = 'default', size }: { label: string; fetch: Fetch; testId: string; variant?: 'default' | 'filled'; size?: 'lg' }) {
  const pdf = usePdfOpener(label, fetch);
  return (
    <>
      <Button variant={variant} size={size} loading={pdf.busy} onClick={() => void pdf.open()} data-testid={testId}>
        {label}
      </Button>
      {pdf.dialog}
    </>
  );
}

/**
 * The DDT: in the desktop app its saved copy opens in the system viewer; in browser mode
 * (or when no viewer answers) the PDF opens in a tab like any other document.
 */
export function DdtButton({ shipmentId, returnId, label, testId, size }: { shipmentId?: number; returnId?: number; label: string; testId: string; size?: 'lg' }) {
  const which = shipmentId !== undefined ? { shipmentId } : { returnId };
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  if (window.bottega?.invoke) {
    const open = async () => {
      setBusy(true);
      try {
        const r = await call('shipping.openDdt', which);
        if (!r.opened) notifyError(t('error.title'), r.savedPath ?? '');
      } catch (err) {
        notifyError(t('error.title'), errorText(err, t));
      } finally {
        setBusy(false);
      }
    };
    return (
      <Button size={size} loading={busy} onClick={() => void open()} data-testid={testId}>
        {label}
      </Button>
    );
  }
  return <PdfButton label={label} testId={testId} size={size} variant="filled" fetch={() => call('shipping.ddtPdf', which)} />;
}
