/**
 * The purchase order PDF: "Send" marks a draft as sent and opens the PDF (to attach to an
 * email or print); the download button saves it. Shown in a dialog where new tabs are blocked.
 */
import { useEffect, useState } from 'react';
import { ActionIcon, Button, Group, Modal, Text, Tooltip } from '@mantine/core';
import type { PurchaseOrder } from '../../../src-shared/contract/purchasing';
import { call } from '../../api/client';
import { useApiCommand } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { notifyError, notifySaved } from '../../components/notify';
import { downloadPdf, openPdf } from '../../components/pdfFile';
import { useI18n } from '../../i18n/I18nProvider';

const DownloadIcon = () => (
  <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
  </svg>
);

export function PoPdfActions({ po }: { po: PurchaseOrder }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<'send' | 'download' | null>(null);
  const [inline, setInline] = useState<string | null>(null);
  useEffect(() => () => {
    if (inline) URL.revokeObjectURL(inline);
  }, [inline]);
  const send = useApiCommand('purchasing.send');

  const run = async (what: 'send' | 'download') => {
    setBusy(what);
    try {
      if (what === 'send' && po.status === 'draft') {
        await send.mutateAsync({ id: po.id });
        notifySaved(t('purchasing.sent', { number: po.number }));
      }
      // in the supplier's language: the PDF is for them
      const pdf = await call('purchasing.pdf', { id: po.id });
      if (what === 'download') downloadPdf(pdf.base64, pdf.fileName);
      else setInline(openPdf(pdf.base64));
    } catch (err) {
      notifyError(t('error.title'), errorText(err, t));
    } finally {
      setBusy(null);
    }
  };
  const sendable = po.status !== 'cancelled';

  return (
    <>
      <Group gap={0} wrap="nowrap" style={{ flex: 'none' }}>
        <Button
          variant={po.status === 'draft' ? 'filled' : 'default'}
          loading={busy === 'send'}
          disabled={!sendable}
          onClick={() => void run('send')}
          title={t('purchasing.action.send')}
          data-testid="po-send"
          style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
        >
          {po.status === 'draft' ? t('purchasing.action.sendShort') : t('purchasing.action.pdf')}
        </Button>
        <Tooltip label={t('purchasing.action.download')}>
          <ActionIcon
            variant="default"
            size={36}
            loading={busy === 'download'}
            onClick={() => void run('download')}
            aria-label={t('purchasing.action.download')}
            data-testid="po-pdf-download"
            style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, marginLeft: -1 }}
          >
            <DownloadIcon />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Modal opened={inline !== null} onClose={() => setInline(null)} size="90%" title={<Text fw={650}>{t('purchasing.pdf.title', { number: po.number })}</Text>}>
        <Text size="xs" c="dimmed" mb="xs">
          {t('purchasing.pdf.blocked')}
        </Text>
        {inline ? <iframe src={inline} title={t('purchasing.pdf.title', { number: po.number })} style={{ width: '100%', height: '75vh', border: 0 }} /> : null}
      </Modal>
    </>
  );
}
