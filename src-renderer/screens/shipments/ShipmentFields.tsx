/**
 * The fields of a shipment, the same for a new one and a saved draft: the lines with their
 * lots and quantities, packages and weight, transport (the start as a locale date and a
 * typed time) and the destination — the customer's shipping address or another one, which
 * the DDT and the labels then print as the place of delivery.
 */
import { useMemo } from 'react';
import { Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { TRANSPORT_BY, type Address, type Shipment, type ShipmentProposal } from '../../../src-shared/contract/shipping';
import { netWeightG } from '../../../src-shared/domain/shipmentWeight';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import type { Unit } from '../../../src-shared/domain/units';
import { DateField } from '../../components/DateField';
import { IconCheck } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import type { Pick, ShipmentFormValues } from './shipmentFormValues';

interface LotOption {
  lotId: number;
  lotCode: string;
  expiresOn: string | null;
  /** free quantity, for lots that are not the line's own */
  qtyMilli: number | null;
}

/** What a form row needs to know about its order line. */
export interface LineInfo {
  orderLineId: number;
  orderNumber: string;
  item: { name: string; sku: string; unit: Unit; netWeightMg: number | null };
  readyMilli: number | null;
  /** the line's own lots (allocated, or already on the draft) first */
  lots: LotOption[];
  otherLots: LotOption[];
}

/**
 * The rows' facts from the proposal, plus the lines of a saved draft the proposal no
 * longer lists (a line is not "ready" any more, a lot not allocated): the draft keeps
 * what it was saved with, and the form shows it.
 */
export function lineInfos(proposal: ShipmentProposal, draft?: Shipment): LineInfo[] {
  const infos: LineInfo[] = proposal.lines.map((l) => ({
    orderLineId: l.orderLineId,
    orderNumber: l.orderNumber,
    item: { name: l.item.name, sku: l.item.sku, unit: l.item.unit, netWeightMg: l.item.netWeightMg },
    readyMilli: l.readyMilli,
    lots: l.lots.map((x) => ({ ...x, qtyMilli: null })),
    otherLots: l.otherLots.filter((o) => !l.lots.some((a) => a.lotId === o.lotId)),
  }));
  for (const sl of draft?.lines ?? []) {
    let info = infos.find((i) => i.orderLineId === sl.orderLineId);
    if (!info) {
      info = { orderLineId: sl.orderLineId, orderNumber: sl.orderNumber, item: { name: sl.item.name, sku: sl.item.sku, unit: sl.item.unit, netWeightMg: sl.item.netWeightMg }, readyMilli: null, lots: [], otherLots: [] };
      infos.push(info);
    }
    if (![...info.lots, ...info.otherLots].some((o) => o.lotId === sl.lot.id)) info.lots.push({ lotId: sl.lot.id, lotCode: sl.lot.code, expiresOn: sl.lot.expiresOn, qtyMilli: null });
  }
  return infos;
}

type SetValues = (patch: Partial<ShipmentFormValues>) => void;

function LinesCard({ values, set, infos, errs }: { values: ShipmentFormValues; set: SetValues; infos: LineInfo[]; errs: Record<string, string> }) {
  const { t, fmt } = useI18n();
  const setPick = (i: number, patch: Partial<Pick>) => set({ picks: values.picks.map((p, k) => (k === i ? { ...p, ...patch } : p)) });
  return (
    <Card withBorder radius="md" mb="md" padding={0}>
      <Group justify="space-between" p="sm">
        <Text fw={650}>{t('shipping.new.lines')}</Text>
        <Text size="xs" c="dimmed">{t('shipping.draft.removeHint')}</Text>
      </Group>
      {errs['picks'] ? (
        <Text size="sm" c="red" px="sm" pb="xs" data-testid="picks-error">
          {errs['picks']}
        </Text>
      ) : null}
      <Table verticalSpacing={6} data-testid="shipment-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shipping.col.order')}</Table.Th>
            <Table.Th>{t('shipping.col.item')}</Table.Th>
            <Table.Th w={340}>{t('shipping.new.lot')}</Table.Th>
            <Table.Th w={150}>{t('shipping.new.quantity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {values.picks.map((p, i) => {
            const l = infos.find((x) => x.orderLineId === p.orderLineId);
            if (!l) return null;
            const lotLabel = (lot: LotOption, tail: string) => `${lot.lotCode} · ${lot.expiresOn ? fmt.date(lot.expiresOn) : '—'} · ${tail}`;
            const options = [
              ...l.lots.map((lot) => ({ value: String(lot.lotId), label: lotLabel(lot, t('shipping.new.allocated')) })),
              ...l.otherLots.map((lot) => ({ value: String(lot.lotId), label: lotLabel(lot, fmt.qty(lot.qtyMilli ?? 0, l.item.unit)) })),
            ];
            const chosen = options.find((o) => o.value === String(p.lotId));
            return (
              <Table.Tr key={i} data-testid={`pick-${i}`}>
                <Table.Td>
                  <Text size="sm" ff="monospace">{l.orderNumber}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>{l.item.name}</Text>
                  <Text size="xs" c="dimmed">
                    {l.item.sku}
                    {l.readyMilli !== null ? ` · ${t('shipping.new.ready', { qty: fmt.qty(l.readyMilli, l.item.unit) })}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    data={options}
                    value={String(p.lotId)}
                    onChange={(v) => v && setPick(i, { lotId: Number(v) })}
                    allowDeselect={false}
                    error={errs[`picks.${i}.lotId`]}
                    aria-label={t('shipping.new.lot')}
                    title={chosen?.label}
                    data-testid={`pick-lot-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    value={p.quantity}
                    onChange={(e) => setPick(i, { quantity: e.currentTarget.value })}
                    error={errs[`picks.${i}.quantity`]}
                    aria-label={t('shipping.new.quantity')}
                    data-testid={`pick-qty-${i}`}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** Net weight of the typed lines plus tares, for the gross weight's hint; null when an item has no weight. */
function useEstimate(values: ShipmentFormValues, infos: LineInfo[]): number | null {
  return useMemo(() => {
    const weighed = values.picks.map((p) => {
      const l = infos.find((x) => x.orderLineId === p.orderLineId);
      let qtyMilli = 0;
      try {
        qtyMilli = l && p.quantity.trim() ? parseQuantity(p.quantity, l.item.unit) : 0;
      } catch {
        qtyMilli = 0;
      }
      return { qtyMilli, netWeightMg: l?.item.netWeightMg ?? null };
    });
    const net = netWeightG(weighed);
    let tareG = 0;
    try {
      tareG = values.tare.trim() ? parseQuantity(values.tare, 'kg') * (Number(values.count) || 0) : 0;
    } catch {
      tareG = 0;
    }
    return net === null ? null : net + tareG;
  }, [values.picks, values.tare, values.count, infos]);
}

function DestinationCard({ values, set, errs, shipTo }: { values: ShipmentFormValues; set: SetValues; errs: Record<string, string>; shipTo: Address }) {
  const { t } = useI18n();
  const d = values.destination;
  const field = (f: keyof Address, span = 1) => (
    <TextInput
      label={t(`shipping.dest.${f}`)}
      value={d[f]}
      onChange={(e) => set({ destination: { ...d, [f]: e.currentTarget.value } })}
      error={errs[`destination.${f}`]}
      required={f === 'name' || f === 'street' || f === 'city'}
      style={span > 1 ? { gridColumn: `span ${span}` } : undefined}
      data-testid={`dest-${f}`}
    />
  );
  const shipToText = [shipTo.name, shipTo.street, [shipTo.postcode, shipTo.city, shipTo.province ? `(${shipTo.province})` : ''].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <Card withBorder radius="md" padding="sm" mb="md" data-testid="destination-card">
      <Text fw={650} mb="xs">{t('shipping.new.destination')}</Text>
      <Checkbox
        checked={values.otherDestination}
        onChange={(e) => {
          const on = e.currentTarget.checked;
          // start from the customer's address: usually only a line or two changes
          set({ otherDestination: on, destination: on && d.name === '' ? { ...shipTo } : d });
        }}
        label={t('shipping.new.otherDestination')}
        description={values.otherDestination ? t('shipping.new.otherDestinationHint') : t('shipping.new.customerAddress', { address: shipToText })}
        data-testid="other-destination"
      />
      {values.otherDestination ? (
        <SimpleGrid cols={{ base: 2, lg: 6 }} mt="xs" spacing="xs">
          {field('name', 2)}
          {field('street', 2)}
          {field('postcode')}
          {field('city')}
          {field('province')}
          {field('country')}
        </SimpleGrid>
      ) : null}
    </Card>
  );
}

export function ShipmentFields({ values, set, infos, errs, shipTo }: { values: ShipmentFormValues; set: SetValues; infos: LineInfo[]; errs: Record<string, string>; shipTo: Address }) {
  const { t, fmt } = useI18n();
  const estimate = useEstimate(values, infos);
  const text = (key: keyof ShipmentFormValues, label: string, testId?: string, errKey?: string) => (
    <TextInput label={label} value={values[key] as string} onChange={(e) => set({ [key]: e.currentTarget.value })} error={errKey ? errs[errKey] : undefined} data-testid={testId} />
  );
  return (
    <>
      <LinesCard values={values} set={set} infos={infos} errs={errs} />
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
        <Card withBorder radius="md" padding="sm">
          <Text fw={650} mb="xs">{t('shipping.new.packages')}</Text>
          <SimpleGrid cols={2}>
            <TextInput label={t('shipping.new.count')} value={values.count} onChange={(e) => set({ count: e.currentTarget.value })} inputMode="numeric" error={errs['packages']} data-testid="pkg-count" />
            {text('appearance', t('shipping.new.appearance'), 'pkg-appearance')}
            {text('tare', t('shipping.new.tare'), 'pkg-tare', 'packages.0.tare')}
            <TextInput
              label={t('shipping.new.grossWeight')}
              value={values.grossWeight}
              onChange={(e) => set({ grossWeight: e.currentTarget.value })}
              description={estimate === null ? t('shipping.new.grossWeightUnknown') : t('shipping.new.grossWeightHint', { weight: fmt.qty(estimate, 'kg') })}
              error={errs['grossWeight']}
              data-testid="gross-weight"
            />
          </SimpleGrid>
        </Card>
        <Card withBorder radius="md" padding="sm">
          <Text fw={650} mb="xs">{t('shipping.new.transport')}</Text>
          <SimpleGrid cols={2}>
            <Select
              label={t('shipping.new.transportBy')}
              data={TRANSPORT_BY.map((b) => ({ value: b, label: t(`shipping.by.${b}`) }))}
              value={values.transportBy}
              onChange={(v) => v && set({ transportBy: v as ShipmentFormValues['transportBy'] })}
              allowDeselect={false}
              data-testid="transport-by"
            />
            {text('causale', t('shipping.new.causale'), 'causale', 'causale')}
            {text('carrier', t('shipping.new.carrier'), 'carrier', 'carrier')}
            {text('service', t('shipping.new.service'), 'carrier-service', 'carrierService')}
            {text('tracking', t('shipping.new.tracking'), 'tracking', 'trackingNumber')}
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <DateField label={t('shipping.new.start')} value={values.startDate} onChange={(v) => set({ startDate: v })} error={errs['transportStart.date']} data-testid="transport-start-date" />
              </Stack>
              <TextInput
                label={t('shipping.new.startTime')}
                placeholder={t('shipping.new.timePlaceholder')}
                value={values.startTime}
                onChange={(e) => set({ startTime: e.currentTarget.value })}
                error={errs['transportStart.time']}
                w={80}
                data-testid="transport-start-time"
              />
            </Group>
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={4}>{t('shipping.new.startHint')}</Text>
          <Textarea label={t('shipping.new.notes')} value={values.notes} onChange={(e) => set({ notes: e.currentTarget.value })} mt="xs" autosize minRows={1} />
        </Card>
      </SimpleGrid>
      <DestinationCard values={values} set={set} errs={errs} shipTo={shipTo} />
    </>
  );
}

/** *Save draft* and *Save and confirm*, under the form of a new shipment and of a draft alike. */
export function SaveButtons({ busy, onSave }: { busy: boolean; onSave: (confirm: boolean) => void }) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end" mt="sm" mb="md">
      <Button variant="default" loading={busy} onClick={() => onSave(false)} data-testid="shipment-save">
        {t('shipping.new.save')}
      </Button>
      <Button leftSection={<IconCheck size={16} />} loading={busy} onClick={() => onSave(true)} data-testid="shipment-save-confirm">
        {t('shipping.new.saveConfirm')}
      </Button>
    </Group>
  );
}
