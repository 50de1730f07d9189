/**
 * An open batch on the floor (released or in progress): scan each lot taken, see it tick
 * off against the release, correct the quantities used, type the quantity made, start
 * and complete through production.start / production.complete. The scan field takes the
 * focus back after every scan, so the scanner can be used without touching the screen.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Grid, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ProductionOrder } from '../../../src-shared/contract/production';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { useApiCommand } from '../../api/hooks';
import { ErrorAlert, errorText } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { areaFieldErrors } from '../orders/orderBits';
import { addSubstitute, floorMaterials, initialRows, removeSubstitute, replaceable, rowsOfLot, tickLot, usedRows, type FloorLotRow } from './floorRows';
import { MaterialLots } from './MaterialLots';
import { ScanBox, type ScanBoxHandle, type ScanMessage } from './ScanBox';
import { lookUpScan, type ScanResult } from './scanLookup';
import { okMessage, refusal, refusedLines } from './scanMessages';
import { useScannerCapture } from '../inventory/scan';

function variance(actual: number, planned: number, number: (n: number) => string): string {
  const bp = Math.round(((actual - planned) * 10_000) / planned);
  return `${bp > 0 ? '+' : ''}${number(bp / 100)} %`;
}

export function FloorWork({ po }: { po: ProductionOrder }) {
  const { t, fmt } = useI18n();
  const wide = useMediaQuery('(min-width: 75em)');
  const unitOf = (itemId: number) => po.components.find((c) => c.item.id === itemId)?.item.unit ?? 'pcs';
  const [rows, setRows] = useState<FloorLotRow[]>(() => initialRows(po, fmt.qtyInput));
  // what the rows are now, for a scan checked after the render that queued it
  const rowsNow = useRef(rows);
  useEffect(() => {
    rowsNow.current = rows;
  }, [rows]);
  const [message, setMessage] = useState<ScanMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const [output, setOutput] = useState(fmt.qtyInput(po.plannedQtyMilli, po.item.unit));
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<string[]>([]);
  const [unticked, setUnticked] = useState<string[] | null>(null);
  const scanBox = useRef<ScanBoxHandle>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const materials = useMemo(() => floorMaterials(po), [po]);

  const start = useApiCommand('production.start', { onSuccess: (out) => notifySaved(t('floor.started', { number: out.number })) });
  const complete = useApiCommand('production.complete', {
    onSuccess: (out) => notifySaved(t('production.complete.done', { number: out.number, lot: out.outputLot?.code ?? '' })),
  });

  const itemName = (itemId: number) => po.components.find((c) => c.item.id === itemId)?.item.name ?? '';
  const qtyOfItem = (itemId: number) => (milli: number) => fmt.qtyInput(milli, unitOf(itemId));

  const show = (r: ScanResult) => {
    if (r.kind === 'empty') return;
    if (r.kind === 'no_lot') return setMessage(refusal(t, [t('floor.scan.noLot', { text: r.text })]));
    const m = r.match;
    if (m.kind === 'reserved' || m.kind === 'substitute') {
      // a lot the batch already counts (reserved, or a substitute accepted before) ticks off
      const known = rowsOfLot(rowsNow.current, m.lotId);
      if (m.kind === 'reserved' || known.length > 0) {
        const again = known.length > 0 && known.every((x) => x.ticked && x.replacedBy === null);
        setRows((rs) => tickLot(rs, m.lotId, qtyOfItem(m.itemId)));
        return setMessage(okMessage(t(again ? 'floor.scan.again' : 'floor.scan.ok', { lot: m.lotCode, item: itemName(m.itemId) })));
      }
    }
    const lines = refusedLines(t, fmt, po, m);
    if (m.kind !== 'substitute') return setMessage(refusal(t, lines));
    const replaces = replaceable(rowsNow.current, m.itemId);
    const accept = () => {
      setRows((rs) => addSubstitute(rs, m, r.lot?.expiresOn ?? null));
      setMessage({ tone: 'info', lines: [t('floor.scan.substituted', { lot: m.lotCode })] });
      scanBox.current?.focus();
    };
    const label = replaces ? t('floor.scan.useInstead', { lot: m.lotCode, reserved: replaces.lotCode }) : t('floor.scan.useExtra', { lot: m.lotCode });
    setMessage(refusal(t, lines, { label, run: accept }));
  };

  // scans are checked one after the other, in the order they were read
  const onScan = (raw: string) => {
    queue.current = queue.current.then(async () => {
      setBusy(true);
      try {
        show(await lookUpScan(raw, materials));
      } catch (err) {
        setMessage(refusal(t, [t('floor.scan.failed'), errorText(err, t)]));
      } finally {
        setBusy(false);
        scanBox.current?.focus();
      }
    });
  };

  // a scan while the focus is elsewhere (after touching a button) is caught all the same
  useScannerCapture(onScan);

  const errs = areaFieldErrors(complete.error, t);
  const rowErrors: Record<string, string> = { ...missing };
  sent.forEach((key, i) => {
    const e = errs[`consumption.${i}.quantity`] ?? errs[`consumption.${i}.lotId`];
    if (e && !rowErrors[key]) rowErrors[key] = e;
  });

  const submit = (anyway: boolean) => {
    const used = usedRows(rows, unitOf);
    const m: Record<string, string> = {};
    for (const r of used) if (r.quantity.trim() === '') m[r.key] = t('production.complete.qtyRequired');
    setMissing(m);
    if (Object.keys(m).length > 0) return;
    const notTicked = used.filter((r) => !r.ticked).map((r) => r.lotCode);
    if (!anyway && notTicked.length > 0) return setUnticked(notTicked);
    setUnticked(null);
    setSent(used.map((r) => r.key));
    complete.mutate({ id: po.id, consumption: used.map((r) => ({ lotId: r.lotId, quantity: r.quantity })), outputQuantity: output, notes: '' });
  };

  let actual: number | null = null;
  try {
    actual = parseQuantity(output, po.item.unit);
  } catch {
    actual = null;
  }

  const scan = <ScanBox ref={scanBox} onScan={onScan} busy={busy} message={message} />;
  const lots = (
    <MaterialLots
      po={po}
      rows={rows}
      errors={rowErrors}
      onQty={(key, text) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, quantity: text } : r)))}
      onRemove={(key) => setRows((rs) => removeSubstitute(rs, key, qtyOfItem(rs.find((r) => r.key === key)?.itemId ?? 0)))}
    />
  );
  const finish = (
    <Paper withBorder radius="md" p="md" data-testid="floor-finish">
      <Stack gap="sm">
        {complete.error ? <ErrorAlert error={complete.error} shownFields={['outputQuantity', ...sent.flatMap((_, i) => [`consumption.${i}.quantity`, `consumption.${i}.lotId`])]} testId="floor-complete-error" /> : null}
        {start.error ? <ErrorAlert error={start.error} testId="floor-start-error" /> : null}
        <TextInput
          label={t('floor.output')}
          description={t('floor.output.hint', { planned: fmt.qty(po.plannedQtyMilli, po.item.unit) })}
          value={output}
          onChange={(e) => setOutput(e.currentTarget.value)}
          error={errs.outputQuantity}
          size="lg"
          inputMode="decimal"
          data-testid="floor-output"
        />
        {actual !== null && actual > 0 ? (
          <Text size="sm" c={actual < po.plannedQtyMilli ? 'orange.8' : actual > po.plannedQtyMilli ? 'teal.8' : 'dimmed'} data-testid="floor-variance">
            {t('production.complete.variance', { pct: variance(actual, po.plannedQtyMilli, fmt.number) })}
          </Text>
        ) : null}
        {po.status === 'released' ? (
          <Button size="xl" variant="default" fullWidth loading={start.isPending} onClick={() => start.mutate({ id: po.id })} data-testid="floor-start">
            {t('floor.start')}
          </Button>
        ) : null}
        <Button size="xl" color="teal" fullWidth loading={complete.isPending} onClick={() => submit(false)} data-testid="floor-complete">
          {t('floor.complete')}
        </Button>
      </Stack>
    </Paper>
  );

  return (
    <>
      {wide ? (
        <Grid gap="md">
          <Grid.Col span={5}>
            <Stack gap="md" style={{ position: 'sticky', top: 68 }}>
              {scan}
              {finish}
            </Stack>
          </Grid.Col>
          <Grid.Col span={7}>{lots}</Grid.Col>
        </Grid>
      ) : (
        <Stack gap="md">
          {scan}
          {lots}
          {finish}
        </Stack>
      )}
      <Modal opened={unticked !== null} onClose={() => setUnticked(null)} title={<Text fw={650}>{t('floor.complete.unticked.title')}</Text>} data-testid="floor-unticked">
        <Text mb="md">{t('floor.complete.unticked.body', { lots: (unticked ?? []).join(', ') })}</Text>
        <Stack gap="sm">
          <Button size="lg" color="teal" onClick={() => submit(true)} data-testid="floor-complete-anyway">
            {t('floor.complete.anyway')}
          </Button>
          <Button size="lg" variant="default" onClick={() => setUnticked(null)}>
            {t('floor.complete.back')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
