/**
 * #/shipments/new: pick the ready orders of one customer, then what leaves — each ready
 * line with the lots proposed from its allocations (FEFO), changeable to another released
 * lot, quantities (partial is fine), packages, weight, transport and destination. Saves a
 * draft (editable on its page), or saves and confirms (the DDT number is taken then).
 */
import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import type { ShipmentProposal } from '../../../src-shared/contract/shipping';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { IconArrowLeft } from '../../components/icons';
import { notifySaved } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { call } from '../../api/client';
import { QueryError } from '../../components/QueryState';
import { emptyValues, type Pick } from './shipmentFormValues';
import { lineInfos, SaveButtons, ShipmentFields } from './ShipmentFields';
import { useShipmentForm } from './useShipmentForm';
import { handOverConfirmError } from './confirmHandoff';
import { OverdueWarning } from '../payments/OverdueWarning';

function picksOf(p: ShipmentProposal, fmtInput: (milli: number, unit: 'pcs') => string): Pick[] {
  return p.lines.flatMap((l) => l.lots.map((lot) => ({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: fmtInput(lot.qtyMilli, l.item.unit as 'pcs') })));
}

export function NewShipment({ initialOrders }: { initialOrders: number[] }) {
  const { t, fmt } = useI18n();
  const [orderIds, setOrderIds] = useState<number[]>(initialOrders);
  const ready = useApiQuery('shipping.readyOrders', { q: '' });
  const proposal = useApiQuery('shipping.proposal', { orderIds }, { enabled: orderIds.length > 0 });
  const infos = useMemo(() => (proposal.data ? lineInfos(proposal.data) : []), [proposal.data]);
  const unitOf = (orderLineId: number) => infos.find((l) => l.orderLineId === orderLineId)?.item.unit ?? null;
  const form = useShipmentForm(emptyValues(t('shipping.new.appearanceDefault')), unitOf);
  const { setValues } = form;
  const create = useApiCommand('shipping.create');

  useEffect(() => {
    if (proposal.data) {
      const picks = picksOf(proposal.data, (m, u) => fmt.qtyInput(m, u));
      setValues((v) => ({ ...v, picks }));
    }
  }, [proposal.data, fmt, setValues]);

  const customerId = useMemo(() => ready.data?.find((o) => orderIds.includes(o.orderId))?.customerId ?? null, [ready.data, orderIds]);
  const toggle = (id: number, cust: number) => {
    setOrderIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : customerId !== null && cust !== customerId ? [id] : [...ids, id]));
  };
  // the items' own weights give the gross weight unless one of them has none
  const weightKnown = form.values.picks.every((p) => infos.find((l) => l.orderLineId === p.orderLineId)?.item.netWeightMg != null);

  const submit = (confirm: boolean) =>
    void form.submit(
      async (input) => {
        const s = await create.mutateAsync(input);
        if (confirm) {
          try {
            const done = await call('shipping.confirm', { id: s.id });
            notifySaved(t('shipping.confirmed', { number: done.ddt?.number ?? '' }));
          } catch (err) {
            // the draft is saved: its page shows the refusal on its fields, to fix and confirm again
            handOverConfirmError(s.id, err);
          }
        } else notifySaved(t('shipping.draft.saved'));
        navigate(`/shipments/${s.id}`);
      },
      confirm ? { weightKnown } : undefined,
    );

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

      <OverdueWarning customer={customerId === null ? null : { id: customerId, name: ready.data?.find((o) => o.customerId === customerId)?.customerName ?? '' }} />
      <QueryError query={proposal} />
      {proposal.data && orderIds.length > 0 ? (
        <>
          <ShipmentFields values={form.values} set={form.set} infos={infos} errs={form.errs} shipTo={proposal.data.destination} />
          {form.errorBox}
          <SaveButtons busy={form.busy} onSave={submit} />
        </>
      ) : null}
    </>
  );
}
