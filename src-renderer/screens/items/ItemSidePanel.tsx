import { Button, Card, Group, Stack, Text } from '@mantine/core';
import type { Out } from '../../api/hooks';
import { useApiQuery } from '../../api/hooks';
import { IconPlus, IconRecipes } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';
import { QueryError } from '../../components/QueryState';

type ItemDetail = Out<'catalog.getItem'>;

/** Beside the form: the item's recipe (or how to create it) and the recipes that use it. */
export function ItemSidePanel({ item }: { item: ItemDetail }) {
  const { t, fmt } = useI18n();
  const makeable = item.kind === 'intermediate' || item.kind === 'product';
  const cost = useApiQuery('catalog.costRollup', { itemIds: [item.id] }, { enabled: item.hasRecipe });
  const rolled = cost.data?.costs[0]?.unitCostMicros ?? null;

  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="md" data-testid="item-recipe-card">
        <Text fw={600} size="sm" mb="xs">
          {t('item.recipe.title')}
        </Text>
        {item.hasRecipe ? (
          <Stack gap="xs">
            <QueryError query={cost} compact />
            {rolled !== null ? (
              <Text size="sm">{t('item.recipe.active', { each: t(`unit.each.${item.unit}`), cost: fmt.micros(rolled) })}</Text>
            ) : null}
            <Button
              variant="light"
              leftSection={<IconRecipes size={16} />}
              onClick={() => navigate(`/recipes/${item.id}`)}
              data-testid="item-open-recipe"
            >
              {t('item.recipe.open')}
            </Button>
          </Stack>
        ) : makeable ? (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('item.recipe.none')}
            </Text>
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => navigate(`/recipes/${item.id}?tab=edit`)}
              disabled={item.archived}
              data-testid="item-create-recipe"
            >
              {t('item.recipe.create')}
            </Button>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('item.recipe.notMakeable')}
          </Text>
        )}
      </Card>
      <Card withBorder radius="md" padding="md" data-testid="item-used-in">
        <Text fw={600} size="sm" mb="xs">
          {t('item.usedIn.title')}
        </Text>
        {item.usedIn.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('item.usedIn.empty')}
          </Text>
        ) : (
          <Stack gap={6}>
            {item.usedIn.map((u) => (
              <Group key={u.id} wrap="nowrap" gap="xs" align="flex-start">
                <span className="kind-dot" data-kind={u.kind} title={t(`kind.${u.kind}`)} style={{ marginTop: 7 }} />
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Link to={`/recipes/${u.id}`} size="sm" truncate display="block" title={u.name}>
                    {u.name}
                  </Link>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {u.sku} · {t(`kind.${u.kind}`)}
                  </Text>
                </div>
              </Group>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
