import { useState } from 'react';
import { Badge, Button, Card, Grid, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { Out } from '../../api/hooks';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { KindBadge } from '../../components/KindBadge';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryError } from '../../components/QueryState';

type ItemDetail = Out<'catalog.getItem'>;
type Version = Out<'catalog.getRecipe'>['versions'][number];

/** Every saved version; an older one can become active again. */
export function VersionsPanel({ item, versions }: { item: ItemDetail; versions: Version[] }) {
  const { t, fmt } = useI18n();
  const active = versions.find((v) => v.active);
  const [selected, setSelected] = useState<number>(active?.version ?? versions[0]?.version ?? 1);
  const activate = useApiCommand('catalog.activateRecipeVersion', {
    onSuccess: (r) => notifySaved(t('recipe.versions.activated', { version: r.version })),
  });
  const detail = useApiQuery('catalog.getRecipe', { itemId: item.id, version: selected });
  const r = detail.data?.recipe;

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card withBorder radius="md" padding={0}>
          {activate.error ? <ErrorAlert error={activate.error} /> : null}
          <Table highlightOnHover verticalSpacing={6} fz="sm" data-testid="recipe-versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('recipe.versions.col.version')}</Table.Th>
                <Table.Th>{t('recipe.versions.col.created')}</Table.Th>
                <Table.Th ta="right">{t('recipe.versions.col.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((v) => (
                <Table.Tr
                  key={v.id}
                  onClick={() => setSelected(v.version)}
                  style={{ cursor: 'pointer' }}
                  bg={v.version === selected ? 'var(--mantine-primary-color-light)' : undefined}
                  data-testid={`recipe-version-${v.version}`}
                >
                  <Table.Td fw={600}>{t('recipe.versionBadge', { version: v.version })}</Table.Td>
                  <Table.Td>{fmt.dateTime(v.createdAt)}</Table.Td>
                  <Table.Td ta="right">
                    {v.active ? (
                      <Badge color="teal" variant="light">
                        {t('recipe.versions.active')}
                      </Badge>
                    ) : (
                      <Button
                        size="compact-xs"
                        variant="default"
                        loading={activate.isPending && activate.variables?.recipeId === v.id}
                        onClick={(e) => {
                          e.stopPropagation();
                          activate.mutate({ recipeId: v.id });
                        }}
                        data-testid={`recipe-activate-${v.version}`}
                      >
                        {t('recipe.versions.activate')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card withBorder radius="md" padding={0}>
          <Text fw={600} size="sm" px="md" py="sm">
            {t('recipe.versions.components', { version: selected })}
            {r ? (
              <Text span c="dimmed" fw={400} size="sm">
                {' · '}
                {t('recipe.summary', { yield: fmt.qty(r.yieldMilli, item.unit), minutes: r.batchMinutes })}
              </Text>
            ) : null}
          </Text>
          {detail.error ? (
            <Stack p="md">
              <QueryError query={detail} />
            </Stack>
          ) : !r ? (
            <Skeleton h={80} m="md" />
          ) : (
            <Table verticalSpacing={6} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('recipe.col.item')}</Table.Th>
                  <Table.Th ta="right">{t('recipe.col.quantity')}</Table.Th>
                  <Table.Th ta="right">{t('recipe.col.scrap')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.components.map((c, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      {c.item.name}{' '}
                      <Text span size="xs" c="dimmed" ff="monospace">
                        {c.item.sku}
                      </Text>{' '}
                      <KindBadge kind={c.item.kind} size="xs" />
                    </Table.Td>
                    <Table.Td ta="right" className="num">
                      {fmt.qtyAs(c.qtyMilli, c.item.unit, c.enteredUnit)}
                    </Table.Td>
                    <Table.Td ta="right" className="num">
                      {c.scrapBp === 0 ? '—' : `${fmt.number(c.scrapBp / 100)} %`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </Grid.Col>
    </Grid>
  );
}
