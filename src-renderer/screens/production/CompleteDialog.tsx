/**
 * Complete a batch: the actual consumption lot by lot (prefilled from what release
 * reserved, editable, extra lots can be added), the quantity made with its yield
 * variance shown as it is typed, production date, an optional expiry, notes. Then the
 * output lot and the orders it made ready.
 */
import { DateField } from '../../components/DateField';
import { useState } from 'react';
import { Alert, Button, Grid, Group, Modal, ScrollArea, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { ProductionChange, ProductionOrder } from '../../../src-shared/contract/production';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { isUnit } from '../../../src-shared/domain/units';
import { ApiError } from '../../api/client';
import { useApiCommand } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { IconCheck } from '../../components/icons';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { areaFieldErrors, OrderStatusBadge, today } from '../orders/orderBits';
import { DialogFooter } from '../../components/DialogFooter';
import { AddLotButton, ComponentLotsCard, LotPickRow, type LotPick } from './LotPicks';

interface Row extends LotPick {
  itemId: number;
}

let nextKey = 1;

/** An order the batch serves, with the status the completion left it in (the answer says it: no query per order). */
function OrderNowLine({ order }: { order: ProductionChange['orders'][number] }) {
  return (
    <Group gap="xs" wrap="nowrap" data-testid={`complete-order-${order.number}`}>
      <Link to={`/orders/${order.id}`} ff="monospace" fw={600} size="sm">
        {order.number}
      </Link>
      <Text size="sm" truncate>
        {order.customerName}
      </Text>
      <OrderStatusBadge status={order.status} size="sm" />
    </Group>
  );
}

function qtyOfWith(fmt: ReturnType<typeof useI18n>['fmt']) {
  return (milli: unknown, unit: unknown) => (typeof milli === 'number' && isUnit(unit) ? fmt.qty(milli, unit) : String(milli ?? ''));
}

function variancePct(actual: number, planned: number, number: (n: number) => string): string {
  const bp = Math.round(((actual - planned) * 10_000) / planned);
  return `${bp > 0 ? '+' : ''}${number(bp / 100)} %`;
}

export function CompleteDialog({ po, opened, onClose }: { po: ProductionOrder; opened: boolean; onClose(): void }) {
  const { t, fmt } = useI18n();
  const [rows, setRows] = useState<Row[]>(() =>
    po.components.flatMap((c) => c.reservations.map((r) => ({ key: nextKey++, itemId: c.item.id, lotId: r.lotId, code: r.lotCode, quantity: fmt.qtyInput(r.qtyMilli, c.item.unit) }))),
  );
  const [changed, setChanged] = useState(false);
  const [output, setOutput] = useState(fmt.qtyInput(po.plannedQtyMilli, po.item.unit));
  const [producedOn, setProducedOn] = useState(today());
  const [expiresOn, setExpiresOn] = useState('');
  const [notes, setNotes] = useState('');
  const [sent, setSent] = useState<number[]>([]);
  const [done, setDone] = useState<ProductionChange | null>(null);
  // the version the dialog was opened on: refused if someone changed the production order since
  const [shownVersion] = useState(po.version);
  const complete = useApiCommand('production.complete', {
    onSuccess: (out) => {
      notifySaved(t('production.complete.done', { number: out.number, lot: out.outputLot?.code ?? '' }));
      setDone(out);
    },
  });
  const errs = areaFieldErrors(complete.error, t);
  const qtyOf = qtyOfWith(fmt);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const rowError = (key: number, field: 'lotId' | 'quantity') => {
    if (missing[`${key}.${field}`]) return missing[`${key}.${field}`];
    const i = sent.indexOf(key);
    return i < 0 ? undefined : errs[`consumption.${i}.${field}`];
  };

  const edit = (f: (rs: Row[]) => Row[]) => {
    setChanged(true);
    setRows(f);
  };
  let actual: number | null = null;
  try {
    actual = parseQuantity(output, po.item.unit);
  } catch {
    actual = null;
  }

  const submit = () => {
    // a row half filled in is a mistake, not a row to leave out
    const m: Record<string, string> = {};
    for (const r of rows) {
      if (r.lotId === null && r.quantity.trim() !== '') m[`${r.key}.lotId`] = t('production.complete.lotRequired');
      if (r.lotId !== null && r.quantity.trim() === '') m[`${r.key}.quantity`] = t('production.complete.qtyRequired');
    }
    setMissing(m);
    if (Object.keys(m).length > 0) return;
    const used = rows.filter((r) => r.lotId !== null && r.quantity.trim() !== '');
    setSent(changed ? used.map((r) => r.key) : []);
    complete.mutate({
      id: po.id,
      expectedVersion: shownVersion,
      consumption: changed ? used.map((r) => ({ lotId: r.lotId!, quantity: r.quantity })) : undefined,
      outputQuantity: output,
      producedOn: producedOn || undefined,
      expiresOn: expiresOn || undefined,
      notes,
    });
  };

  const shortages = complete.error instanceof ApiError && complete.error.code === 'INSUFFICIENT_STOCK' ? complete.error.details : null;

  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={<Text fw={650}>{t('production.complete.title', { number: po.number })}</Text>} scrollAreaComponent={ScrollArea.Autosize} data-testid="complete-dialog">
      {done ? (
        <Stack gap="md" data-testid="complete-result">
          <Alert color="teal" variant="light" icon={<IconCheck />}>
            <Text fw={600}>{t('production.complete.result', { lot: done.outputLot?.code ?? '', qty: fmt.qty(done.actualQtyMilli ?? 0, done.item.unit) })}</Text>
            {done.outputLot?.expiresOn ? <Text size="sm">{t('production.lot.expires', { date: fmt.date(done.outputLot.expiresOn) })}</Text> : null}
          </Alert>
          {done.orders.length > 0 ? (
            <div>
              <Text size="sm" fw={600} mb={4}>
                {t('production.complete.orders')}
              </Text>
              <Stack gap={4}>
                {done.orders.map((o) => (
                  <OrderNowLine key={o.id} order={o} />
                ))}
              </Stack>
            </div>
          ) : null}
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="complete-close">
              {t('production.complete.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          {shortages ? (
            <Alert color="red" variant="light" title={t('error.INSUFFICIENT_STOCK')} data-testid="complete-error">
              {t('production.complete.insufficient', {
                what: `${String(shortages.sku ?? '')}${shortages.lotCode ? ` · ${String(shortages.lotCode)}` : ''}`,
                needed: qtyOf(shortages.neededMilli, shortages.unit),
                available: qtyOf(shortages.availableMilli, shortages.unit),
              })}
            </Alert>
          ) : complete.error ? (
            <ErrorAlert error={complete.error} shownFields={['outputQuantity', ...sent.flatMap((_, i) => [`consumption.${i}.lotId`, `consumption.${i}.quantity`])]} testId="complete-error" onReload={onClose} />
          ) : null}
          <div>
            <Text fw={600} size="sm">
              {t('production.complete.consumption')}
            </Text>
            <Text size="xs" c="dimmed" mb="xs">
              {t('production.complete.consumption.hint')}
            </Text>
            <Stack gap="xs">
              {po.components.map((c) => {
                const mine = rows.filter((r) => r.itemId === c.item.id);
                return (
                  <ComponentLotsCard
                    key={c.item.id}
                    item={c.item}
                    testId={`complete-comp-${c.item.sku}`}
                    aside={
                      <Text size="xs" c="dimmed" className="num">
                        {t('production.comp.needed')}: {fmt.qty(c.neededMilli, c.item.unit)}
                      </Text>
                    }
                  >
                    <Stack gap={6}>
                      {mine.map((r, j) => (
                        <LotPickRow
                          key={r.key}
                          item={c.item}
                          pick={r}
                          index={j}
                          area="complete"
                          lotError={rowError(r.key, 'lotId')}
                          qtyError={rowError(r.key, 'quantity')}
                          removeLabel={t('production.complete.removeLot')}
                          onChange={(patch) => edit((rs) => rs.map((x) => (x.key === r.key ? { ...x, ...patch } : x)))}
                          onRemove={() => edit((rs) => rs.filter((x) => x.key !== r.key))}
                        />
                      ))}
                      <AddLotButton
                        label={t('production.complete.addLot')}
                        onClick={() => edit((rs) => [...rs, { key: nextKey++, itemId: c.item.id, lotId: null, code: null, quantity: '' }])}
                        testId={`complete-add-${c.item.sku}`}
                      />
                    </Stack>
                  </ComponentLotsCard>
                );
              })}
            </Stack>
          </div>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('production.complete.output')}
                description={t('production.complete.output.hint', { planned: fmt.qty(po.plannedQtyMilli, po.item.unit) })}
                value={output}
                onChange={(e) => setOutput(e.currentTarget.value)}
                error={errs.outputQuantity}
                inputMode="decimal"
                data-testid="complete-output"
              />
              {actual !== null && actual > 0 ? (
                <Text size="xs" mt={4} c={actual < po.plannedQtyMilli ? 'orange.8' : actual > po.plannedQtyMilli ? 'teal.8' : 'dimmed'} data-testid="complete-variance">
                  {t('production.complete.variance', { pct: variancePct(actual, po.plannedQtyMilli, fmt.number) })}
                </Text>
              ) : null}
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <DateField label={t('production.complete.producedOn')} description=" " value={producedOn} onChange={(d) => setProducedOn(d)} error={errs.producedOn} data-testid="complete-date" />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <DateField
                label={t('production.complete.expiresOn')}
                description={t('production.complete.expiresOn.hint')}
                value={expiresOn}
                onChange={setExpiresOn}
                error={errs.expiresOn}
                data-testid="complete-expiry"
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea label={t('production.complete.notes')} autosize minRows={1} maxRows={4} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
            </Grid.Col>
          </Grid>
          <DialogFooter onClose={onClose} onSubmit={submit} label={t('production.complete.submit')} loading={complete.isPending} testId="complete-submit" />
        </Stack>
      )}
    </Modal>
  );
}
