/**
 * Ctrl/Cmd+K (and the search box in the top bar): find orders, customers, suppliers,
 * items, lots, DDTs, production and purchase orders and invoices (global search, grouped
 * by kind, arrows and Enter to open), jump to any screen, or start a new record. Each
 * action shows its keyboard shortcut.
 *
 * A barcode scanner types a label and presses Enter faster than the search answers:
 * an Enter while the hits are not yet those of the text typed waits for them and opens
 * the first (a scanned GS1 label opens its lot).
 *
 * Only the hits of the text in the box are listed: while the next search is on its way
 * (the debounce, then the call) the earlier hits are hidden and it says "Searching…", as
 * the pickers do (typedSearch.ts). Kept on screen, they were swapped under the pointer and
 * a click pressed on one hit and released on the next opened nothing.
 */
import { useEffect, useRef, useState } from 'react';
import { Group, Kbd, Text, Box } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { useApiQuery } from '../api/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { NAV } from '../nav';
import { navigate } from '../router';
import { IconCustomers, IconOrders, IconPlus, IconProduction, IconRecipes, IconSearch, IconSuppliers } from './icons';
import { groupHits, HIT_ICON, hitPath } from './searchHits';
import { MOD } from './shortcuts';
import { QueryError } from './QueryState';
import { rowsForTyped, SEARCH_DEBOUNCE_MS } from './typedSearch';

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
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const typed = query.trim();
  const [debounced] = useDebouncedValue(typed, SEARCH_DEBOUNCE_MS);
  const search = useApiQuery('search.global', { q: debounced, limit: 30 }, { enabled: debounced !== '', placeholderData: (p) => p });
  const hits = debounced !== '' ? rowsForTyped(typed, debounced, { data: search.data?.hits, isPlaceholderData: search.isPlaceholderData }) : [];
  const current = typed === debounced && !search.isFetching;
  const [enterWaiting, setEnterWaiting] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  // the first action shown (hits come first): what Enter opens when none is selected yet
  const openFirst = () => list.current?.querySelector<HTMLElement>('[data-action]')?.click();

  useEffect(() => {
    if (!enterWaiting || !current) return;
    setEnterWaiting(false);
    openFirst();
  }, [enterWaiting, current, hits]);

  const needle = typed.toLowerCase();
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
  const nothing = screens.length === 0 && actions.length === 0 && hits.length === 0 && current;

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
      {/* capture: runs before the Spotlight's own Enter, which would open a hit of the text before */}
      <div
        onKeyDownCapture={(e) => {
          if (!(e.key === 'Enter' || e.code === 'NumpadEnter') || typed === '') return;
          const selected = list.current?.querySelector('[data-selected]');
          if (current && selected) return; // the Spotlight opens the selected action
          e.preventDefault();
          e.stopPropagation();
          if (current) openFirst();
          else setEnterWaiting(true);
        }}
      >
        <Spotlight.Search placeholder={t('palette.placeholder')} leftSection={<IconSearch />} data-testid="palette-search" />
      </div>
      <Spotlight.ActionsList ref={list} data-testid="palette-results" aria-busy={!current}>
        {debounced !== '' ? (
          <Box px="sm" py={4}>
            <QueryError query={search} compact />
          </Box>
        ) : null}
        {groupHits(hits).map((g) => {
          const Icon = HIT_ICON[g.kind];
          return (
            <Spotlight.ActionsGroup key={g.kind} label={t(`search.kind.${g.kind}`)} data-testid={`palette-group-${g.kind}`}>
              {g.hits.map((h) => (
                <Spotlight.Action
                  key={`${h.kind}-${h.id}`}
                  data-testid={`palette-${h.kind}-${h.id}`}
                  onClick={() => navigate(hitPath(h))}
                  leftSection={<Icon />}
                  label={h.title}
                  description={h.subtitle}
                />
              ))}
            </Spotlight.ActionsGroup>
          );
        })}
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
        {!current && hits.length === 0 && typed !== '' ? (
          <Text size="sm" c="dimmed" px="md" py="xs">
            {t('search.searching')}
          </Text>
        ) : null}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Text size="xs" c="dimmed">
          {t('palette.footer', { open: `${MOD}+K`, nav: 'G + …', new: 'N', save: `${MOD}+S`, search: '/' })}
        </Text>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
