/**
 * On the item page: who sells this item and on what terms — the preferred supplier (where
 * orders from the shortage list go), their code, minimum and multiple, lead time in working
 * days (the item's own when empty) and price. Add, change or remove in a small dialog.
 */
import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Group, Modal, NumberInput, SimpleGrid, Stack, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import type { SupplierTerms } from '../../../src-shared/contract/purchasing';
import type { Unit } from '../../../src-shared/domain/units';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { IconPlus, IconTrash } from '../../components/icons';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { SupplierSelect, type PickedSupplier } from '../inventory/SupplierSelect';
import { SubmitForm } from '../../components/SubmitForm';
import { QueryError } from '../../components/QueryState';

interface ItemRef {
  id: number;
  unit: Unit;
  leadTimeDays: number | null;
}

interface Draft {
  id?: number;
  supplier: PickedSupplier | null;
  preferred: boolean;
  supplierCode: string;
  minQuantity: string;
  multiple: string;
  leadTimeDays: number | string;
  price: string;
}

function TermsDialog({ item, draft, onClose }: { item: ItemRef; draft: Draft; onClose(): void }) {
  const { t, fmt } = useI18n();
  const [d, setD] = useState(draft);
  const save = useApiCommand('purchasing.saveSupplierTerms', {
    onSuccess: () => {
      notifySaved(t('purchasing.terms.saved'));
      onClose();
    },
  });
  const err = fieldErrors(save.error, t, (): Record<string, string> => ({ unit: item.unit }));
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const submit = () => {
    if (!d.supplier) return;
    save.mutate({
      id: d.id,
      itemId: item.id,
      supplierId: d.supplier.id,
      preferred: d.preferred,
      supplierCode: d.supplierCode,
      minQuantity: d.minQuantity,
      multiple: d.multiple,
      leadTimeDays: typeof d.leadTimeDays === 'number' ? d.leadTimeDays : null,
      price: d.price,
    });
  };
  const unit = <Text size="xs" c="dimmed" fw={600} pr={4}>{fmt.unit(item.unit)}</Text>;
  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>{d.id ? t('purchasing.terms.edit') : t('purchasing.terms.add')}</Text>} size="lg">
      <SubmitForm onSubmit={submit} data-testid="terms-form">
        <Stack gap="sm">
          <SupplierSelect label={t('purchasing.terms.supplier')} value={d.supplier} onChange={(s) => set({ supplier: s })} error={err.supplierId} />
          <Switch label={t('purchasing.terms.preferred')} description={t('purchasing.terms.preferredHint')} checked={d.preferred} onChange={(e) => set({ preferred: e.currentTarget.checked })} data-testid="terms-preferred" />
          <SimpleGrid cols={2}>
            <TextInput label={t('purchasing.terms.code')} value={d.supplierCode} onChange={(e) => set({ supplierCode: e.currentTarget.value })} error={err.supplierCode} data-testid="terms-code" />
            <TextInput label={t('purchasing.terms.price')} value={d.price} onChange={(e) => set({ price: e.currentTarget.value })} error={err.price} data-testid="terms-price" />
            <TextInput label={t('purchasing.terms.min')} value={d.minQuantity} rightSection={unit} onChange={(e) => set({ minQuantity: e.currentTarget.value })} error={err.minQuantity} data-testid="terms-min" />
            <TextInput label={t('purchasing.terms.multiple')} value={d.multiple} rightSection={unit} onChange={(e) => set({ multiple: e.currentTarget.value })} error={err.multiple} data-testid="terms-multiple" />
            <NumberInput
              label={t('purchasing.terms.lead')}
              placeholder={item.leadTimeDays !== null ? `${t('purchasing.terms.leadPlaceholder')}: ${item.leadTimeDays}` : undefined}
              min={0}
              max={365}
              allowDecimal={false}
              value={d.leadTimeDays}
              onChange={(v) => set({ leadTimeDays: v })}
              error={err.leadTimeDays}
              data-testid="terms-lead"
            />
          </SimpleGrid>
          {save.error ? <ErrorAlert error={save.error} shownFields={Object.keys(err)} /> : null}
          <Group justify="flex-end">
            <Button type="submit" disabled={!d.supplier} loading={save.isPending} data-testid="terms-save">
              {t('purchasing.terms.save')}
            </Button>
          </Group>
        </Stack>
      </SubmitForm>
    </Modal>
  );
}

function draftOf(x: SupplierTerms, fmt: ReturnType<typeof useI18n>['fmt']): Draft {
  const qty = (m: number) => (m > 0 ? fmt.qtyInput(m, x.item.unit) : '');
  return {
    id: x.id,
    supplier: x.supplier,
    preferred: x.preferred,
    supplierCode: x.supplierCode ?? '',
    minQuantity: qty(x.minQtyMilli),
    multiple: qty(x.multipleMilli),
    leadTimeDays: x.leadTimeDays ?? '',
    price: x.priceMicros === null ? '' : fmt.decimalInput(x.priceMicros, 6),
  };
}

export function SupplierTermsCard({ item }: { item: ItemRef }) {
  const { t, fmt } = useI18n();
  const terms = useApiQuery('purchasing.listSupplierTerms', { itemId: item.id });
  const [editing, setEditing] = useState<Draft | null>(null);
  const remove = useApiCommand('purchasing.deleteSupplierTerms');
  const rows = terms.data ?? [];
  const none = t('purchasing.terms.none');
  const qty = (m: number) => (m > 0 ? fmt.qty(m, item.unit) : none);
  const lead = (x: SupplierTerms) =>
    x.leadTimeDays !== null
      ? t('purchasing.terms.leadDays', { count: x.leadTimeDays })
      : x.itemLeadTimeDays !== null
        ? t('purchasing.terms.leadFromItem', { days: t('purchasing.terms.leadDays', { count: x.itemLeadTimeDays }) })
        : none;
  const fresh: Draft = { supplier: null, preferred: rows.length === 0, supplierCode: '', minQuantity: '', multiple: '', leadTimeDays: '', price: '' };

  return (
    <Card withBorder radius="md" padding="md" mt="md" data-testid="supplier-terms">
      <Group justify="space-between" mb="xs">
        <div>
          <Text fw={600} size="sm">
            {t('purchasing.terms.title')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('purchasing.terms.subtitle')}
          </Text>
        </div>
        <Group gap="xs">
          <Link to={`/purchasing?item=${item.id}`} size="sm">
            {t('purchasing.terms.openOrders')}
          </Link>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing(fresh)} data-testid="terms-add">
            {t('purchasing.terms.add')}
          </Button>
        </Group>
      </Group>
      <QueryError query={terms} />
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('purchasing.terms.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={6} fz="sm" highlightOnHover data-testid="terms-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('purchasing.terms.supplier')}</Table.Th>
              <Table.Th>{t('purchasing.terms.code')}</Table.Th>
              <Table.Th ta="right">{t('purchasing.terms.min')}</Table.Th>
              <Table.Th ta="right">{t('purchasing.terms.multiple')}</Table.Th>
              <Table.Th>{t('purchasing.terms.leadShort')}</Table.Th>
              <Table.Th ta="right">{t('purchasing.terms.price')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((x) => (
              <Table.Tr key={x.id} style={{ cursor: 'pointer' }} onClick={() => setEditing(draftOf(x, fmt))} data-testid={`terms-row-${x.supplier.id}`}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {x.supplier.name}
                    </Text>
                    {x.preferred ? (
                      <Badge size="xs" variant="light" color="teal">
                        {t('purchasing.terms.preferred')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td ff="monospace">{x.supplierCode ?? none}</Table.Td>
                <Table.Td ta="right" className="num">{qty(x.minQtyMilli)}</Table.Td>
                <Table.Td ta="right" className="num">{qty(x.multipleMilli)}</Table.Td>
                <Table.Td>{lead(x)}</Table.Td>
                <Table.Td ta="right" className="num">{x.priceMicros === null ? none : fmt.perUnit(x.priceMicros, item.unit)}</Table.Td>
                <Table.Td>
                  <Tooltip label={t('purchasing.terms.remove')}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('purchasing.terms.remove')}
                      onClick={(e) => {
                        e.stopPropagation();
                        remove.mutate({ id: x.id });
                      }}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing ? <TermsDialog item={item} draft={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
