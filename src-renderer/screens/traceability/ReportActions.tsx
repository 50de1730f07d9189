/** The recall report of the traced lot: PDF (printable) and CSV (Excel), downloaded as files. */
import { useState } from 'react';
import { Button } from '@mantine/core';
import { call } from '../../api/client';
import { errorText } from '../../components/errors';
import { notifyError } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';

function download(fileName: string, contentType: string, base64: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReportActions({ lotId }: { lotId: number }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<'pdf' | 'csv' | null>(null);
  const run = async (what: 'pdf' | 'csv') => {
    setBusy(what);
    try {
      const out = what === 'pdf' ? await call('trace.recallReportPdf', { lotId, language: lang }) : await call('trace.recallReportCsv', { lotId, locale: lang });
      download(out.fileName, out.contentType, out.base64);
    } catch (err) {
      notifyError(t('error.title'), errorText(err, t));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button variant="default" loading={busy === 'pdf'} onClick={() => void run('pdf')} data-testid="trace-report-pdf">
        {t('trace.report.pdf')}
      </Button>
      <Button variant="default" loading={busy === 'csv'} onClick={() => void run('csv')} data-testid="trace-report-csv">
        {t('trace.report.csv')}
      </Button>
    </>
  );
}
