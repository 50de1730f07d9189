/**
 * Choose an item by typing part of its SKU or name: the server searches as you type
 * (catalog.searchItems), so it stays fast with a catalogue of tens of thousands.
 * `hasRecipe` narrows it to what can be made (the new production order's picker).
 */
import { useMemo, useState } from 'react';
import { Group, Select, Text } from '@mantine/core';
import type { ItemKind } from '../../src-shared/contract/common';
import type { Unit } from '../../src-shared/domain/units';
import { useI18n } from '../i18n/I18nProvider';
import { KindBadge } from './KindBadge';
import { errorText } from './errors';
import { useTypedSearchRows } from './typedSearch';

export interface PickedItem {
  id: number;
  sku: string;
  name: string;
  kind: ItemKind;
  unit: Unit;
}

interface Props {
  value: PickedItem | null;
  onChange(item: PickedItem | null): void;
  kinds?: ItemKind[];
  /** only items with an active recipe */
  hasRecipe?: boolean;
  /** items that may not be chosen (the recipe's own item) */
  excludeIds?: number[];
  label?: string;
  description?: string;
  placeholder?: string;
  error?: string;
  autoFocus?: boolean;
  'data-testid'?: string;
  'aria-label'?: string;
  /** focus it when its modal opens */
  'data-autofocus'?: boolean;
}

const labelOf = (i: PickedItem) => `${i.name} · ${i.sku}`;

export function ItemPicker({ value, onChange, kinds, hasRecipe, excludeIds = [], label, description, placeholder, error, autoFocus, ...rest }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState(value ? labelOf(value) : '');
  // while the box shows the chosen item, list everything rather than search for its label
  const q = value && search === labelOf(value) ? '' : search;
  const { rows, awaiting, error: searchError } = useTypedSearchRows(q, 'catalog.searchItems', (sent) => ({ q: sent, kinds, ...(hasRecipe ? { hasRecipe } : {}), limit: 30 }), (out) => out.items);

  const byId = useMemo(() => {
    const m = new Map<string, PickedItem>();
    if (value) m.set(String(value.id), value);
    for (const i of rows) if (!excludeIds.includes(i.id)) m.set(String(i.id), i);
    return m;
  }, [rows, value, excludeIds]);

  const data = [...byId.values()].map((i) => ({ value: String(i.id), label: labelOf(i) }));

  return (
    <Select
      {...rest}
      label={label}
      description={description}
      placeholder={placeholder ?? t('recipe.component.pick')}
      searchable
      clearable={false}
      allowDeselect={false}
      autoFocus={autoFocus}
      data={data}
      value={value ? String(value.id) : null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={awaiting ? t('common.loading') : t('recipe.component.noneFound')}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true, width: 'target', shadow: 'md' }}
      // a failed search says so under the box; typing again asks again
      error={error ?? (searchError ? errorText(searchError, t) : undefined)}
      onChange={(v) => onChange(v ? (byId.get(v) ?? null) : null)}
      renderOption={({ option }) => {
        const item = byId.get(option.value);
        if (!item) return option.label;
        return (
          <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" truncate>
                {item.name}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {item.sku} · {t(`unit.symbol.${item.unit}`)}
              </Text>
            </div>
            <KindBadge kind={item.kind} size="xs" />
          </Group>
        );
      }}
    />
  );
}
