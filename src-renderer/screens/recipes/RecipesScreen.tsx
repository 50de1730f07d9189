import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { usePagedList, type Out } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconPlus, IconRecipes, IconSearch } from '../../components/icons';
import { ItemPicker, type PickedItem } from '../../components/ItemPicker';
import { KindBadge } from '../../components/KindBadge';
import { CountBadge, PageHeader } from '../../components/PageHeader';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { ListResults, useNextPage } from '../../components/ListResults';
import { ListSearch } from '../../components/ListSearch';

type Row = Out<'catalog.listRecipes'>['recipes'][number];

/** Pick the intermediate or product a new recipe is for. */
function NewRecipeModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useI18n();
  const [item, setItem] = useState<PickedItem | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title={t('recipes.new')} centered>
      <Stack>
        <ItemPicker
          label={t('recipes.new.pick')}
          placeholder={t('recipes.new.pickHint')}
          kinds={['intermediate', 'product']}
          value={item}
          onChange={setItem}
          autoFocus
          data-testid="recipe-new-item"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!item} onClick={() => item && navigate(`/recipes/${item.id}?tab=edit`)} data-testid="recipe-new-go">
            {t('recipes.new.go')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function RecipesScreen({ query }: { query: URLSearchParams }) {
  const { t, fmt } = useI18n();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 150);
  const list = usePagedList('catalog.listRecipes', { q: debounced }, (out) => ({ rows: out.recipes, total: out.total }));
  const newOpen = query.get('new') === '1';

  const columns: Column<Row>[] = [
    {
      key: 'item',
      header: t('recipes.col.item'),
      render: (r) => (
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" fw={500} truncate>
            {r.item.name}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace" truncate>
            {r.item.sku}
          </Text>
        </Group>
      ),
    },
    { key: 'kind', header: '', width: 150, render: (r) => <KindBadge kind={r.item.kind} /> },
    { key: 'version', header: t('recipes.col.version'), width: 90, align: 'center', render: (r) => t('recipe.versionBadge', { version: r.version }) },
    { key: 'yield', header: t('recipes.col.yield'), width: 140, align: 'right', render: (r) => <span className="num">{fmt.qty(r.yieldMilli, r.item.unit)}</span> },
    { key: 'components', header: t('recipes.col.components'), width: 110, align: 'right', render: (r) => <span className="num">{fmt.number(r.componentCount)}</span> },
    {
      key: 'cost',
      header: t('recipes.col.unitCost'),
      width: 160,
      align: 'right',
      render: (r) => (r.unitCostMicros === null ? <Text c="dimmed" size="sm">—</Text> : <span className="num">{fmt.perUnit(r.unitCostMicros, r.item.unit)}</span>),
    },
  ];

  const onNearEnd = useNextPage(list);

  const newButton = (testId: string) => (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/recipes?new=1')} data-testid={testId}>
      {t('recipes.new')}
    </Button>
  );

  return (
    <>
      <PageHeader badge={<CountBadge count={list.data ? list.total : null} />} title={t('recipes.title')} subtitle={t('recipes.subtitle')} actions={newButton('recipe-new')} />
      <Group mb="sm" gap="sm">
        <ListSearch value={q} onChange={setQ} onEnter={() => list.rows[0] && navigate(`/recipes/${list.rows[0].item.id}`)} placeholder={t('recipes.search')} w={340} testId="recipes-search" />
      </Group>
      <ListResults
        list={list}
        empty={
          debounced !== '' ? (
            <EmptyScreen icon={<IconSearch size={28} />} title={t('recipes.noMatch.title')} description={t('recipes.noMatch.body', { q: debounced })} />
          ) : (
            <EmptyScreen icon={<IconRecipes size={28} />} title={t('recipes.empty.title')} description={t('recipes.empty.body')} action={newButton('recipes-empty-new')} testId="recipes-empty" />
          )
        }
      >
        <VirtualTable
          rows={list.rows}
          columns={columns}
          rowKey={(r) => r.recipeId}
          onOpen={(r) => navigate(`/recipes/${r.item.id}`)}
          onNearEnd={onNearEnd}
          height="calc(100dvh - 230px)"
          testId="recipes-table"
          rowTestId={(r) => `recipe-row-${r.item.sku}`}
        />
      </ListResults>
      <NewRecipeModal opened={newOpen} onClose={() => navigate('/recipes', { replace: true })} />
    </>
  );
}
