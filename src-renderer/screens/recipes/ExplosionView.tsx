/**
 * The recipe seen from above: the components tree for a quantity (or a number of
 * batches) down to raw materials, each node in its own unit with its unit cost, and the
 * totals of what must be bought.
 */
import { DecimalInput } from '../../components/DecimalInput';
import { useMemo, useState } from 'react';
import { ActionIcon, Alert, Button, Card, Group, SegmentedControl, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ExplosionNodeOut, Recipe } from '../../../src-shared/contract/catalog';
import type { Out } from '../../api/hooks';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { IconAlert, IconChevronDown, IconChevronRight } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';

type ItemDetail = Out<'catalog.getItem'>;

interface FlatNode {
  id: string;
  node: ExplosionNodeOut;
  hasChildren: boolean;
}

function flatten(node: ExplosionNodeOut, collapsed: Set<string>, id = '0', out: FlatNode[] = []): FlatNode[] {
  out.push({ id, node, hasChildren: node.children.length > 0 });
  if (!collapsed.has(id)) node.children.forEach((c, i) => flatten(c, collapsed, `${id}.${i}`, out));
  return out;
}

function allIds(node: ExplosionNodeOut, id = '0', out: string[] = []): string[] {
  if (node.children.length > 0) out.push(id);
  node.children.forEach((c, i) => allIds(c, `${id}.${i}`, out));
  return out;
}

export function ExplosionView({ item, recipe }: { item: ItemDetail; recipe: Recipe }) {
  const { t, fmt } = useI18n();
  const [mode, setMode] = useState<'quantity' | 'batches'>('quantity');
  const [quantity, setQuantity] = useState(() => fmt.qtyInput(recipe.yieldMilli, item.unit));
  const [batches, setBatches] = useState<string | number>(1);
  const [dq] = useDebouncedValue(quantity, 250);
  const [db] = useDebouncedValue(batches, 250);
  const batchesOk = typeof db === 'number' && db > 0;
  const input = mode === 'quantity' ? { itemId: item.id, quantity: dq } : { itemId: item.id, batches: batchesOk ? (db as number) : 1 };
  const enabled = mode === 'quantity' ? dq.trim() !== '' : batchesOk;
  const explosion = useApiQuery('catalog.explodeRecipe', input, { enabled, placeholderData: (p) => p });
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const data = explosion.data;
  const rows = useMemo(() => (data ? flatten(data.tree, collapsed) : []), [data, collapsed]);
  const qtyError = fieldErrors(explosion.error, t).quantity;

  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack gap="md">
    <Card withBorder radius="md" padding={0} data-testid="explosion">
      <Group justify="space-between" align="flex-end" px="md" py="sm" wrap="wrap" gap="sm">
        <Group align="flex-end" gap="sm">
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(v) => setMode(v as 'quantity' | 'batches')}
            data={[
              { value: 'quantity', label: t('explode.mode.quantity') },
              { value: 'batches', label: t('explode.mode.batches') },
            ]}
            data-testid="explode-mode"
            mb={2}
          />
          {mode === 'quantity' ? (
            <TextInput
              size="xs"
              w={180}
              aria-label={t('explode.quantity')}
              value={quantity}
              onChange={(e) => setQuantity(e.currentTarget.value)}
              rightSection={/\p{L}/u.test(quantity) ? null : <Text size="xs" c="dimmed" fw={600}>{fmt.unit(item.unit)}</Text>}
              error={qtyError}
              data-testid="explode-quantity"
            />
          ) : (
            <DecimalInput
              size="xs"
              w={120}
              aria-label={t('explode.batches')}
              value={batches}
              onChange={setBatches}
              min={0.001}
              decimalScale={3}
              allowNegative={false}
              data-testid="explode-batches"
            />
          )}
        </Group>
        {data ? (
          <Group gap="xs">
            <Button size="compact-xs" variant="subtle" onClick={() => setCollapsed(new Set())}>
              {t('explode.expandAll')}
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={() => setCollapsed(new Set(allIds(data.tree).filter((id) => id !== '0')))}>
              {t('explode.collapseAll')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {explosion.error && !qtyError ? (
        <div style={{ padding: '0 16px 12px' }}>
          <ErrorAlert error={explosion.error} />
        </div>
      ) : null}
      {!data ? (
        // a quantity the server refused (or none) will never load: say so instead of a skeleton forever
        qtyError || !enabled ? (
          <Text size="sm" c="dimmed" px="md" pb="md" data-testid="explosion-needs-quantity">
            {t('explode.needsQuantity')}
          </Text>
        ) : explosion.error ? null : (
          <Skeleton h={120} m="md" data-testid="explosion-loading" />
        )
      ) : (
        <Table verticalSpacing={6} horizontalSpacing="md" fz="sm" highlightOnHover data-testid="explosion-tree" style={{ opacity: explosion.isFetching ? 0.7 : 1, tableLayout: 'fixed' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('explode.col.item')}</Table.Th>
              <Table.Th ta="right" w={110}>
                {t('explode.col.quantity')}
              </Table.Th>
              <Table.Th ta="right" w={140} style={{ whiteSpace: 'nowrap' }}>
                {t('explode.col.unitCost')}
              </Table.Th>
              <Table.Th ta="right" w={100}>
                {t('explode.col.cost')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ id, node, hasChildren }) => (
              <Table.Tr key={id} data-testid={`explosion-node-${node.item.sku}`} fw={node.depth === 0 ? 600 : undefined}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap" style={{ paddingLeft: node.depth * 20, minWidth: 0 }}>
                    {hasChildren ? (
                      <ActionIcon size="sm" variant="subtle" color="gray" onClick={() => toggle(id)} aria-label={t('explode.toggle')} aria-expanded={!collapsed.has(id)}>
                        {collapsed.has(id) ? <IconChevronRight size={14} /> : <IconChevronDown size={14} />}
                      </ActionIcon>
                    ) : (
                      <span style={{ width: 22, display: 'inline-block' }} />
                    )}
                    <span className="kind-dot" data-kind={node.item.kind} title={t(`kind.${node.item.kind}`)} />
                    <Link
                      to={node.recipeId !== null && node.depth > 0 ? `/recipes/${node.item.id}` : `/items/${node.item.id}`}
                      size="sm"
                      c="inherit"
                      truncate
                      style={{ minWidth: 0 }}
                      title={`${node.item.name} · ${node.item.sku}`}
                    >
                      {node.item.name}
                    </Link>
                    <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {node.item.sku}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td ta="right" className="num">
                  {fmt.qty(node.qtyMilli, node.item.unit)}
                </Table.Td>
                <Table.Td ta="right" className="num">
                  {node.unitCostMicros === null ? <Text c="orange" size="sm" span>—</Text> : fmt.perUnit(node.unitCostMicros, node.item.unit)}
                </Table.Td>
                <Table.Td ta="right" className="num">
                  {node.unitCostMicros === null ? '—' : fmt.costOf(node.qtyMilli, node.unitCostMicros)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data && data.missingCosts.length > 0 ? (
        <Alert color="yellow" variant="light" icon={<IconAlert />} m="md" data-testid="explosion-missing">
          {t('explode.missingCosts', { list: data.missingCosts.map((m) => m.name).join(', ') })}
        </Alert>
      ) : null}
    </Card>
    {data ? <RawMaterials data={data} /> : null}
    </Stack>
  );
}

/** What must be bought for the exploded quantity: totals per raw material, and the sum. */
function RawMaterials({ data }: { data: Out<'catalog.explodeRecipe'> }) {
  const { t, fmt } = useI18n();
  return (
    <Card withBorder radius="md" padding={0} data-testid="raw-materials">
      <Group px="md" py="sm" justify="space-between">
        <Text fw={600} size="sm">
          {t('explode.raw.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {fmt.qty(data.tree.qtyMilli, data.tree.item.unit)} · {data.tree.item.name}
        </Text>
      </Group>
      {data.rawMaterials.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md">
          {t('explode.raw.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={6} horizontalSpacing="md" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('explode.col.item')}</Table.Th>
              <Table.Th ta="right" w={140}>
                {t('explode.col.quantity')}
              </Table.Th>
              <Table.Th ta="right" w={150}>
                {t('explode.col.unitCost')}
              </Table.Th>
              <Table.Th ta="right" w={110}>
                {t('explode.col.cost')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rawMaterials.map((r) => (
              <Table.Tr key={r.item.id} data-testid={`raw-${r.item.sku}`}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Link to={`/items/${r.item.id}`} size="sm" c="inherit" truncate style={{ minWidth: 0 }}>
                      {r.item.name}
                    </Link>
                    <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {r.item.sku}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td ta="right" className="num">
                  {fmt.qty(r.qtyMilli, r.item.unit)}
                </Table.Td>
                <Table.Td ta="right" className="num">
                  {r.unitCostMicros === null ? <Text c="orange" size="sm" span>—</Text> : fmt.perUnit(r.unitCostMicros, r.item.unit)}
                </Table.Td>
                <Table.Td ta="right" className="num">
                  {r.unitCostMicros === null ? '—' : fmt.costOf(r.qtyMilli, r.unitCostMicros)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={3}>{t('explode.raw.total')}</Table.Th>
              <Table.Th ta="right" className="num" data-testid="raw-total">
                {data.totalCostMicros === null ? '—' : fmt.moneyMicros(data.totalCostMicros)}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </Card>
  );
}
