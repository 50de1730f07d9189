/** Choose something that can be made: items with an active recipe, searched as you type. */
import { useMemo, useState } from 'react';
import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useApiQuery } from '../../api/hooks';
import type { PickedItem } from '../../components/ItemPicker';
import { KindBadge } from '../../components/KindBadge';
import { useI18n } from '../../i18n/I18nProvider';
import { errorText } from '../../components/errors';

const labelOf = (i: PickedItem) => `${i.name} · ${i.sku}`;

export function RecipeItemPicker({ value, onChange, label, description, error, ...rest }: { value: PickedItem | null; onChange(i: PickedItem | null): void; label?: string; description?: string; error?: string; 'data-testid'?: string }) {
  const { t } = useI18n();
  const [search, setSearch] = useState(value ? labelOf(value) : '');
  const q = value && search === labelOf(value) ? '' : search;
  const [debounced] = useDebouncedValue(q, 150);
  const found = useApiQuery('catalog.searchItems', { q: debounced, hasRecipe: true, limit: 30 }, { placeholderData: (prev) => prev });
  const byId = useMemo(() => {
    const m = new Map<string, PickedItem>();
    if (value) m.set(String(value.id), value);
    for (const i of found.data?.items ?? []) m.set(String(i.id), { id: i.id, sku: i.sku, name: i.name, kind: i.kind, unit: i.unit });
    return m;
  }, [found.data, value]);
  return (
    <Select
      {...rest}
      label={label}
      description={description}
      placeholder={t('recipe.component.pick')}
      searchable
      allowDeselect={false}
      data={[...byId.values()].map((i) => ({ value: String(i.id), label: labelOf(i) }))}
      value={value ? String(value.id) : null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('recipe.component.noneFound')}
      maxDropdownHeight={300}
      comboboxProps={{ withinPortal: true, shadow: 'md' }}
      // a failed search says so under the box; typing again asks again
      error={error ?? (found.error ? errorText(found.error, t) : undefined)}
      data-autofocus
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
