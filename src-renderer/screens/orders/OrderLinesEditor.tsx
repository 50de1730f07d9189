/**
 * The lines of an order being typed: item (searched as you type), quantity in the item's
 * unit ("24", "2,5 kg"), unit price (the item's list price to start with), discount %,
 * VAT % (22 unless changed) and the line's net amount, live.
 */
import { useRef, type Dispatch, type SetStateAction } from 'react';
import { ActionIcon, Button, Card, Group, Table, Text, TextInput, Tooltip } from '@mantine/core';
import type { Unit } from '../../../src-shared/domain/units';
import { IconPlus, IconTrash } from '../../components/icons';
import { ItemPicker, type PickedItem } from '../../components/ItemPicker';
import { useI18n } from '../../i18n/I18nProvider';
import { lineAmounts } from './orderTotals';

export interface LineRow {
  key: number;
  item: PickedItem | null;
  salePriceCents: number | null;
  quantity: string;
  unitPrice: string;
  discountPct: string;
  vatPct: string;
  note: string;
}

let nextKey = 1;
export const newLine = (): LineRow => ({ key: nextKey++, item: null, salePriceCents: null, quantity: '', unitPrice: '', discountPct: '', vatPct: '22', note: '' });

interface Props {
  lines: LineRow[];
  setLines: Dispatch<SetStateAction<LineRow[]>>;
  onPickItem(key: number, item: PickedItem | null): void;
  err(path: (string | number)[]): string | undefined;
}

export function OrderLinesEditor({ lines, setLines, onPickItem, err }: Props) {
  const { t, fmt } = useI18n();
  const focusKey = useRef<number | null>(null);
  const setLine = (key: number, patch: Partial<LineRow>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const addLine = () => {
    const l = newLine();
    focusKey.current = l.key;
    setLines((ls) => [...ls, l]);
  };
  const removeLine = (key: number) => setLines((ls) => (ls.length > 1 ? ls.filter((l) => l.key !== key) : [newLine()]));
  // the item's unit, as long as the typed text does not name one itself
  const unitTag = (u: Unit | undefined, typed: string) =>
    u && !/\p{L}/u.test(typed) ? (
      <Text size="xs" c="dimmed" fw={600}>
        {fmt.unit(u)}
      </Text>
    ) : null;
  const suffix = (s: string) => (
    <Text size="xs" c="dimmed">
      {s}
    </Text>
  );

  return (
    <Card withBorder radius="md" padding={0} mb="md">
      <Group justify="space-between" px="md" py="sm">
        <Text fw={600} size="sm">
          {t('orders.lines')}
        </Text>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={addLine} data-testid="order-line-add">
          {t('orders.line.add')}
        </Button>
      </Group>
      <Table verticalSpacing={6} horizontalSpacing="xs" style={{ tableLayout: 'fixed' }}>
        <colgroup>
          <col style={{ width: 32 }} />
          <col />
          <col style={{ width: 130 }} />
          <col style={{ width: 120 }} />
          <col style={{ width: 92 }} />
          <col style={{ width: 92 }} />
          <col style={{ width: 112 }} />
          <col style={{ width: 40 }} />
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>{t('orders.line.item')}</Table.Th>
            <Table.Th>{t('orders.line.quantity')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('orders.line.unitPrice')}</Table.Th>
            <Table.Th>{t('orders.line.discount')}</Table.Th>
            <Table.Th>{t('orders.line.vat')}</Table.Th>
            <Table.Th ta="right">{t('orders.line.net')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, i) => {
            const amounts = lineAmounts({ unit: l.item?.unit ?? null, quantity: l.quantity, unitPrice: l.unitPrice, salePriceCents: l.salePriceCents, discountPct: l.discountPct, vatPct: l.vatPct });
            return (
              <Table.Tr key={l.key} data-testid={`order-line-${i}`} style={{ verticalAlign: 'top' }}>
                <Table.Td pt={12}>
                  <Text size="xs" c="dimmed" ta="right">
                    {i + 1}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ItemPicker
                    value={l.item}
                    onChange={(it) => onPickItem(l.key, it)}
                    error={err(['lines', i, 'itemId'])}
                    autoFocus={focusKey.current === l.key}
                    aria-label={t('orders.line.item')}
                    data-testid={`order-line-item-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    value={l.quantity}
                    onChange={(e) => setLine(l.key, { quantity: e.currentTarget.value })}
                    rightSection={unitTag(l.item?.unit, l.quantity)}
                    error={err(['lines', i, 'quantity'])}
                    inputMode="decimal"
                    aria-label={t('orders.line.quantity')}
                    data-testid={`order-line-qty-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    value={l.unitPrice}
                    onChange={(e) => setLine(l.key, { unitPrice: e.currentTarget.value })}
                    rightSection={suffix('€')}
                    rightSectionWidth={26}
                    error={err(['lines', i, 'unitPrice'])}
                    inputMode="decimal"
                    placeholder={l.salePriceCents !== null ? fmt.decimalInput(l.salePriceCents, 2, { minFractionDigits: 2 }) : undefined}
                    aria-label={t('orders.line.unitPrice')}
                    data-testid={`order-line-price-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    value={l.discountPct}
                    onChange={(e) => setLine(l.key, { discountPct: e.currentTarget.value })}
                    rightSection={suffix('%')}
                    rightSectionWidth={26}
                    error={err(['lines', i, 'discountPct'])}
                    inputMode="decimal"
                    placeholder="0"
                    aria-label={t('orders.line.discount')}
                    data-testid={`order-line-discount-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    value={l.vatPct}
                    onChange={(e) => setLine(l.key, { vatPct: e.currentTarget.value })}
                    rightSection={suffix('%')}
                    rightSectionWidth={26}
                    error={err(['lines', i, 'vatPct'])}
                    inputMode="decimal"
                    placeholder="22"
                    aria-label={t('orders.line.vat')}
                    data-testid={`order-line-vat-${i}`}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && i === lines.length - 1) {
                        e.preventDefault();
                        addLine();
                      }
                    }}
                  />
                </Table.Td>
                <Table.Td ta="right" pt={12}>
                  <Text size="sm" className="num" data-testid={`order-line-net-${i}`} c={amounts ? undefined : 'dimmed'}>
                    {amounts ? fmt.money(amounts.netCents) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={t('orders.line.remove')}>
                    <ActionIcon variant="subtle" color="gray" onClick={() => removeLine(l.key)} aria-label={t('orders.line.remove')} data-testid={`order-line-remove-${i}`} mt={4}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
