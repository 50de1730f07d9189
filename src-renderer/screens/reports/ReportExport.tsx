/** CSV (Excel, in the user's language) and the one-page PDF of the report on screen, made by the main process. */
import { useState } from 'react';
import { Button } from '@mantine/core';
import type { z } from 'zod';
import type { kpisInput } from '../../../src-shared/contract/reports';
import { call } from '../../api/client';
import { errorText } from '../../components/errors';
import { notifyError } from '../../components/notify';
import { downloadBase64 } from '../../components/pdfFiles';
import { useI18n } from '../../i18n/I18nProvider';

export function ReportExport({ input, disabled }: { input: z.input<typeof kpisInput>; disabled: boolean }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<'pdf' | 'csv' | null>(null);
  const run = async (what: 'pdf' | 'csv') => {
    setBusy(what);
    try {
      const out = await call(what === 'pdf' ? 'reports.kpisPdf' : 'reports.kpisCsv', { ...input, language: lang });
      downloadBase64(out.base64, out.contentType, out.fileName);
    } catch (err) {
      notifyError(t('error.title'), errorText(err, t));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button variant="default" disabled={disabled} loading={busy === 'csv'} onClick={() => void run('csv')} data-testid="report-csv">
        {t('reports.exportCsv')}
      </Button>
      <Button variant="default" disabled={disabled} loading={busy === 'pdf'} onClick={() => void run('pdf')} data-testid="report-pdf">
        {t('reports.exportPdf')}
      </Button>
    </>
  );
}
