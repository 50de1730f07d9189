/**
 * "Print labels" for a lot, a completed production order or a shipment: choose the
 * label kind, copies and layout (proposed from Settings), see the PDF in the dialog,
 * then open it in a new tab to print, or download it.
 */
import { useEffect, useState } from 'react';
import { Button, Group, Modal, NativeSelect, NumberInput, Stack, Text } from '@mantine/core';
import { LABEL_LAYOUTS, type LabelLayoutId } from '../../src-shared/contract/labels';
import { call } from '../api/client';
import { useApiQuery, type Out } from '../api/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from './errors';
import { base64Blob, downloadUrl } from './pdfFiles';
import type { ApiError } from '../api/client';
import { QueryError } from './QueryState';

export type LabelSource = { kind: 'lot'; lotId: number } | { kind: 'production'; productionId: number } | { kind: 'shipment'; shipmentId: number };
type LabelKind = 'product' | 'case' | 'shipping';
type Pdf = Out<'labels.lotPdf'>;

function fetchLabels(source: LabelSource, o: { kind: LabelKind; copies: number | null; unitsPerCase: number | null; layout: LabelLayoutId; skip: number }): Promise<Pdf> {
  const common = { layout: o.layout, skip: o.layout === 'a4_3x8' ? o.skip : 0 };
  const kind = o.kind === 'case' ? ('case' as const) : ('product' as const);
  const perCase = o.kind === 'case' && o.unitsPerCase ? { unitsPerCase: o.unitsPerCase } : {};
  if (source.kind === 'shipment') return call('labels.shipmentPdf', { shipmentId: source.shipmentId, ...common });
  if (source.kind === 'production') return call('labels.productionPdf', { productionId: source.productionId, kind, ...(o.copies ? { copies: o.copies } : {}), ...common });
  return call('labels.lotPdf', { lotId: source.lotId, kind, copies: o.copies ?? 1, ...perCase, ...common });
}

export function PrintLabelsDialog({ source, opened, onClose }: { source: LabelSource; opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const settings = useApiQuery('labels.settings', {}, { enabled: opened });
  const fixedKind = source.kind === 'shipment';
  const [kind, setKind] = useState<LabelKind>(fixedKind ? 'shipping' : 'product');
  const [layout, setLayout] = useState<LabelLayoutId | null>(null);
  const [copies, setCopies] = useState<string | number>(source.kind === 'lot' ? 1 : '');
  const [perCase, setPerCase] = useState<string | number>('');
  const [skip, setSkip] = useState<string | number>(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [preview, setPreview] = useState<{ url: string; pdf: Pdf } | null>(null);

  useEffect(() => {
    if (settings.data && layout === null) setLayout(settings.data[kind]);
  }, [settings.data, layout, kind]);
  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview.url);
  }, [preview]);

  const num = (v: string | number) => (v === '' ? null : Number(v));
  const run = async () => {
    if (!layout) return;
    setBusy(true);
    setError(null);
    try {
      const pdf = await fetchLabels(source, { kind, copies: num(copies), unitsPerCase: num(perCase), layout, skip: num(skip) ?? 0 });
      setPreview({ url: URL.createObjectURL(base64Blob(pdf.base64, 'application/pdf')), pdf });
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const changeKind = (k: LabelKind) => {
    setKind(k);
    if (settings.data) setLayout(settings.data[k]);
    setPreview(null);
  };

  return (
    <Modal opened={opened} onClose={onClose} size={preview ? '90%' : 'md'} title={<Text fw={650}>{t('labels.dialog.title')}</Text>}>
      <QueryError query={settings} compact />
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Stack gap="sm" style={{ width: 300, flex: 'none' }}>
          {!fixedKind ? (
            <NativeSelect
              label={t('labels.kind')}
              value={kind}
              onChange={(e) => changeKind(e.currentTarget.value as LabelKind)}
              data={(['product', 'case'] as const).map((k) => ({ value: k, label: t(`labels.kind.${k}`) }))}
              data-testid="labels-kind"
            />
          ) : null}
          <NativeSelect
            label={t('labels.layout')}
            value={layout ?? ''}
            onChange={(e) => {
              setLayout(e.currentTarget.value as LabelLayoutId);
              setPreview(null);
            }}
            data={LABEL_LAYOUTS.map((l) => ({ value: l, label: t(`labels.layout.${l}`) }))}
            data-testid="labels-layout"
          />
          {!fixedKind ? <NumberInput label={t('labels.copies')} value={copies} onChange={setCopies} min={1} max={5000} allowDecimal={false} allowNegative={false} data-testid="labels-copies" /> : null}
          {kind === 'case' && source.kind === 'lot' ? (
            <NumberInput label={t('labels.unitsPerCase')} value={perCase} onChange={setPerCase} min={1} allowDecimal={false} allowNegative={false} data-testid="labels-per-case" />
          ) : null}
          {layout === 'a4_3x8' ? <NumberInput label={t('labels.skip')} value={skip} onChange={setSkip} min={0} max={23} allowDecimal={false} allowNegative={false} data-testid="labels-skip" /> : null}
          {error ? <ErrorAlert error={error} /> : null}
          <Button onClick={() => void run()} loading={busy} disabled={!layout} data-testid="labels-preview">
            {t('labels.preview')}
          </Button>
          {preview ? (
            <>
              <Text size="sm" data-testid="labels-summary">
                {t('labels.summary', { count: preview.pdf.labels, pages: preview.pdf.pages })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('labels.previewHint')}
              </Text>
              <Button variant="default" onClick={() => window.open(preview.url, '_blank')} data-testid="labels-open">
                {t('labels.openTab')}
              </Button>
              <Button variant="default" onClick={() => downloadUrl(preview.url, preview.pdf.fileName)} data-testid="labels-download">
                {t('labels.download')}
              </Button>
            </>
          ) : null}
        </Stack>
        {preview ? <iframe src={preview.url} title={t('labels.preview')} style={{ flex: 1, height: '70vh', border: '1px solid var(--mantine-color-gray-3)' }} data-testid="labels-frame" /> : null}
      </Group>
    </Modal>
  );
}

export function PrintLabelsButton({ source, variant = 'default' }: { source: LabelSource; variant?: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)} data-testid="print-labels">
        {t('labels.print')}
      </Button>
      {open ? <PrintLabelsDialog source={source} opened={open} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
