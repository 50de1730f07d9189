/**
 * #/orders/new and #/orders/12/edit: customer, channel, reference, dates, notes and the
 * lines (item, quantity in the item's unit, price from the item's list price, discount,
 * VAT), with running totals. Save as a draft, or save and confirm at once.
 */
import { DateField } from '../../components/DateField';
import { useRef, useState, type SetStateAction } from 'react';
import { Alert, Button, Card, Grid, Group, Select, Text, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { Order } from '../../../src-shared/contract/orders';
import { call } from '../../api/client';
import { useApiQuery, type In } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { useReloadForm } from '../../components/versionConflict';
import { IconArrowLeft } from '../../components/icons';
import type { PickedItem } from '../../components/ItemPicker';
import { notifySaved } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useSaveShortcut } from '../../components/shortcuts';
import { useI18n } from '../../i18n/I18nProvider';
import type { Formatters } from '../../i18n/format';
import { Link, navigate } from '../../router';
import { CustomerSelect, type PickedCustomer } from './CustomerSelect';
import { areaFieldErrors, ORDER_CHANNELS, today, type OrderChannel } from './orderBits';
import { OrderLinesEditor, newLine, type LineRow } from './OrderLinesEditor';
import { orderTotals } from './orderTotals';
import { TotalMargin, useMarginCosts } from './OrderMargins';
import { DraftPromisePanel } from '../planning/PromisePanel';
import { QueryError, QueryState } from '../../components/QueryState';
import { changedRowFields, useEditedFields } from '../../components/editedFields';
import { DiscardOrFooter, useConfirmDiscard } from '../../components/ConfirmDiscard';
import { discountInput, priceInput, useLineQuotes } from './orderPricing';
import { OverdueWarning } from '../payments/OverdueWarning';

const LINE_FIELDS = { itemId: 'item', quantity: 'quantity', unitPrice: 'unitPrice', discountPct: 'discountPct', vatPct: 'vatPct', note: 'note' } as const;

/** Whether the server would still let the order change (orders.update's own rule). */
export function canEditOrder(o: Order): boolean {
  if (o.state === 'cancelled') return false;
  return o.lines.every((l) => l.allocations.length === 0 && l.production.length === 0 && l.shippedMilli === 0);
}

function linesOf(o: Order, fmt: Formatters, comma: boolean): LineRow[] {
  return o.lines.map((l) => ({
    ...newLine(),
    item: l.item,
    salePriceCents: null,
    quantity: fmt.qtyInput(l.qtyMilli, l.item.unit),
    unitPrice: priceInput(l.unitPrice, comma),
    discountPct: l.discounts.length > 0 ? discountInput(l.discounts, comma) : l.discountBp === 0 ? '' : fmt.decimalInput(l.discountBp, 2),
    vatPct: fmt.decimalInput(l.vatBp, 2),
    note: l.note,
    priceSource: l.priceSource,
    priceManual: l.priceSource === 'manual',
    // a saved discount stays as it was (typed or the customer's at the time)
    discountManual: true,
  }));
}

export function OrderEditorPage({ id }: { id: number | null }) {
  const { t } = useI18n();
  const q = useApiQuery('orders.get', { id: id ?? 0 }, { enabled: id !== null });
  // the form starts from the order as loaded, and keeps the person's typing while the list behind refreshes; Reload starts it again
  const again = useReloadForm(() => q.refetch());
  if (id === null) return <OrderForm order={null} />;
  if (q.data === undefined || q.error) return <QueryState query={q} />;
  if (!canEditOrder(q.data)) {
    return (
      <>
        <PageHeader title={t('orders.edit.title', { number: q.data.number })} />
        <Alert color="yellow" data-testid="order-edit-locked">
          {t('orders.edit.locked', { number: q.data.number, status: t(`orders.status.${q.data.status}`) })}
        </Alert>
      </>
    );
  }
  return <OrderForm key={again.generation} order={q.data} onReload={again.reload} />;
}

function OrderForm({ order, onReload }: { order: Order | null; onReload?: () => Promise<void> }) {
  const { t, fmt, lang } = useI18n();
  const qc = useQueryClient();
  // the version this form was opened on: a save is refused if someone saved the order since
  const [shownVersion] = useState(order?.version);
  const [customer, setCustomer] = useState<PickedCustomer | null>(order ? { id: order.customer.id, name: order.customer.name } : null);
  const [channel, setChannel] = useState<OrderChannel>(order?.channel ?? 'manual');
  const [externalRef, setExternalRef] = useState(order?.externalRef ?? '');
  const [orderedOn, setOrderedOn] = useState(order?.orderedOn ?? today());
  const [requestedOn, setRequestedOn] = useState(order?.requestedOn ?? '');
  const [notes, setNotes] = useState(order?.notes ?? '');
  const [lines, setLines] = useState<LineRow[]>(() => (order ? linesOf(order, fmt, lang === 'it') : [newLine()]));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<'draft' | 'confirm' | null>(null);
  const [sent, setSent] = useState<number[]>([]);
  const busy = useRef(false);
  const edits = useEditedFields();
  /** Every change to the lines clears the errors of the fields it changed (row key, not index). */
  const changeLines = (update: SetStateAction<LineRow[]>) => {
    const next = typeof update === 'function' ? update(lines) : update;
    const changed = changedRowFields(lines, next, LINE_FIELDS);
    if (changed.length > 0 || next.length !== lines.length) edits.edit(...changed.map((k) => `line.${k}`));
    setLines(next);
  };
  /** A header field's setter that also clears its error. */
  const typed =
    <T,>(field: string, set: (v: T) => void) =>
    (v: T) => {
      set(v);
      edits.edit(field);
    };

  const server = areaFieldErrors(error, t);
  const err = (path: (string | number)[]): string | undefined => {
    const key = path.map(String).join('.');
    const editKey = path[0] === 'lines' ? `line.${lines[path[1] as number]?.key}.${String(path[2])}` : key;
    if (edits.isEdited(editKey)) return undefined;
    if (clientErrors[key]) return clientErrors[key];
    if (path[0] === 'lines') {
      const j = sent.indexOf(path[1] as number);
      return j < 0 ? undefined : server[['lines', j, ...path.slice(2)].join('.')];
    }
    return server[key];
  };

  const drafts = lines.map((l) => ({ itemId: l.item?.id ?? null, kind: l.item?.kind ?? null, unit: l.item?.unit ?? null, quantity: l.quantity, unitPrice: l.unitPrice, salePriceCents: l.salePriceCents, discountPct: l.discountPct, vatPct: l.vatPct }));
  const totals = orderTotals(drafts);
  const isDraft = !order || order.state === 'draft';
  const quotes = useLineQuotes({ customerId: customer?.id ?? null, date: orderedOn, lines, setLines, isDraft });
  const margins = useMarginCosts(lines.flatMap((l) => (l.item ? [l.item.id] : [])));

  /** A new item forgets the old one's price (unless typed); the item's sale price shows until the customer's price arrives. */
  const onPickItem = async (key: number, item: PickedItem | null) => {
    changeLines((ls) => ls.map((l) => (l.key === key ? { ...l, item, quote: null, ...(l.priceManual ? {} : { unitPrice: '', priceSource: null }) } : l)));
    if (!item) return;
    const detail = await qc.fetchQuery({ queryKey: ['catalog.getItem', { id: item.id }], queryFn: () => call('catalog.getItem', { id: item.id }) });
    setLines((ls) =>
      ls.map((l) =>
        l.key === key && l.item?.id === item.id
          ? l.priceManual || l.quote || l.unitPrice.trim() !== '' || detail.salePriceCents === null
            ? { ...l, salePriceCents: detail.salePriceCents }
            : { ...l, salePriceCents: detail.salePriceCents, unitPrice: fmt.decimalInput(detail.salePriceCents, 2, { minFractionDigits: 2 }), priceSource: 'base' as const }
          : l,
      ),
    );
  };

  const submit = async (confirm: boolean) => {
    if (busy.current) return;
    const e: Record<string, string> = {};
    if (!customer) e.customerId = t('orders.field.customer.required');
    const filled = lines.map((_, i) => i).filter((i) => lines[i]!.item || lines[i]!.quantity.trim() !== '');
    const used = filled.length > 0 ? filled : [0];
    for (const i of used) {
      const l = lines[i]!;
      if (!l.item) e[`lines.${i}.itemId`] = t('orders.line.itemRequired');
      if (l.quantity.trim() === '') e[`lines.${i}.quantity`] = t('orders.line.quantityRequired');
    }
    setClientErrors(e);
    edits.reset();
    if (Object.keys(e).length > 0) return;
    setSent(used);
    setError(null);
    const body: In<'orders.update'> = {
      id: order?.id ?? 0,
      customerId: customer!.id,
      channel,
      externalRef,
      orderedOn: orderedOn || undefined,
      requestedOn: requestedOn || null,
      notes,
      expectedVersion: shownVersion,
            // a price or discount not typed goes empty: the server decides it as the quote did (and re-decides it while the order is a draft)
      lines: used
        .map((i) => lines[i]!)
        .map((l) => ({ itemId: l.item!.id, quantity: l.quantity, unitPrice: l.priceManual ? l.unitPrice : null, discountPct: l.discountManual ? l.discountPct : null, vatPct: l.vatPct, note: l.note })),
    };
    busy.current = true;
    setPending(confirm ? 'confirm' : 'draft');
    try {
      let saved: Pick<Order, 'id' | 'number' | 'state' | 'version'>;
      if (order) {
        saved = await call('orders.update', body);
        if (confirm && saved.state === 'draft') saved = await call('orders.confirm', { id: saved.id, expectedVersion: saved.version });
        notifySaved(confirm ? t('orders.confirmed', { number: saved.number }) : t('orders.saved', { number: saved.number }));
      } else {
        const { id: _id, ...create } = body;
        saved = await call('orders.create', { ...create, confirm });
        notifySaved(confirm ? t('orders.createdConfirmed', { number: saved.number }) : t('orders.created', { number: saved.number }));
      }
      await qc.invalidateQueries();
      navigate(`/orders/${saved.id}`, { replace: !order });
    } catch (caught) {
      setError(caught);
    } finally {
      busy.current = false;
      setPending(null);
    }
  };
  useSaveShortcut(() => void submit(false));

  const shown = ['customerId', 'channel', 'externalRef', 'orderedOn', 'requestedOn', 'notes', ...sent.flatMap((_, j) => ['itemId', 'quantity', 'unitPrice', 'discountPct', 'vatPct', 'note'].map((f) => `lines.${j}.${f}`))];
  const back = order ? `/orders/${order.id}` : '/orders';
  const discard = useConfirmDiscard(edits.dirty, () => navigate(back));

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
      data-testid="order-form"
    >
      <Link to={back} size="sm" c="dimmed" className="back-link">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {order ? t('orders.page.title', { number: order.number }) : t('orders.title')}
        </Group>
      </Link>
      <PageHeader title={order ? t('orders.edit.title', { number: order.number }) : t('orders.new.title')} />
      <Card withBorder radius="md" padding="md" mb="md">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <CustomerSelect
              label={t('orders.field.customer')}
              description={
                <Link to="/customers/new" size="xs" data-testid="order-new-customer">
                  + {t('orders.field.customer.new')}
                </Link>
              }
              value={customer}
              onChange={typed('customerId', setCustomer)}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              required
              autoFocus={!order}
              error={err(['customerId'])}
              data-testid="order-customer"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <Select
              label={t('orders.field.channel')}
              data={ORDER_CHANNELS.map((c) => ({ value: c, label: t(`orders.channel.${c}`) }))}
              value={channel}
              onChange={(v) => v && typed('channel', setChannel)(v as OrderChannel)}
              allowDeselect={false}
              error={err(['channel'])}
              data-testid="order-channel"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 4 }}>
            <TextInput
              label={t('orders.field.externalRef')}
              description={t('orders.field.externalRef.hint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={externalRef}
              onChange={(e) => typed('externalRef', setExternalRef)(e.currentTarget.value)}
              error={err(['externalRef'])}
              classNames={{ input: 'mono-input' }}
              data-testid="order-external-ref"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <DateField label={t('orders.field.orderedOn')} value={orderedOn} onChange={(d) => typed('orderedOn', setOrderedOn)(d)} error={err(['orderedOn'])} data-testid="order-ordered-on" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <DateField label={t('orders.field.requestedOn')} value={requestedOn} onChange={(d) => typed('requestedOn', setRequestedOn)(d)} error={err(['requestedOn'])} data-testid="order-requested-on" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea label={t('orders.field.notes')} autosize minRows={1} maxRows={4} value={notes} onChange={(e) => typed('notes', setNotes)(e.currentTarget.value)} error={err(['notes'])} data-testid="order-notes" />
          </Grid.Col>
        </Grid>
      </Card>

      <OverdueWarning customer={customer} />
      <QueryError query={quotes.query} compact what={t('orders.price.quoteFailed')} />
      {quotes.repriced.length > 0 ? (
        <Alert color="blue" variant="light" withCloseButton onClose={quotes.dismiss} mb="sm" p="xs" data-testid="order-repriced">
          {quotes.repriced.map((r) => (
            <Text key={r.line} size="sm">
              {t('orders.price.repriced', { line: r.line, from: fmt.money(Math.round(Number(r.from) * 100)), to: fmt.money(Math.round(Number(r.to) * 100)) })}
            </Text>
          ))}
        </Alert>
      ) : null}
      <OrderLinesEditor lines={lines} setLines={changeLines} onPickItem={(key, item) => void onPickItem(key, item)} err={err} margins={margins} />
      {!order || order.state === 'draft' ? <DraftPromisePanel customerId={customer?.id ?? null} requestedOn={requestedOn} lines={lines.map((l) => ({ itemId: l.item?.id ?? null, quantity: l.quantity }))} /> : null}

      <Group justify="flex-end" mb="md">
        <Card withBorder radius="md" padding="sm" miw={300} data-testid="order-totals">
          <Group justify="space-between" gap="xl">
            <Text size="sm" c="dimmed">
              {t('orders.totals.net')}
            </Text>
            <Text size="sm" className="num" data-testid="order-total-net">
              {fmt.money(totals.netCents)}
            </Text>
          </Group>
          <Group justify="space-between" gap="xl">
            <Text size="sm" c="dimmed">
              {t('orders.totals.vat')}
            </Text>
            <Text size="sm" className="num" data-testid="order-total-vat">
              {fmt.money(totals.vatCents)}
            </Text>
          </Group>
          <Group justify="space-between" gap="xl" mt={4} pt={4} style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Text fw={650}>{t('orders.totals.total')}</Text>
            <Text fw={650} className="num" data-testid="order-total">
              {fmt.money(totals.totalCents)}
            </Text>
          </Group>
          <TotalMargin lines={drafts} costs={margins} />
          {totals.incomplete ? (
            <Text size="xs" c="dimmed" mt={4} maw={280}>
              {t('orders.totals.incomplete')}
            </Text>
          ) : null}
        </Card>
      </Group>

      {error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} shownFields={shown} testId="order-error" onReload={onReload} />
        </div>
      ) : null}

      <DiscardOrFooter question={discard}>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={discard.leave} data-testid="order-cancel-edit">
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant={isDraft ? 'default' : 'filled'} loading={pending === 'draft'} disabled={pending !== null} data-testid="order-save">
            {isDraft ? t('orders.saveDraft') : t('orders.save')}
          </Button>
          {isDraft ? (
            <Button onClick={() => void submit(true)} loading={pending === 'confirm'} disabled={pending !== null} data-testid="order-save-confirm">
              {t('orders.saveConfirm')}
            </Button>
          ) : null}
        </Group>
      </DiscardOrFooter>
    </form>
  );
}
