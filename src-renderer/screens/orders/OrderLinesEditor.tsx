/**
 * The lines of an order being typed: item (searched as you type), quantity in the item's
 * unit ("24", "2,5 kg"), unit price (the item's list price to start with), discount %,
 * VAT % (22 unless changed) and the line's net amount, live.
 */
import type { Dispatch, SetStateAction } from 'react';
import { ActionIcon, Group, Table, Text, TextInput, Tooltip } from '@mantine/core';
import type { Unit } from '../../../src-shared/domain/units';
import type { PriceSource, Quote } from '../../../src-shared/contract/prices';
import { LineRow, LinesCard, LinesTable, RemoveLine, useLineList } from '../../components/LinesTable';
import { ItemPicker, type PickedItem } from '../../components/ItemPicker';
import { useI18n } from '../../i18n/I18nProvider';
import { lineAmounts } from './orderTotals';
import { LineMargin, type MarginCosts } from './OrderMargins';
import { priceSourceText } from './priceSource';

export interface LineRow {
  key: number;
  item: PickedItem | null;
  salePriceCents: number | null;
  quantity: string;
  unitPrice: string;
  discountPct: string;
  vatPct: string;
  note: string;
  /** where the shown price came from (null: not decided yet) */
  priceSource: PriceSource | null;
  /** the price was typed: kept as typed, sent to the server, which marks it manual */
  priceManual: boolean;
  /** the discount was typed: the customer's discount no longer fills it */
  discountManual: boolean;
  /** the last price decision for this line (list, break, next break) */
  quote: Quote | null;
}

let nextKey = 1;
export const newLine = (): LineRow => ({
  key: nextKey++,
  item: null,
  salePriceCents: null,
  quantity: '',
  unitPrice: '',
  discountPct: '',
  vatPct: '22',
  note: '',
  priceSource: null,
  priceManual: false,
  discountManual: false,
  quote: null,
});

interface Props {
  lines: LineRow[];
  setLines: Dispatch<SetStateAction<LineRow[]>>;
  onPickItem(key: number, item: PickedItem | null): void;
  err(path: (string | number)[]): string | undefined;
  margins: MarginCosts;
}

export function OrderLinesEditor({ lines, setLines, onPickItem, err, margins }: Props) {
  const { t, fmt } = useI18n();
  const list = useLineList(setLines, newLine);
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
  const columns = [
    { header: t('orders.line.item') },
    { header: t('orders.line.quantity'), width: 130 },
    { header: t('orders.line.unitPrice'), width: 120, nowrap: true },
    { header: t('orders.line.discount'), width: 104 },
    { header: t('orders.line.vat'), width: 92 },
    { header: t('orders.line.net'), width: 112, align: 'right' as const },
  ];

  return (
    <LinesCard title={t('orders.lines')} addLabel={t('orders.line.add')} onAdd={list.add} addTestId="order-line-add">
      <LinesTable numbered numberWidth={32} removeWidth={40} spacing="xs" columns={columns}>
        {lines.map((l, i) => {
          const draft = { itemId: l.item?.id ?? null, kind: l.item?.kind ?? null, unit: l.item?.unit ?? null, quantity: l.quantity, unitPrice: l.unitPrice, salePriceCents: l.salePriceCents, discountPct: l.discountPct, vatPct: l.vatPct };
          const amounts = lineAmounts(draft);
          return (
            <LineRow
              key={l.key}
              number={i + 1}
              testId={`order-line-${i}`}
              remove={<RemoveLine label={t('orders.line.remove')} onRemove={() => list.remove(l.key)} testId={`order-line-remove-${i}`} />}
            >
              <Table.Td>
                <ItemPicker
                  value={l.item}
                  onChange={(it) => onPickItem(l.key, it)}
                  error={err(['lines', i, 'itemId'])}
                  autoFocus={list.focusKey.current === l.key}
                  aria-label={t('orders.line.item')}
                  data-testid={`order-line-item-${i}`}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  value={l.quantity}
                  onChange={(e) => list.set(l.key, { quantity: e.currentTarget.value })}
                  rightSection={unitTag(l.item?.unit, l.quantity)}
                  error={err(['lines', i, 'quantity'])}
                  inputMode="decimal"
                  aria-label={t('orders.line.quantity')}
                  data-testid={`order-line-qty-${i}`}
                />
              </Table.Td>
              <Table.Td>
                <Tooltip label={priceSourceText(l, t, fmt)} disabled={l.priceSource === null} multiline w={240} openDelay={200}>
                  <TextInput
                    value={l.unitPrice}
                    onChange={(e) => list.set(l.key, { unitPrice: e.currentTarget.value, priceManual: true, priceSource: 'manual' })}
                    rightSection={suffix('€')}
                    rightSectionWidth={26}
                    error={err(['lines', i, 'unitPrice'])}
                    inputMode="decimal"
                    placeholder={l.salePriceCents !== null ? fmt.decimalInput(l.salePriceCents, 2, { minFractionDigits: 2 }) : undefined}
                    aria-label={t('orders.line.unitPrice')}
                    data-testid={`order-line-price-${i}`}
                    data-source={l.priceSource ?? undefined}
                  />
                </Tooltip>
                {l.priceManual ? (
                  <Group gap={4} wrap="nowrap" mt={2}>
                    <Text size="xs" c="orange.8" fw={600} data-testid={`order-line-manual-${i}`}>
                      {t('orders.price.manual')}
                    </Text>
                    <Tooltip label={t('orders.price.backToList')}>
                      <ActionIcon size="xs" variant="subtle" color="gray" aria-label={t('orders.price.backToList')} onClick={() => list.set(l.key, { priceManual: false, priceSource: null, quote: null })} data-testid={`order-line-price-reset-${i}`}>
                        ↺
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                ) : l.quote?.nextBreak && l.item ? (
                  <Text size="xs" c="dimmed" mt={2} className="num" data-testid={`order-line-next-break-${i}`}>
                    {t('orders.price.nextBreak', { qty: fmt.qty(l.quote.nextBreak.fromMilli, l.item.unit), price: fmt.money(l.quote.nextBreak.priceCents) })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <TextInput
                  value={l.discountPct}
                  onChange={(e) => list.set(l.key, { discountPct: e.currentTarget.value, discountManual: true })}
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
                  onChange={(e) => list.set(l.key, { vatPct: e.currentTarget.value })}
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
                      list.add();
                    }
                  }}
                />
              </Table.Td>
              <Table.Td ta="right" pt={12}>
                <Text size="sm" className="num" data-testid={`order-line-net-${i}`} c={amounts ? undefined : 'dimmed'}>
                  {amounts ? fmt.money(amounts.netCents) : '—'}
                </Text>
                <LineMargin line={draft} costs={margins} index={i} />
              </Table.Td>
            </LineRow>
          );
        })}
      </LinesTable>
    </LinesCard>
  );
}
