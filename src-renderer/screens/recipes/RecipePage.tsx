/**
 * #/recipes/<itemId>[?tab=view|edit|versions]: the recipe of one item — its breakdown and
 * cost, the editor, and its versions. An item without a recipe opens on the editor.
 */
import { Alert, Badge, Button, Grid, Group, Stack, Tabs, Text } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { IconArrowLeft, IconItems } from '../../components/icons';
import { KindBadge } from '../../components/KindBadge';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';
import { CostCard } from './CostCard';
import { ExplosionView } from './ExplosionView';
import { RecipeEditor } from './RecipeEditor';
import { VersionsPanel } from './VersionsPanel';
import { QueryState } from '../../components/QueryState';

type Tab = 'view' | 'edit' | 'versions';

export function RecipePage({ itemId, query }: { itemId: number; query: URLSearchParams }) {
  const { t, fmt } = useI18n();
  const item = useApiQuery('catalog.getItem', { id: itemId });
  const recipeQ = useApiQuery('catalog.getRecipe', { itemId });

  const back = (
    <Link to="/recipes" size="sm" c="dimmed" className="back-link">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('nav.recipes')}
      </Group>
    </Link>
  );

  if (item.data === undefined || recipeQ.data === undefined || item.error || recipeQ.error) {
    return (
      <>
        {back}
        <QueryState queries={[item, recipeQ]} />
      </>
    );
  }
  const it = item.data;
  const { recipe, versions } = recipeQ.data;
  const makeable = it.kind === 'intermediate' || it.kind === 'product';
  const asked = query.get('tab');
  const tab: Tab = !recipe ? 'edit' : asked === 'edit' || asked === 'versions' ? asked : 'view';
  const setTab = (next: string | null) => navigate(`/recipes/${itemId}${next && next !== 'view' ? `?tab=${next}` : ''}`, { replace: true });
  const nextVersion = Math.max(0, ...versions.map((v) => v.version)) + 1;

  const header = (
    <PageHeader
      title={recipe ? t('recipe.title', { name: it.name }) : t('recipe.new.title', { name: it.name })}
      subtitle={
        <>
          <Text span ff="monospace" size="sm">
            {it.sku}
          </Text>
          {recipe ? ` · ${t('recipe.summary', { yield: fmt.qty(recipe.yieldMilli, it.unit), minutes: recipe.batchMinutes })}` : ''}
        </>
      }
      badge={
        <Group gap={6}>
          <KindBadge kind={it.kind} />
          {recipe ? (
            <Badge variant="outline" color="teal" size="sm" data-testid="recipe-active-version">
              {t('recipe.activeBadge', { version: recipe.version })}
            </Badge>
          ) : null}
        </Group>
      }
      actions={
        <Button variant="default" leftSection={<IconItems size={16} />} onClick={() => navigate(`/items/${it.id}`)} data-testid="recipe-open-item">
          {t('recipe.openItem')}
        </Button>
      }
    />
  );

  if (!recipe && !makeable) {
    return (
      <>
        {back}
        {header}
        <Alert color="gray">{t('recipe.notMakeable', { name: it.name, kind: t(`kind.${it.kind}`) })}</Alert>
      </>
    );
  }

  const editor = (
    <RecipeEditor
      key={recipe ? `r${recipe.id}` : 'new'}
      item={it}
      recipe={recipe}
      nextVersion={nextVersion}
      onSaved={() => setTab('view')}
    />
  );

  return (
    <>
      {back}
      {header}
      {!recipe ? (
        editor
      ) : (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="view" data-testid="recipe-tab-view">
              {t('recipe.tab.view')}
            </Tabs.Tab>
            <Tabs.Tab value="edit" data-testid="recipe-tab-edit">
              {t('recipe.tab.edit')}
            </Tabs.Tab>
            <Tabs.Tab value="versions" data-testid="recipe-tab-versions">
              {t('recipe.tab.versions')} ({versions.length})
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="view">
            <Grid gap="md">
              <Grid.Col span={{ base: 12, xl: 8 }} order={{ base: 2, xl: 1 }}>
                <ExplosionView key={recipe.id} item={it} recipe={recipe} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, xl: 4 }} order={{ base: 1, xl: 2 }}>
                <Stack gap="md">
                  <CostCard item={it} recipe={recipe} />
                  {recipe.notes ? (
                    <Alert color="gray" variant="light" title={t('recipe.field.notes')}>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {recipe.notes}
                      </Text>
                    </Alert>
                  ) : null}
                </Stack>
              </Grid.Col>
            </Grid>
          </Tabs.Panel>
          <Tabs.Panel value="edit">{editor}</Tabs.Panel>
          <Tabs.Panel value="versions">
            <VersionsPanel key={recipe.id} item={it} versions={versions} />
          </Tabs.Panel>
        </Tabs>
      )}
    </>
  );
}
