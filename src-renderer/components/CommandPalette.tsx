/**
 * Ctrl/Cmd+K: jump to any screen, start a new record, or find an item by SKU or name
 * and open it. Each action shows its keyboard shortcut.
 */
import { useState } from 'react';
import { Group, Kbd, Text, Box } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { useApiQuery } from '../api/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { NAV } from '../nav';
import { navigate } from '../router';
import { KindBadge } from './KindBadge';
import { IconCustomers, IconItems, IconOrders, IconPlus, IconProduction, IconRecipes, IconSearch, IconSuppliers } from './icons';
import { MOD } from './shortcuts';
import { QueryError } from './QueryState';

function Keys({ keys }: { keys: string[] }) {
  return (
    <Group gap={4} wrap="nowrap">
      {keys.map((k, i) => (
        <Kbd key={i} size="xs">
          {k}
        </Kbd>
      ))}
    </Group>
  );
}

export function openPalette(): void {
  spotlight.open();
}

export function CommandPalette() {
  const { t, fmt } = useI18n();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 120);
  const items = useApiQuery('catalog.searchItems', { q: debounced, limit: 8 }, { enabled: debounced !== '', placeholderData: (p) => p });

  const needle = query.trim().toLowerCase();
  const matches = (text: string) => needle === '' || text.toLowerCase().includes(needle);

  const screens = NAV.filter((n) => matches(t(n.label)));
  const actions = [
    { id: 'new-order', label: t('orders.new'), to: '/orders/new', icon: IconOrders },
    { id: 'import-orders', label: t('channels.import.palette'), to: '/orders/import', icon: IconOrders },
    { id: 'production-board', label: t('production.board.title'), to: '/production', icon: IconProduction },
    { id: 'new-item', label: t('palette.newItem'), to: '/items/new', icon: IconPlus },
    { id: 'new-recipe', label: t('palette.newRecipe'), to: '/recipes?new=1', icon: IconRecipes },
    { id: 'new-customer', label: t('palette.newCustomer'), to: '/customers/new', icon: IconCustomers },
    { id: 'new-supplier', label: t('palette.newSupplier'), to: '/suppliers/new', icon: IconSuppliers },
  ].filter((a) => matches(a.label));
  const found = debounced !== '' ? (items.data?.items ?? []) : [];
  const nothing = screens.length === 0 && actions.length === 0 && found.length === 0;

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={460}
      size="lg"
    >
      <Spotlight.Search placeholder={t('palette.placeholder')} leftSection={<IconSearch />} data-testid="palette-search" />
      <Spotlight.ActionsList>
        {debounced !== '' ? (
          <Box px="sm" py={4}>
            <QueryError query={items} compact />
          </Box>
        ) : null}
        {found.length > 0 ? (
          <Spotlight.ActionsGroup label={t('palette.group.items')}>
            {found.map((i) => (
              <Spotlight.Action
                key={'item-' + i.id}
                data-testid={`palette-item-${i.sku}`}
                onClick={() => navigate(`/items/${i.id}`)}
                leftSection={<IconItems />}
                label={i.name}
                description={`${i.sku} · ${fmt.unit(i.unit)}`}
                rightSection={<KindBadge kind={i.kind} size="xs" />}
              />
            ))}
          </Spotlight.ActionsGroup>
        ) : null}
        {screens.length > 0 ? (
          <Spotlight.ActionsGroup label={t('palette.group.navigate')}>
            {screens.map((n) => (
              <Spotlight.Action
                key={n.id}
                data-testid={`palette-go-${n.id}`}
                onClick={() => navigate(n.path)}
                leftSection={<n.icon />}
                label={t(n.label)}
                rightSection={<Keys keys={['G', n.key.toUpperCase()]} />}
              />
            ))}
          </Spotlight.ActionsGroup>
        ) : null}
        {actions.length > 0 ? (
          <Spotlight.ActionsGroup label={t('palette.group.actions')}>
            {actions.map((a) => (
              <Spotlight.Action
                key={a.id}
                data-testid={`palette-${a.id}`}
                onClick={() => navigate(a.to)}
                leftSection={<a.icon />}
                label={a.label}
              />
            ))}
          </Spotlight.ActionsGroup>
        ) : null}
        {nothing ? <Spotlight.Empty>{t('palette.nothing')}</Spotlight.Empty> : null}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Text size="xs" c="dimmed">
          {t('palette.footer', { open: `${MOD}+K`, nav: 'G + …', new: 'N', save: `${MOD}+S`, search: '/' })}
        </Text>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
