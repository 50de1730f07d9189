/**
 * #/shipments/new: pick the ready orders of one customer, then what leaves — each ready
 * line with the lots proposed from its allocations (FEFO), changeable to another released
 * lot, quantities (partial is fine), packages, weight and transport. Saves a draft, or
 * saves and confirms (the DDT number is taken then).
 */
import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { TRANSPORT_BY, type ShipmentProposal } from '../../../src-shared/contract/shipping';
import { netWeightG } from '../../../src-shared/domain/shipmentWeight';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert, errorText, fieldErrors } from '../../components/errors';
import { IconArrowLeft, IconCheck } from '../../components/icons';
import { notifyError, notifySaved } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { call } from '../../api/client';
import { QueryError } from '../../components/QueryState';

interface Pick {
  orderLineId: number;
  lotId: number;
  quantity: string;
}

function picksOf(p: ShipmentProposal, fmtInput: (milli: number, unit: 'pcs') => string): Pick[] {
  return p.lines.flatMap((l) => l.lots.map((lot) => ({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: fmtInput(lot.qtyMilli, l.item.unit as 'pcs') })));
}

export function NewShipment({ initialOrders }: { initialOrders: number[] }) {
  const { t, fmt } = useI18n();
  const [orderIds, setOrderIds] = useState<number[]>(initialOrders);
  const ready = useApiQuery('shipping.readyOrders', { q: '' });
  const proposal = useApiQuery('shipping.proposal', { orderIds }, { enabled: orderIds.length > 0 });
  const [picks, setPicks] = useState<Pick[]>([]);
  const [count, setCount] = useState<number | string>(1);
  const [appearance, setAppearance] = useState(t('shipping.new.appearanceDefault'));
  const [tare, setTare] = useState('');
  const [grossWeight, setGrossWeight] = useState('');
  const [carrier, setCarrier] = useState('');
  const [service, setService] = useState('');
  const [tracking, setTracking] = useState('');
  const [transportBy, setTransportBy] = useState<(typeof TRANSPORT_BY)[number]>('carrier');
  const [causale, setCausale] = useState('vendita');
  const [start, setStart] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const create = useApiCommand('shipping.create');

  useEffect(() => {
    if (proposal.data) setPicks(picksOf(proposal.data, (m, u) => fmt.qtyInput(m, u)));
  }, [proposal.data, fmt]);

  const customerId = useMemo(() => ready.data?.find((o) => orderIds.includes(o.orderId))?.customerId ?? null, [ready.data, orderIds]);
  const toggle = (id: number, cust: number) => {
    setOrderIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : customerId !== null && cust !== customerId ? [id] : [...ids, id]));
  };
  const lineOf = (orderLineId: number) => proposal.data?.lines.find((l) => l.orderLineId === orderLineId);
  const estimate = useMemo(() => {
    if (!proposal.data) return null;
    const weighed = picks.map((p) => {
      const l = lineOf(p.orderLineId)!;
      const n = Number(p.quantity.replace(',', '.').replace(/[^\d.]/g, '')) * (/\bg\b|\bml\b/.test(p.quantity) && l?.item.unit !== 'g' && l?.item.unit !== 'ml' ? 0.001 : 1);
      return { qtyMilli: Number.isFinite(n) ? Math.round(n * 1000) : 0, netWeightMg: l?.item.netWeightMg ?? null };
    });
    const net = netWeightG(weighed);
    const tareG = Math.round(Number(tare.replace(',', '.') || 0) * 1000) * Number(count || 0);
    return net === null ? null : net + (Number.isFinite(tareG) ? tareG : 0);
  }, [picks, tare, count, proposal.data]);
  const errs = fieldErrors(error, t);

  const submit = async (confirm: boolean) => {
    setError(null);
    setBusy(true);
    try {
      const lines = picks.filter((p) => p.quantity.trim() !== '' && p.quantity.trim() !== '0');
      if (lines.length === 0) throw new Error(t('shipping.new.nothing'));
      const s = await create.mutateAsync({
        lines,
        packages: Number(count) > 0 ? [{ count: Number(count), appearance, tare: tare || null }] : [],
        grossWeight: grossWeight || null,
        carrier: carrier || null,
        carrierService: service || null,
        trackingNumber: tracking || null,
        transportBy,
        causale: causale || 'vendita',
        transportStart: start || null,
        notes,
      });
      if (confirm) {
        try {
          const done = await call('shipping.confirm', { id: s.id });
          notifySaved(t('shipping.confirmed', { number: done.ddt?.number ?? '' }));
        } catch (err) {
          // the draft is saved: its page shows it, with the confirmation to retry once fixed
          notifyError(t('error.title'), errorText(err, t));
        }
      }
      navigate(`/shipments/${s.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('shipping.new.title')}
        subtitle={t('shipping.new.subtitle')}
        actions={
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/shipments')}>
            {t('common.back')}
          </Button>
        }
      />
      <Card withBorder radius="md" mb="md" padding="sm">
        <Text fw={650} mb="xs">
          {t('shipping.new.orders')}
        </Text>
        <QueryError query={ready} compact />
        {ready.data && ready.data.length === 0 ? <Text size="sm" c="dimmed">{t('shipping.new.noReady')}</Text> : null}
        <Stack gap={4} mah={220} style={{ overflow: 'auto' }} data-testid="ready-orders">
          {ready.data?.map((o) => (
            <Checkbox
              key={o.orderId}
              checked={orderIds.includes(o.orderId)}
              onChange={() => toggle(o.orderId, o.customerId)}
              data-testid={`ready-order-${o.number}`}
              label={
                <Group gap="xs">
                  <Text size="sm" ff="monospace" fw={600}>{o.number}</Text>
                  <Text size="sm">{o.customerName}</Text>
                  <Text size="xs" c="dimmed">{t('shipping.new.readyLines', { count: o.readyLines })}</Text>
                  {customerId !== null && o.customerId !== customerId ? <Text size="xs" c="orange.7">{t('shipping.new.otherCustomer')}</Text> : null}
                </Group>
              }
            />
          ))}
        </Stack>
      </Card>

      <QueryError query={proposal} />
      {proposal.data && orderIds.length > 0 ? (
        <>
          <Card withBorder radius="md" mb="md" padding={0}>
            <Group justify="space-between" p="sm">
              <Text fw={650}>{t('shipping.new.lines')}</Text>
              <Text size="sm" c="dimmed">
                {proposal.data.customer.name} — {[proposal.data.destination.street, proposal.data.destination.postcode, proposal.data.destination.city].filter(Boolean).join(', ')}
              </Text>
            </Group>
            <Table verticalSpacing={6} data-testid="shipment-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('shipping.col.order')}</Table.Th>
                  <Table.Th>{t('shipping.col.item')}</Table.Th>
                  <Table.Th w={300}>{t('shipping.new.lot')}</Table.Th>
                  <Table.Th w={140}>{t('shipping.new.quantity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {picks.map((p, i) => {
                  const l = lineOf(p.orderLineId)!;
                  if (!l) return null;
                  const options = [
                    ...l.lots.map((lot) => ({ value: String(lot.lotId), label: `${lot.lotCode} · ${lot.expiresOn ? fmt.date(lot.expiresOn) : '—'} · ${t('shipping.new.allocated')}` })),
                    ...l.otherLots.filter((o) => !l.lots.some((a) => a.lotId === o.lotId)).map((lot) => ({ value: String(lot.lotId), label: `${lot.lotCode} · ${lot.expiresOn ? fmt.date(lot.expiresOn) : '—'} · ${fmt.qty(lot.qtyMilli, l.item.unit)}` })),
                  ];
                  return (
                    <Table.Tr key={i} data-testid={`pick-${i}`}>
                      <Table.Td>
                        <Text size="sm" ff="monospace">{l.orderNumber}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>{l.item.name}</Text>
                        <Text size="xs" c="dimmed">
                          {l.item.sku} · {t('shipping.new.ready', { qty: fmt.qty(l.readyMilli, l.item.unit) })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Select
                          data={options}
                          value={String(p.lotId)}
                          onChange={(v) => v && setPicks((ps) => ps.map((x, k) => (k === i ? { ...x, lotId: Number(v) } : x)))}
                          allowDeselect={false}
                          error={errs[`lines.${i}.lotId`]}
                          aria-label={t('shipping.new.lot')}
                          data-testid={`pick-lot-${i}`}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          value={p.quantity}
                          onChange={(e) => {
                            const v = e.currentTarget.value;
                            setPicks((ps) => ps.map((x, k) => (k === i ? { ...x, quantity: v } : x)));
                          }}
                          error={errs[`lines.${i}.quantity`]}
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

          <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
            <Card withBorder radius="md" padding="sm">
              <Text fw={650} mb="xs">{t('shipping.new.packages')}</Text>
              <SimpleGrid cols={2}>
                <NumberInput label={t('shipping.new.count')} value={count} onChange={setCount} min={0} max={9999} error={errs['packages']} data-testid="pkg-count" />
                <TextInput label={t('shipping.new.appearance')} value={appearance} onChange={(e) => setAppearance(e.currentTarget.value)} data-testid="pkg-appearance" />
                <TextInput label={t('shipping.new.tare')} value={tare} onChange={(e) => setTare(e.currentTarget.value)} error={errs['packages.0.tare']} data-testid="pkg-tare" />
                <TextInput
                  label={t('shipping.new.grossWeight')}
                  value={grossWeight}
                  onChange={(e) => setGrossWeight(e.currentTarget.value)}
                  description={estimate === null ? t('shipping.new.grossWeightUnknown') : t('shipping.new.grossWeightHint', { weight: fmt.qty(estimate, 'kg') })}
                  error={errs['grossWeight']}
                  data-testid="gross-weight"
                />
              </SimpleGrid>
            </Card>
            <Card withBorder radius="md" padding="sm">
              <Text fw={650} mb="xs">{t('shipping.new.transport')}</Text>
              <SimpleGrid cols={2}>
                <Select label={t('shipping.new.transportBy')} data={TRANSPORT_BY.map((b) => ({ value: b, label: t(`shipping.by.${b}`) }))} value={transportBy} onChange={(v) => v && setTransportBy(v as 'carrier')} allowDeselect={false} data-testid="transport-by" />
                <TextInput label={t('shipping.new.causale')} value={causale} onChange={(e) => setCausale(e.currentTarget.value)} data-testid="causale" />
                <TextInput label={t('shipping.new.carrier')} value={carrier} onChange={(e) => setCarrier(e.currentTarget.value)} data-testid="carrier" />
                <TextInput label={t('shipping.new.service')} value={service} onChange={(e) => setService(e.currentTarget.value)} />
                <TextInput label={t('shipping.new.tracking')} value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} data-testid="tracking" />
                <TextInput type="datetime-local" label={t('shipping.new.start')} description={t('shipping.new.startHint')} value={start} onChange={(e) => setStart(e.currentTarget.value)} />
              </SimpleGrid>
              <Textarea label={t('shipping.new.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} mt="xs" autosize minRows={1} />
            </Card>
          </SimpleGrid>
          {error ? <ErrorAlert error={error} shownFields={Object.keys(errs).filter((k) => k.startsWith('lines.') || k.startsWith('packages') || k === 'grossWeight')} testId="shipment-error" /> : null}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" loading={busy} onClick={() => void submit(false)} data-testid="shipment-save">
              {t('shipping.new.save')}
            </Button>
            <Button leftSection={<IconCheck size={16} />} loading={busy} onClick={() => void submit(true)} data-testid="shipment-save-confirm">
              {t('shipping.new.saveConfirm')}
            </Button>
          </Group>
        </>
      ) : null}
    </>
  );
}
