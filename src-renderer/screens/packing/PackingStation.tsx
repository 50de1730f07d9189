/**
 * #/packing/12: packing one order at the bench. The ready lines with their allocated lots;
 * a scan field that keeps the focus; every scan checked (src-shared/domain/packScan.ts)
 * and either counted or refused in red with a buzz; packages and weight; then one touch
 * creates the shipment and confirms it through the same commands as the office
 * (shipping.create, shipping.confirm) and shows the DDT number with its printouts.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Grid, Stack, Text } from '@mantine/core';
import type { Shipment } from '../../../src-shared/contract/shipping';
import { lineProgress, packedShipmentLines } from '../../../src-shared/domain/packScan';
import type { Unit } from '../../../src-shared/domain/units';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconArchive, IconArrowLeft } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { PackLineCard } from './PackLineCard';
import { packLinesOf, type StationLine } from './packLines';
import { PackPanel, type PanelValues } from './PackPanel';
import { ScanFeedback } from './ScanFeedback';
import { ScanField } from './ScanField';
import { ShipDone } from './ShipDone';
import { usePacking } from './usePacking';

function Bench({ orderId, lines, onShipped }: { orderId: number; lines: StationLine[]; onShipped: (s: Shipment) => void }) {
  const { t, fmt } = useI18n();
  const packing = usePacking(orderId, lines);
  const [panel, setPanel] = useState<PanelValues>({ packages: 1, weight: '' });
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [draftId, setDraftId] = useState<number | null>(null);
  const unitOf = (itemId: number): Unit => lines.find((l) => l.item.id === itemId)?.unit ?? 'pcs';
  const linesDone = lines.filter((l) => lineProgress(l, packing.packed).packedMilli >= l.readyMilli).length;
  const picked = packedShipmentLines(lines, packing.packed);
  const highlight = packing.last?.verdict.ok ? packing.last.verdict.orderLineId : null;

  const ship = async () => {
    setError(null);
    setBusy(true);
    const unit = (id: number) => lines.find((l) => l.orderLineId === id)!.unit;
    try {
      // a draft left by a refused confirmation is confirmed again, not saved twice
      const id =
        draftId ??
        (
          await call('shipping.create', {
            lines: picked.map((p) => ({ orderLineId: p.orderLineId, lotId: p.lotId, quantity: fmt.qtyInput(p.qtyMilli, unit(p.orderLineId)) })),
            packages: [{ count: Number(panel.packages) || 1, appearance: t('shipping.new.appearanceDefault'), tare: '' }],
            grossWeight: panel.weight.trim() || undefined,
            transportBy: 'carrier',
            causale: 'vendita',
            notes: '',
          })
        ).id;
      setDraftId(id);
      const done = await call('shipping.confirm', { id });
      // shown first: the order's proposal (now empty) is no longer asked for
      packing.reset();
      onShipped(done);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      // other screens (orders, shipments, stock) see the shipment and the draft, if one was left
      void qc.invalidateQueries();
    }
  };

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="sm">
          <ScanField onScan={(code) => packing.scan(code)} disabled={busy} />
          <ScanFeedback last={packing.last} unitOf={unitOf} />
          <Text fw={650} mt="xs">
            {t('packing.lines')}
          </Text>
          {lines.map((l) => (
            <PackLineCard key={l.orderLineId} line={l} packed={packing.packed} highlight={highlight === l.orderLineId} />
          ))}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="sm" style={{ position: 'sticky', top: 68 }}>
          <PackPanel
            values={panel}
            onChange={setPanel}
            linesDone={linesDone}
            linesTotal={lines.length}
            anyPacked={picked.length > 0}
            busy={busy}
            canUndo={packing.canUndo}
            onUndo={packing.undo}
            onReset={packing.reset}
            onConfirm={() => void ship()}
          />
          {error ? <ErrorAlert error={error} testId="pack-error" /> : null}
          {error && draftId !== null ? (
            <Alert color="orange" variant="light" data-testid="pack-draft-left">
              <Text size="sm" mb="xs">
                {t('packing.confirmFailed')}
              </Text>
              <Button size="sm" variant="default" onClick={() => navigate(`/shipments/${draftId}`)}>
                {t('packing.openDraft')}
              </Button>
            </Alert>
          ) : null}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

export function PackingStation({ orderId }: { orderId: number }) {
  const { t } = useI18n();
  const [shipped, setShipped] = useState<Shipment | null>(null);
  // once shipped, the order's proposal is gone: the done view no longer needs it
  const proposal = useApiQuery('shipping.proposal', { orderIds: [orderId] }, { enabled: shipped === null, refetchOnWindowFocus: false });
  const lines = useMemo(() => (proposal.data ? packLinesOf(proposal.data) : []), [proposal.data]);
  const number = lines[0]?.orderNumber ?? `#${orderId}`;
  return (
    <>
      <PageHeader
        title={t('packing.title', { number: shipped ? shipped.orders.map((o) => o.number).join(', ') : number })}
        subtitle={shipped?.customer.name ?? proposal.data?.customer.name}
        actions={
          <Button size="md" variant="default" leftSection={<IconArrowLeft size={18} />} onClick={() => navigate('/packing')} data-testid="packing-back">
            {t('packing.back')}
          </Button>
        }
      />
      {shipped ? (
        <ShipDone shipment={shipped} />
      ) : (
        <QueryState
          query={proposal}
          isEmpty={(p) => p.lines.length === 0}
          empty={<EmptyScreen icon={<IconArchive size={28} />} title={t('packing.list.empty.title')} description={t('packing.list.empty.body')} testId="packing-nothing" />}
        >
          {() => <Bench orderId={orderId} lines={lines} onShipped={setShipped} />}
        </QueryState>
      )}
    </>
  );
}
