import { useMemo, useState } from 'react';
import { Button, Chip, Group, Switch, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Item } from '../../../src-shared/contract/catalog';
import type { ItemKind } from '../../../src-shared/contract/common';
import { ITEM_KINDS } from '../../kinds';
import { useApiQuery, usePagedList } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconCheck, IconItems, IconPlus, IconSearch } from '../../components/icons';
import { KindBadge } from '../../components/KindBadge';
import { CountBadge, PageHeader } from '../../components/PageHeader';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { ListResults, useNextPage } from '../../components/ListResults';
import { ListSearch } from '../../components/ListSearch';

export function ItemsScreen() {
  const { t, fmt } = useI18n();
  const [q, setQ] = useState('');
  const [kinds, setKinds] = useState<ItemKind[]>([]);
  const [archived, setArchived] = useState(false);
  const [debounced] = useDebouncedValue(q.trim(), 150);
  const input = { q: debounced, kinds: kinds.length > 0 ? kinds : undefined, includeArchived: archived };
  const list = usePagedList('catalog.searchItems', input, (out) => ({ rows: out.items, total: out.total }));
  // made items cost what their recipe costs
  const rollup = useApiQuery('catalog.costRollup', {});
  const rolled = useMemo(() => new Map((rollup.data?.costs ?? []).map((c) => [c.itemId, c.unitCostMicros])), [rollup.data]);

  const columns: Column<Item>[] = [
    { key: 'sku', header: t('items.col.sku'), width: 200, render: (i) => <Text size="sm" ff="monospace" truncate>{i.sku}</Text> },
    { key: 'name', header: t('items.col.name'), render: (i) => <Text size="sm" truncate fw={500}>{i.name}</Text> },
    { key: 'kind', header: t('items.col.kind'), width: 140, render: (i) => <KindBadge kind={i.kind} /> },
    { key: 'unit', header: t('items.col.unit'), width: 70, render: (i) => fmt.unit(i.unit) },
    {
      key: 'cost',
      header: t('items.col.cost'),
      width: 150,
      align: 'right',
      render: (i) => {
        const c = i.hasRecipe ? (rolled.get(i.id) ?? i.unitCostMicros) : i.unitCostMicros;
        return c === null || c === undefined ? <Text c="dimmed" size="sm">—</Text> : <span className="num">{fmt.perUnit(c, i.unit)}</span>;
      },
    },
    {
      key: 'price',
      header: t('items.col.price'),
      width: 130,
      align: 'right',
      render: (i) =>
        i.salePriceCents === null ? (
          <Text c="dimmed" size="sm">—</Text>
        ) : (
          <span className="num">{t('unit.per', { amount: fmt.money(i.salePriceCents), unit: fmt.unit(i.unit) })}</span>
        ),
    },
    {
      key: 'recipe',
      header: t('items.col.recipe'),
      width: 80,
      align: 'center',
      render: (i) =>
        i.hasRecipe ? (
          <Tooltip label={t('items.hasRecipe')}>
            <Text c="teal" component="span" aria-label={t('items.hasRecipe')} data-testid="has-recipe">
              <IconCheck size={16} />
            </Text>
          </Tooltip>
        ) : null,
    },
  ];

  const onNearEnd = useNextPage(list);

  const filtered = debounced !== '' || kinds.length > 0;
  const newButton = (testId: string) => (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/items/new')} data-testid={testId}>
      {t('items.new')}
    </Button>
  );

  return (
    <>
      <PageHeader badge={<CountBadge count={list.data ? list.total : null} />} title={t('items.title')} subtitle={t('items.subtitle')} actions={newButton('item-new')} />
      <Group mb="sm" gap="sm" wrap="wrap">
        <ListSearch value={q} onChange={setQ} onEnter={() => list.rows[0] && navigate(`/items/${list.rows[0].id}`)} placeholder={t('items.search')} w={320} testId="items-search" />
        <Chip.Group multiple value={kinds} onChange={(v) => setKinds(v as ItemKind[])}>
          <Group gap={6}>
            {ITEM_KINDS.map((k) => (
              <Chip key={k} value={k} size="sm" variant="outline" data-testid={`kind-chip-${k}`}>
                {t(`kinds.${k}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Switch size="sm" label={t('common.showArchived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
      </Group>
      <ListResults
        list={list}
        also={[rollup]}
        empty={
          filtered ? (
            <EmptyScreen icon={<IconSearch size={28} />} title={t('items.noMatch.title')} description={t('items.noMatch.body', { q: debounced || kinds.map((k) => t(`kinds.${k}`)).join(', ') })} testId="items-no-match" />
          ) : (
            <EmptyScreen icon={<IconItems size={28} />} title={t('items.empty.title')} description={t('items.empty.body')} action={newButton('items-empty-new')} testId="items-empty" />
          )
        }
      >
        <VirtualTable
          rows={list.rows}
          columns={columns}
          rowKey={(i) => i.id}
          onOpen={(i) => navigate(`/items/${i.id}`)}
          onNearEnd={onNearEnd}
          height="calc(100dvh - 230px)"
          testId="items-table"
          rowTestId={(i) => `item-row-${i.sku}`}
          dimmed={(i) => i.archived}
        />
      </ListResults>
    </>
  );
}
