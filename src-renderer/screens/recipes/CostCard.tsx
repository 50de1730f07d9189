import { Alert, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import type { Recipe } from '../../../src-shared/contract/catalog';
import { mulDivRound } from '../../../src-shared/domain/decimal';
import type { Out } from '../../api/hooks';
import { useApiQuery } from '../../api/hooks';
import { IconAlert } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { QueryError } from '../../components/QueryState';

type ItemDetail = Out<'catalog.getItem'>;

/** Cost roll-up through every level: what one unit of the product costs to make. */
export function CostCard({ item, recipe }: { item: ItemDetail; recipe: Recipe }) {
  const { t, fmt } = useI18n();
  const rollup = useApiQuery('catalog.costRollup', { itemIds: [item.id] });
  const line = rollup.data?.costs[0];
  const cost = line?.unitCostMicros ?? null;

  return (
    <Card withBorder radius="md" padding="md" data-testid="cost-card">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
        {t('cost.title')}
      </Text>
      {rollup.error ? (
        <QueryError query={rollup} compact />
      ) : !line ? (
        <Skeleton h={36} mt="xs" />
      ) : (
        <Stack gap={4} mt={4}>
          <Group gap={6} align="baseline">
            <Text fz={28} fw={650} className="num" data-testid="cost-rollup">
              {cost === null ? t('cost.unknown') : fmt.micros(cost)}
            </Text>
            {cost !== null ? (
              <Text size="sm" c="dimmed">
                {t(`unit.each.${item.unit}`)}
              </Text>
            ) : null}
          </Group>
          {cost !== null ? (
            <Text size="xs" c="dimmed" data-testid="cost-batch">
              {t('cost.batch', {
                yield: fmt.qty(recipe.yieldMilli, item.unit),
                cost: fmt.moneyMicros(mulDivRound(cost, recipe.yieldMilli, 1000, 'half_up')),
              })}
            </Text>
          ) : null}
          {line.missing.length > 0 ? (
            <Alert color="yellow" variant="light" icon={<IconAlert />} mt="xs" p="xs" data-testid="cost-missing">
              <Text size="sm">
                {t('cost.missing')}
              </Text>
              <Stack gap={0} mt={4}>
                {line.missing.map((m) => (
                  <Link key={m.id} to={`/items/${m.id}`} size="sm">
                    {m.name} <Text span size="xs" c="dimmed" ff="monospace">{m.sku}</Text>
                  </Link>
                ))}
              </Stack>
            </Alert>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}
