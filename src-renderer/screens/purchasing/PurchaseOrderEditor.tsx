/**
 * #/purchasing/new and #/purchasing/7/edit: supplier, dates, notes and lines typed like a
 * spreadsheet (Enter moves on, Enter on the last field adds a line). Price and expected
 * date may stay empty: the server fills them from the supplier's terms.
 */
import { useState } from 'react';
import { Button, Card, Grid, Group, Table, Text, TextInput, Textarea } from '@mantine/core';
import { localDate } from '../../../src-shared/domain/dates';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { ItemPicker } from '../../components/ItemPicker';
import { notifySaved } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useSaveShortcut } from '../../components/shortcuts';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { BackLink } from '../../components/BackLink';
import { typedDate } from '../inventory/dates';
import { SupplierSelect } from '../inventory/SupplierSelect';
import { checkPo, formOf, isBlankLine, newPoLine, poInput, type PoHead, type PoLine } from './poForm';
import { SubmitForm } from '../../components/SubmitForm';
import { QueryState } from '../../components/QueryState';
import { LineRow, LinesCard, LinesTable, RemoveLine, useLineList } from '../../components/LinesTable';

const FIELDS = ['qty', 'price', 'expected'] as const;
const focusField = (row: number, field: (typeof FIELDS)[number] | 'item') =>
  requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-testid="po-line-${field}-${row}"]`)?.focus());

export function PurchaseOrderEditorPage({ id }: { id: number | null }) {
  const { fmt } = useI18n();
  const detail = useApiQuery('purchasing.get', { id: id ?? 0 }, { enabled: id !== null });
  if (id === null) return <PurchaseOrderEditor id={null} number={null} initial={{ head: { supplier: null, orderedOn: typedDate(localDate(new Date())), expectedOn: '', notes: '' }, lines: [newPoLine()] }} />;
  if (detail.data === undefined || detail.error) return <QueryState query={detail} />;
  return <PurchaseOrderEditor id={id} number={detail.data.number} initial={formOf(detail.data, fmt)} />;
}

function PurchaseOrderEditor({ id, number, initial }: { id: number | null; number: string | null; initial: { head: PoHead; lines: PoLine[] } }) {
  const { t, fmt } = useI18n();
  const [head, setHead] = useState(initial.head);
  const [lines, setLines] = useState(initial.lines);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<number[]>([]);
  const onSaved = { onSuccess: (po: { id: number; number: string }) => { notifySaved(t('purchasing.editor.saved', { number: po.number })); navigate(`/purchasing/${po.id}`, { replace: true }); } };
  const create = useApiCommand('purchasing.create', onSaved);
  const update = useApiCommand('purchasing.update', onSaved);
  const save = id === null ? create : update;
  const server = fieldErrors(save.error, t, (path): Record<string, string> => {
    const row = sent[Number(path.split('.')[1])];
    const unit = row !== undefined ? lines[row]?.item?.unit : undefined;
    return unit ? { unit } : {};
  });
  const headErr = (f: string) => clientErrors[f] ?? server[f];
  const lineErr = (row: number, f: string) => {
    const j = sent.indexOf(row);
    return j < 0 ? undefined : (clientErrors[`lines.${j}.${f}`] ?? server[`lines.${j}.${f}`]);
  };

  const setH = <K extends keyof PoHead>(k: K, v: PoHead[K]) => setHead((h) => ({ ...h, [k]: v }));
  const list = useLineList(setLines, newPoLine);
  const addLine = list.add;
  const submit = () => {
    const filled = lines.map((_, i) => i).filter((i) => !isBlankLine(lines[i]!));
    const used = filled.length > 0 ? filled : [0];
    setSent(used);
    const e = checkPo(head, lines, used, { required: t('purchasing.editor.required'), pickItem: t('purchasing.editor.pickItem'), pickSupplier: t('purchasing.editor.pickSupplier'), date: t('purchasing.editor.badDate') });
    setClientErrors(e);
    if (Object.keys(e).length > 0) return;
    const input = poInput(head, lines, used);
    if (id === null) create.mutate(input);
    else update.mutate({ id, ...input });
  };
  useSaveShortcut(submit);

  const onKey = (row: number, field: (typeof FIELDS)[number]) => (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const next = FIELDS[FIELDS.indexOf(field) + 1];
    if (next) focusField(row, next);
    else if (row === lines.length - 1) addLine();
    else focusField(row + 1, 'item');
  };

  return (
    <>
      <BackLink to={id === null ? '/purchasing' : `/purchasing/${id}`}>{number ?? t('purchasing.page.back')}</BackLink>
      <PageHeader title={id === null ? t('purchasing.editor.newTitle') : t('purchasing.editor.editTitle', { number: number ?? '' })} subtitle={t('purchasing.editor.subtitle')} />
      <SubmitForm onSubmit={submit} data-testid="po-form">
        <Card withBorder radius="md" padding="md" mb="md">
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <SupplierSelect label={t('purchasing.editor.supplier')} value={head.supplier} onChange={(s) => setH('supplier', s)} error={headErr('supplierId')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 3 }}>
              <TextInput label={t('purchasing.editor.orderedOn')} required value={head.orderedOn} onChange={(e) => setH('orderedOn', e.currentTarget.value)} error={headErr('orderedOn')} data-testid="po-ordered-on" />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 3 }}>
              <TextInput
                label={t('purchasing.editor.expectedOn')}
                placeholder={t('inventory.date.placeholder')}
                description={t('purchasing.editor.expectedHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                value={head.expectedOn}
                onChange={(e) => setH('expectedOn', e.currentTarget.value)}
                error={headErr('expectedOn')}
                data-testid="po-expected-on"
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea label={t('purchasing.editor.notes')} autosize minRows={1} maxRows={4} value={head.notes} onChange={(e) => setH('notes', e.currentTarget.value)} error={headErr('notes')} data-testid="po-notes" />
            </Grid.Col>
          </Grid>
        </Card>
        <LinesCard title={t('purchasing.editor.lines')} addLabel={t('purchasing.editor.addLine')} onAdd={addLine} addTestId="po-line-add">
          <LinesTable
            fixed={false}
            removeWidth={44}
            testId="po-form-lines"
            columns={[
              { header: t('purchasing.line.item') },
              { header: t('purchasing.editor.quantity'), width: 150 },
              { header: t('purchasing.editor.price'), width: 150 },
              { header: t('purchasing.editor.lineExpected'), width: 150 },
            ]}
          >
            {lines.map((l, row) => (
              <LineRow key={l.key} testId={`po-form-line-${row}`} remove={<RemoveLine label={t('purchasing.editor.removeLine')} onRemove={() => list.remove(l.key)} />}>
                <Table.Td>
                  <ItemPicker
                    value={l.item}
                    onChange={(item) => {
                      list.set(l.key, { item });
                      if (item) focusField(row, 'qty');
                    }}
                    error={lineErr(row, 'itemId')}
                    autoFocus={list.focusKey.current === l.key}
                    aria-label={t('purchasing.line.item')}
                    data-testid={`po-line-item-${row}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    value={l.quantity}
                    onChange={(e) => list.set(l.key, { quantity: e.currentTarget.value })}
                    onKeyDown={onKey(row, 'qty')}
                    rightSection={l.item ? <Text size="xs" c="dimmed" fw={600}>{fmt.unit(l.item.unit)}</Text> : null}
                    error={lineErr(row, 'quantity')}
                    aria-label={t('purchasing.editor.quantity')}
                    data-testid={`po-line-qty-${row}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    value={l.unitPrice}
                    placeholder={t('purchasing.editor.pricePlaceholder')}
                    onChange={(e) => list.set(l.key, { unitPrice: e.currentTarget.value })}
                    onKeyDown={onKey(row, 'price')}
                    error={lineErr(row, 'unitPrice')}
                    aria-label={t('purchasing.editor.price')}
                    data-testid={`po-line-price-${row}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    value={l.expectedOn}
                    placeholder={t('purchasing.editor.lineExpectedPlaceholder')}
                    onChange={(e) => list.set(l.key, { expectedOn: e.currentTarget.value })}
                    onKeyDown={onKey(row, 'expected')}
                    error={lineErr(row, 'expectedOn')}
                    aria-label={t('purchasing.editor.lineExpected')}
                    data-testid={`po-line-expected-${row}`}
                  />
                </Table.Td>
              </LineRow>
            ))}
          </LinesTable>
        </LinesCard>
        {save.error ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={save.error} shownFields={Object.keys(server).filter((k) => k !== '')} testId="po-error" />
          </div>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="po-save">
            {t('purchasing.editor.save')}
          </Button>
        </Group>
      </SubmitForm>
    </>
  );
}
