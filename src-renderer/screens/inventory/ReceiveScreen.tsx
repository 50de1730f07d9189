/**
 * #/inventory/receive (optionally ?item=12): goods receipt (carico merce). The supplier's
 * delivery note, where the goods go, and one line per lot received; each line becomes a
 * lot with our own code.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Card, Grid, Group, Kbd, NativeSelect, Text, TextInput, Textarea } from '@mantine/core';
import { localDate } from '../../../src-shared/domain/dates';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { ApiError } from '../../api/client';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { MOD, useSaveShortcut } from '../../components/shortcuts';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { BackLink } from './common';
import { parseTypedDate, typedDate } from './dates';
import { InvErrorAlert, invFieldErrors, invErrorText } from './invErrors';
import { checkReceipt, duplicatesOf, isBlank, newLine, receiptInput, type Duplicate, type LotChoice, type ReceiveHead, type ReceiveLine } from './receiveForm';
import { DuplicatesDialog, ReceiveDone, type ReceiptDone } from './ReceiveDone';
import { focusLineField, ReceiveLines } from './ReceiveLines';
import { SupplierSelect } from './SupplierSelect';
import { PurchaseOrderBanner, useReceiveFromPurchaseOrder } from '../purchasing/receiveFromPo';
import { SubmitForm } from '../../components/SubmitForm';
import { QueryError } from '../../components/QueryState';
import { LinesCard } from '../../components/LinesTable';

const freshHead = (): ReceiveHead => ({ supplier: null, ddtNumber: '', ddtDate: '', receivedOn: typedDate(localDate(new Date())), locationId: '', note: '' });

export function ReceiveScreen({ query }: { query: URLSearchParams }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const [head, setHead] = useState<ReceiveHead>(freshHead);
  const [lines, setLines] = useState<ReceiveLine[]>(() => [newLine()]);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<number[]>([]);
  const [choices, setChoices] = useState<Record<number, LotChoice>>({});
  const [duplicates, setDuplicates] = useState<Duplicate[]>([]);
  const [done, setDone] = useState<ReceiptDone | null>(null);
  const focusKey = useRef<number | null>(null);
  // the rows sent with the last submit, for answers that arrive after a re-render
  const sentRef = useRef<{ lines: ReceiveLine[]; rows: number[] }>({ lines: [], rows: [] });
  const locations = useApiQuery('inventory.locations', {});
  const itemParam = Number(query.get('item'));
  const preset = useApiQuery('catalog.getItem', { id: itemParam }, { enabled: Number.isInteger(itemParam) && itemParam > 0 });

  // ?po=7: the supplier and the lines still due on that purchase order
  const { po: fromPo, query: poQuery } = useReceiveFromPurchaseOrder(query, (supplier, due) => {
    setHead((h) => ({ ...h, supplier }));
    if (due.length > 0) setLines(due);
  });

  // ?item=12: the first line starts with that item
  useEffect(() => {
    const it = preset.data;
    if (it) setLines((ls) => (ls.length === 1 && !ls[0]!.item ? [{ ...ls[0]!, item: { id: it.id, sku: it.sku, name: it.name, kind: it.kind, unit: it.unit } }] : ls));
  }, [preset.data]);

  const receive = useApiCommand('inventory.receive', {
    onSuccess: (result, input) => {
      const received = input.lines.map((l, i) => {
        const unit = result.lots[i]?.item.unit;
        try {
          return unit ? fmt.qty(parseQuantity(l.quantity, unit), unit) : l.quantity;
        } catch {
          return l.quantity;
        }
      });
      setDone({ result, received });
      window.scrollTo({ top: 0 });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'CONFLICT') setDuplicates(duplicatesOf(err.details, sentRef.current.lines, sentRef.current.rows));
    },
  });

  const defaultLocation = locations.data?.locations.find((l) => l.isDefault)?.id;
  const locationId = head.locationId || (defaultLocation ? String(defaultLocation) : '');
  const receivedOn = parseTypedDate(head.receivedOn) ?? localDate(new Date());
  const server = invFieldErrors(receive.error, i18n, (path): Record<string, string> => {
    const row = sent[Number(path.split('.')[1])];
    const unit = row !== undefined ? lines[row]?.item?.unit : undefined;
    return unit ? { unit } : {};
  });
  const headErr = (f: string) => clientErrors[f] ?? server[f];
  const lineErr = (row: number, f: string) => {
    const own = clientErrors[`lines.${row}.${f}`];
    if (own) return own;
    const j = sent.indexOf(row);
    // a known supplier lot is asked about in the dialog, not shown as an error
    if (j < 0 || (f === 'supplierLotCode' && duplicates.length > 0)) return undefined;
    return server[`lines.${j}.${f}`];
  };

  const setH = <K extends keyof ReceiveHead>(k: K, v: ReceiveHead[K]) => {
    setHead((h) => ({ ...h, [k]: v }));
    if (k === 'supplier') setChoices({});
  };
  const setLine = (key: number, patch: Partial<ReceiveLine>) => {
    // another item no longer delivers the purchase order line
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch, ...('item' in patch ? { purchaseOrderLineId: undefined } : {}) } : l)));
    if ('item' in patch || 'supplierLotCode' in patch) setChoices(({ [key]: _dropped, ...rest }) => rest);
  };
  const addLine = () => {
    const l = newLine();
    focusKey.current = l.key;
    setLines((ls) => [...ls, l]);
  };
  const removeLine = (key: number) => {
    const at = lines.findIndex((l) => l.key === key);
    setLines((ls) => (ls.length > 1 ? ls.filter((l) => l.key !== key) : [newLine()]));
    focusLineField(Math.max(0, at - 1), 'item');
  };

  const submit = (extra: Record<number, LotChoice> = {}) => {
    const all = { ...choices, ...extra };
    const filled = lines.map((_, i) => i).filter((i) => !isBlank(lines[i]!));
    const used = filled.length > 0 ? filled : [0];
    const e = checkReceipt(head, lines, used, { required: t('issue.required'), pickItem: t('inventory.receive.line.pickRequired'), date: t('inventory.date.invalid') });
    setClientErrors(e);
    if (Object.keys(e).length > 0) return;
    setChoices(all);
    setSent(used);
    sentRef.current = { lines, rows: used };
    receive.mutate(receiptInput({ ...head, locationId }, lines, used, all));
  };
  useSaveShortcut(() => submit(), !done && duplicates.length === 0);

  const again = () => {
    if (fromPo) navigate('/inventory/receive', { replace: true });
    setHead(freshHead());
    setLines([newLine()]);
    setChoices({});
    setSent([]);
    setDone(null);
    receive.reset();
  };

  const shown = ['supplierId', 'supplierDdtNumber', 'supplierDdtDate', 'receivedOn', 'locationId', 'note', ...sent.flatMap((_, j) => ['itemId', 'quantity', 'supplierLotCode', 'expiresOn', 'unitCost'].map((f) => `lines.${j}.${f}`))];

  return (
    <>
      <BackLink to="/inventory">{t('nav.inventory')}</BackLink>
      <PageHeader title={t('inventory.receive.title')} subtitle={t('inventory.receive.subtitle')} />
      {done ? null : <QueryError query={locations} queries={[preset, poQuery]} describe={(e) => invErrorText(e, i18n)} />}
      {done ? null : <PurchaseOrderBanner po={fromPo} />}
      {done ? (
        <ReceiveDone done={done} onAgain={again} />
      ) : (
        <SubmitForm onSubmit={submit} data-testid="receive-form">
          <Card withBorder radius="md" padding="md" mb="md">
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, md: 5 }}>
                <SupplierSelect label={t('inventory.receive.supplier')} value={head.supplier} onChange={(s) => setH('supplier', s)} error={headErr('supplierId')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 2 }}>
                <TextInput label={t('inventory.receive.ddtNumber')} value={head.ddtNumber} onChange={(e) => setH('ddtNumber', e.currentTarget.value)} error={headErr('supplierDdtNumber')} data-testid="receive-ddt-number" />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 2 }}>
                <TextInput label={t('inventory.receive.ddtDate')} placeholder={t('inventory.date.placeholder')} value={head.ddtDate} onChange={(e) => setH('ddtDate', e.currentTarget.value)} error={headErr('supplierDdtDate')} data-testid="receive-ddt-date" />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 3 }}>
                <TextInput label={t('inventory.receive.receivedOn')} required value={head.receivedOn} onChange={(e) => setH('receivedOn', e.currentTarget.value)} error={headErr('receivedOn')} data-testid="receive-date" />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 5 }}>
                <NativeSelect
                  label={t('inventory.field.location')}
                  value={locationId}
                  onChange={(e) => setH('locationId', e.currentTarget.value)}
                  data={(locations.data?.locations ?? []).map((l) => ({ value: String(l.id), label: `${l.code} — ${l.name}` }))}
                  error={headErr('locationId')}
                  data-testid="receive-location"
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Textarea label={t('inventory.field.note')} autosize minRows={1} maxRows={4} value={head.note} onChange={(e) => setH('note', e.currentTarget.value)} error={headErr('note')} data-testid="receive-note" />
              </Grid.Col>
            </Grid>
          </Card>
          <LinesCard title={t('inventory.receive.lines')} addLabel={t('inventory.receive.line.add')} onAdd={addLine} addTestId="receive-line-add">
            <ReceiveLines lines={lines} receivedOn={receivedOn} focusKey={focusKey.current} err={lineErr} setLine={setLine} removeLine={removeLine} addLine={addLine} />
          </LinesCard>
          {receive.error && duplicates.length === 0 ? (
            <div style={{ marginBottom: 16 }}>
              <InvErrorAlert error={receive.error} shownFields={shown} testId="receive-error" />
            </div>
          ) : null}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              <Kbd size="xs">↵</Kbd> {t('inventory.receive.keys.enter')} · <Kbd size="xs">{MOD}</Kbd> + <Kbd size="xs">S</Kbd> {t('inventory.receive.keys.save')}
            </Text>
            <Button type="submit" loading={receive.isPending} data-testid="receive-submit">
              {t('inventory.receive.submit')}
            </Button>
          </Group>
        </SubmitForm>
      )}
      <DuplicatesDialog
        key={duplicates.map((d) => d.lineKey).join(',')}
        duplicates={duplicates}
        onCancel={() => setDuplicates([])}
        onConfirm={(c) => {
          setDuplicates([]);
          submit(c);
        }}
      />
    </>
  );
}
