/**
 * What the release and the complete dialogs share: a component's card (its name and SKU,
 * what it needs), and the lot rows under it — a lot, a quantity, a bin — with "add a lot".
 */
import type { ReactNode } from 'react';
import { ActionIcon, Button, Group, Paper, Text, TextInput, Tooltip } from '@mantine/core';
import type { Unit } from '../../../src-shared/domain/units';
import { IconPlus, IconTrash } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { LotSelect } from './LotSelect';

interface Item {
  id: number;
  sku: string;
  name: string;
  unit: Unit;
}

/** A component of the production order with its lots; `detail` goes under the name, `aside` on the right. */
export function ComponentLotsCard({ item, detail, aside, testId, children }: { item: Item; detail?: ReactNode; aside: ReactNode; testId: string; children: ReactNode }) {
  // the whole name, wrapping when the dialog is narrow: picking lots for a component you
  // cannot read is a mistake waiting to happen
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Group justify="space-between" mb={6} wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text fw={600} size="sm" data-testid={`${testId}-name`}>
            {item.name}{' '}
            <Text span size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {item.sku}
            </Text>
          </Text>
          {detail}
        </div>
        <div style={{ flex: 'none' }}>{aside}</div>
      </Group>
      {children}
    </Paper>
  );
}

export interface LotPick {
  key: number;
  lotId: number | null;
  code: string | null;
  quantity: string;
}

/** One lot row; test ids `<area>-lot-<sku>-<n>` and `<area>-qty-<sku>-<n>`. */
export function LotPickRow({
  item,
  pick,
  index,
  area,
  lotError,
  qtyError,
  removeLabel,
  onChange,
  onRemove,
}: {
  item: Item;
  pick: LotPick;
  index: number;
  area: 'release' | 'complete';
  lotError?: string;
  qtyError?: string;
  removeLabel: string;
  onChange(patch: Partial<LotPick>): void;
  onRemove(): void;
}) {
  const { t } = useI18n();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <LotSelect
        itemId={item.id}
        unit={item.unit}
        value={pick.lotId}
        knownCode={pick.code ?? undefined}
        onChange={(lotId, code) => onChange({ lotId, code })}
        error={lotError}
        aria-label={t('production.release.lot')}
        data-testid={`${area}-lot-${item.sku}-${index}`}
      />
      <TextInput
        value={pick.quantity}
        onChange={(e) => onChange({ quantity: e.currentTarget.value })}
        error={qtyError}
        inputMode="decimal"
        w={150}
        aria-label={t('production.release.qty')}
        data-testid={`${area}-qty-${item.sku}-${index}`}
      />
      <Tooltip label={removeLabel}>
        <ActionIcon variant="subtle" color="gray" mt={4} aria-label={removeLabel} onClick={onRemove}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

export function AddLotButton({ label, onClick, testId }: { label: string; onClick(): void; testId: string }) {
  return (
    <div>
      <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={onClick} data-testid={testId}>
        {label}
      </Button>
    </div>
  );
}
