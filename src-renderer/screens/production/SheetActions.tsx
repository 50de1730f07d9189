/**
 * The production sheet PDF (production.sheetPdf): opened in a new tab as a blob, or
 * downloaded. Where a new tab is not allowed (the desktop window blocks new windows),
 * the sheet is shown in a dialog instead.
 */
import { useEffect, useState } from 'react';
import { ActionIcon, Button, Group, Modal, Text, Tooltip } from '@mantine/core';
import { call } from '../../api/client';
import { errorText } from '../../components/errors';
import { notifyError } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';

const PrintIcon = () => (
  <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <path d="M7 9V3h10v6M7 18H5a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2" />
    <rect x="7" y="14" width="10" height="7" rx="1" />
  </svg>
);
const DownloadIcon = () => (
  <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
  </svg>
);

export function pdfBlob(base64: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

export function SheetActions({ id, number }: { id: number; number: string }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<'open' | 'download' | null>(null);
  const [inline, setInline] = useState<string | null>(null);
  useEffect(() => () => {
    if (inline) URL.revokeObjectURL(inline);
  }, [inline]);

  const fetchSheet = async () => {
    const out = await call('production.sheetPdf', { id, language: lang });
    return { fileName: out.fileName, url: URL.createObjectURL(pdfBlob(out.base64)) };
  };
  const run = async (what: 'open' | 'download') => {
    setBusy(what);
    try {
      const { fileName, url } = await fetchSheet();
      if (what === 'open') {
        const win = window.open(url, '_blank');
        if (!win) setInline(url);
        else setTimeout(() => URL.revokeObjectURL(url), 60_000);
      } else {
        const a = document.createElement('a');
        a.href = url;
        a.download = fileName;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
    } catch (err) {
      notifyError(t('error.title'), errorText(err, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Group gap={0} wrap="nowrap" style={{ flex: 'none' }}>
        <Button
          variant="default"
          leftSection={<PrintIcon />}
          loading={busy === 'open'}
          onClick={() => void run('open')}
          title={t('production.action.sheet')}
          data-testid="po-sheet"
          style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
        >
          {t('production.action.sheetShort')}
        </Button>
        <Tooltip label={t('production.action.download')}>
          <ActionIcon
            variant="default"
            size={36}
            loading={busy === 'download'}
            onClick={() => void run('download')}
            aria-label={t('production.action.download')}
            data-testid="po-sheet-download"
            style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, marginLeft: -1 }}
          >
            <DownloadIcon />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Modal opened={inline !== null} onClose={() => setInline(null)} size="90%" title={<Text fw={650}>{t('production.sheet.title', { number })}</Text>}>
        <Text size="xs" c="dimmed" mb="xs">
          {t('production.sheet.blocked')}
        </Text>
        {inline ? <iframe src={inline} title={t('production.sheet.title', { number })} style={{ width: '100%', height: '75vh', border: 0 }} /> : null}
      </Modal>
    </>
  );
}
