/**
 * The receipt's lines, typed like a spreadsheet: Enter moves to the next field, Enter on
 * the last field of the last line adds a line; the bin (reachable with Tab) removes one.
 */
import type { KeyboardEvent } from 'react';
import { Table, Text, TextInput, Tooltip } from '@mantine/core';
import { addDays } from '../../../src-shared/domain/dates';
import { useApiQuery } from '../../api/hooks';
import { LineRow, LinesTable, RemoveLine } from '../../components/LinesTable';
import { ItemPicker } from '../../components/ItemPicker';
import { useI18n } from '../../i18n/I18nProvider';
import { typedDate } from './dates';
import type { ReceiveLine } from './receiveForm';
import { errorText } from '../../components/errors';

const FIELDS = ['qty', 'lot', 'expiry', 'cost'] as const;
type Field = (typeof FIELDS)[number];

export function focusLineField(row: number, field: Field | 'item') {
  requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-testid="receive-line-${field}-${row}"]`)?.focus());
}

interface RowProps {
  line: ReceiveLine;
  row: number;
  last: boolean;
  receivedOn: string;
  autoFocus: boolean;
  err(field: string): string | undefined;
  onChange(patch: Partial<ReceiveLine>): void;
  onRemove(): void;
  onAddLine(): void;
}

function ReceiveLineRow({ line, row, last, receivedOn, autoFocus, err, onChange, onRemove, onAddLine }: RowProps) {
  const { t, fmt } = useI18n();
  const detail = useApiQuery('catalog.getItem', { id: line.item?.id ?? 0 }, { enabled: !!line.item, staleTime: 60_000 });
  const shelfLife = line.item && detail.data?.id === line.item.id ? detail.data.shelfLifeDays : null;
  const defaultExpiry = shelfLife !== null ? addDays(receivedOn, shelfLife) : null;
  const unit = line.item ? fmt.unit(line.item.unit) : '';

  const onKey = (field: Field) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const next = FIELDS[FIELDS.indexOf(field) + 1];
    if (next) focusLineField(row, next);
    else if (last) onAddLine();
    else focusLineField(row + 1, 'item');
  };
  const tag = (text: string, typed: string) => (line.item && !/\p{L}/u.test(typed) ? <Text size="xs" c="dimmed" fw={600}>{text}</Text> : null);

  return (
    <LineRow number={row + 1} testId={`receive-line-${row}`} remove={<RemoveLine label={t('inventory.receive.line.remove')} onRemove={onRemove} testId={`receive-line-remove-${row}`} />}>
      <Table.Td>
        <ItemPicker
          value={line.item}
          onChange={(item) => {
            onChange({ item });
            if (item) focusLineField(row, 'qty');
          }}
          error={err('itemId')}
          autoFocus={autoFocus}
          placeholder={t('inventory.receive.line.pick')}
          aria-label={t('inventory.receive.col.item')}
          data-testid={`receive-line-item-${row}`}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          value={line.quantity}
          onChange={(e) => onChange({ quantity: e.currentTarget.value })}
          onKeyDown={onKey('qty')}
          rightSection={tag(unit, line.quantity)}
          inputMode="decimal"
          error={err('quantity')}
          aria-label={t('inventory.receive.col.quantity')}
          data-testid={`receive-line-qty-${row}`}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          value={line.supplierLotCode}
          onChange={(e) => onChange({ supplierLotCode: e.currentTarget.value })}
          onKeyDown={onKey('lot')}
          classNames={{ input: 'mono-input' }}
          error={err('supplierLotCode')}
          aria-label={t('inventory.receive.col.supplierLot')}
          data-testid={`receive-line-lot-${row}`}
          autoComplete="off"
          spellCheck={false}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          value={line.expiry}
          onChange={(e) => onChange({ expiry: e.currentTarget.value })}
          onKeyDown={onKey('expiry')}
          placeholder={defaultExpiry ? typedDate(defaultExpiry) : t('inventory.receive.line.noExpiry')}
          title={defaultExpiry ? t('inventory.receive.line.defaultExpiry', { days: shelfLife ?? 0 }) : undefined}
          // without the item's shelf life no default expiry can be offered: say why
          error={err('expiresOn') ?? (detail.error ? errorText(detail.error, t) : undefined)}
          aria-label={t('inventory.receive.col.expiry')}
          data-testid={`receive-line-expiry-${row}`}
          autoComplete="off"
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          value={line.unitCost}
          onChange={(e) => onChange({ unitCost: e.currentTarget.value })}
          onKeyDown={onKey('cost')}
          leftSection={<Text size="sm" c="dimmed">€</Text>}
          rightSection={line.item ? <Text size="xs" c="dimmed" fw={600}>/ {unit}</Text> : null}
          rightSectionWidth={44}
          inputMode="decimal"
          error={err('unitCost')}
          aria-label={t('inventory.receive.col.unitCost')}
          data-testid={`receive-line-cost-${row}`}
        />
      </Table.Td>
    </LineRow>
  );
}

interface Props {
  lines: ReceiveLine[];
  receivedOn: string;
  focusKey: number | null;
  err(row: number, field: string): string | undefined;
  setLine(key: number, patch: Partial<ReceiveLine>): void;
  removeLine(key: number): void;
  addLine(): void;
}

export function ReceiveLines({ lines, receivedOn, focusKey, err, setLine, removeLine, addLine }: Props) {
  const { t } = useI18n();
  return (
    <LinesTable
      numbered
      className="inv-lines"
      testId="receive-lines"
      columns={[
        { header: t('inventory.receive.col.item') },
        { header: t('inventory.receive.col.quantity'), width: 150 },
        { header: t('inventory.receive.col.supplierLot'), width: 170 },
        {
          header: (
            <Tooltip label={t('inventory.receive.col.expiry.hint')} multiline w={260}>
              <span>{t('inventory.receive.col.expiry')}</span>
            </Tooltip>
          ),
          width: 150,
        },
        { header: t('inventory.receive.col.unitCost'), width: 150 },
      ]}
    >
        {lines.map((l, i) => (
          <ReceiveLineRow
            key={l.key}
            line={l}
            row={i}
            last={i === lines.length - 1}
            receivedOn={receivedOn}
            autoFocus={focusKey === l.key}
            err={(f) => err(i, f)}
            onChange={(patch) => setLine(l.key, patch)}
            onRemove={() => removeLine(l.key)}
            onAddLine={addLine}
          />
        ))}
    </LinesTable>
  );
}
