/**
 * "Export for the accountant": choose a month → the month's FatturaPA files as one ZIP and
 * the register as CSV (in the user's Excel format), both downloaded. Every file takes a
 * new progressivo and issued invoices become sent; a document the SdI would reject stops
 * the whole export, naming the invoice and the field.
 */
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useApiCommand, type Out } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { downloadBase64 } from '../../components/pdfFiles';
import { useI18n } from '../../i18n/I18nProvider';
import { monthOptions, previousMonth, thisMonth } from './months';

/** 'invoices.1/2026.DatiGeneraliDocumento/Data' → '1/2026 · DatiGeneraliDocumento/Data': the invoice first, the file's field after. */
function invoiceOfPath(path: string): string {
  const [head, number, ...rest] = path.split('.');
  return head === 'invoices' && number ? [number, rest.join('.')].filter(Boolean).join(' · ') : path;
}

export function ExportMonthButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)} data-testid="invoices-export">
        {t('invoices.export')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} size="lg" title={<Text fw={650}>{t('invoices.export.title')}</Text>} data-testid="invoices-export-dialog">
        {open ? <ExportForm onDone={() => setOpen(false)} /> : null}
      </Modal>
    </>
  );
}

type Exported = Out<'invoicing.exportMonth'>;

function ExportForm({ onDone }: { onDone(): void }) {
  const { t, lang, locale } = useI18n();
  const [month, setMonth] = useState(previousMonth(thisMonth()));
  const [done, setDone] = useState<Exported | null>(null);
  // the ZIP downloads at once; the register with its own click (a browser lets a page start one download by itself)
  const run = useApiCommand('invoicing.exportMonth', {
    onSuccess: (out) => {
      downloadBase64(out.zip.base64, out.zip.contentType, out.zip.fileName);
      notifySaved(t('invoices.export.done', { count: out.files.length, file: out.zip.fileName }));
      setDone(out);
    },
  });
  if (done) {
    return (
      <Stack gap="sm" data-testid="invoices-export-done">
        <Text size="sm">{t('invoices.export.done', { count: done.files.length, file: done.zip.fileName })}</Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {done.files.map((f) => `${f.number} → ${f.fileName}`).join(' · ')}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => downloadBase64(done.zip.base64, done.zip.contentType, done.zip.fileName)} data-testid="invoices-export-zip">
            {t('invoices.export.zipAgain')}
          </Button>
          <Button variant="default" onClick={() => downloadBase64(done.register.base64, done.register.contentType, done.register.fileName)} data-testid="invoices-export-register">
            {t('invoices.export.register')}
          </Button>
          <Button onClick={onDone} data-testid="invoices-export-close">
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm">{t('invoices.export.body')}</Text>
      <Select label={t('invoices.export.month')} data={monthOptions(locale, 24)} value={month} onChange={(v) => v && setMonth(v)} allowDeselect={false} w={240} data-testid="invoices-export-month" />
      {run.error ? <ErrorAlert error={run.error} testId="invoices-export-error" fieldLabel={invoiceOfPath} /> : null}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => run.mutate({ month, locale: lang })} loading={run.isPending} data-testid="invoices-export-run">
          {t('invoices.export.download')}
        </Button>
      </Group>
    </Stack>
  );
}
