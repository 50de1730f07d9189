/** What the import would do, before anything is written: counts, the orders one by one, the rows with problems. */
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { MessageKey } from '../../../src-shared/i18n';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/I18nProvider';
import type { Preview } from './useImportFlow';

type Order = Preview['orders'][number];

const STATE_COLOR: Record<Order['state'], string> = {
  new: 'teal',
  duplicate: 'gray',
  changed: 'blue',
  changed_locked: 'orange',
  cancelled: 'red',
  cancelled_locked: 'orange',
  cancelled_new: 'gray',
};

export function StateBadge({ state }: { state: Order['state'] }) {
  const { t } = useI18n();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" radius="sm" data-state={state}>
      {t(`channels.state.${state}` as MessageKey)}
    </Badge>
  );
}

export function PreviewSummary({ preview }: { preview: Preview }) {
  const { t } = useI18n();
  const c = preview.counts;
  const states = (['new', 'duplicate', 'changed', 'changed_locked', 'cancelled', 'cancelled_locked', 'cancelled_new'] as const).filter((s) => c[s] > 0);
  return (
    <Paper withBorder radius="md" p="md" data-testid="import-summary">
      <Title order={4} mb={4}>
        {t('channels.preview.title')}
      </Title>
      <Group gap="lg" wrap="wrap">
        <Text fw={600}>{t('channels.preview.orders', { count: c.orders })}</Text>
        <Text fw={600}>{t('channels.preview.lines', { count: c.lines })}</Text>
        <Text>{t('channels.preview.customers', { matched: preview.customers.matched, toCreate: preview.customers.toCreate })}</Text>
        {preview.problemCount > 0 ? (
          <Text c="red" fw={600}>
            {t('channels.preview.problems', { count: preview.problemCount })}
          </Text>
        ) : null}
        {states.map((s) => (
          <Group key={s} gap={4}>
            <StateBadge state={s} />
            <Text size="sm">{c[s]}</Text>
          </Group>
        ))}
      </Group>
    </Paper>
  );
}

export function ProblemTable({ preview }: { preview: Preview }) {
  const { t } = useI18n();
  if (preview.problems.length === 0) return null;
  const reason = (p: Preview['problems'][number]) => {
    const key = `channels.problem.${p.key}` as MessageKey;
    const text = t(key);
    return text === key ? p.message.replace(/^Line \d+: /, '') : text;
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="import-problems">
      <Text fw={600} c="red" mb="xs">
        {t('channels.problems.title')}
      </Text>
      <Table striped withRowBorders={false} fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('channels.col.row')}</Table.Th>
            <Table.Th w={200}>{t('channels.col.column')}</Table.Th>
            <Table.Th>{t('channels.col.reason')}</Table.Th>
            <Table.Th w={200}>{t('channels.col.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.problems.slice(0, 200).map((p, i) => (
            <Table.Tr key={i} data-testid="import-problem">
              <Table.Td>{p.row ?? '—'}</Table.Td>
              <Table.Td>{p.column ?? '—'}</Table.Td>
              <Table.Td>{reason(p)}</Table.Td>
              <Table.Td ff="monospace">{p.value ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {preview.problemCount > Math.min(200, preview.problems.length) ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('channels.problems.more', { shown: Math.min(200, preview.problems.length), total: preview.problemCount })}
        </Text>
      ) : null}
    </Paper>
  );
}

export function OrdersTable({ preview }: { preview: Preview }) {
  const { t, fmt } = useI18n();
  const columns: Column<Order>[] = [
    { key: 'ref', header: t('channels.col.ref'), width: 120, render: (o) => <Text fw={600} size="sm">{o.ref}</Text> },
    { key: 'rows', header: t('channels.col.rows'), width: 84, render: (o) => (o.firstRow === o.lastRow ? o.firstRow : `${o.firstRow}–${o.lastRow}`) },
    { key: 'date', header: t('channels.col.date'), width: 100, render: (o) => (o.orderedOn ? fmt.date(o.orderedOn) : '—') },
    {
      key: 'customer',
      header: t('channels.col.customer'),
      width: 210,
      render: (o) => (
        <Stack gap={0}>
          <Text size="sm" lineClamp={1}>{o.customer.name}</Text>
          <Text size="xs" c="dimmed">
            {o.customer.action === 'match' ? t('channels.customer.match', { by: t(`channels.customer.by.${o.customer.matchedBy ?? 'email'}` as MessageKey) }) : t('channels.customer.create')}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'lines',
      header: t('channels.col.lines'),
      // until its SKU is mapped a line has no item, so no unit to read its quantity in: it shows the quantity as written and says so
      render: (o) => (
        <Text size="xs" lineClamp={2} style={{ whiteSpace: 'normal' }} title={o.lines.map((l) => `${l.qtyMilli === null ? l.qtyText : fmt.number(l.qtyMilli / 1000)} × ${l.externalSku} → ${l.item ? l.item.sku : t('channels.line.notMapped')}`).join('\n')}>
          {o.lines.map((l, i) => (
            <span key={i}>
              {i > 0 ? ' · ' : ''}
              {l.qtyMilli === null ? l.qtyText : fmt.number(l.qtyMilli / 1000)} × {l.externalSku} →{' '}
              {l.item ? (
                l.item.sku
              ) : (
                <Text span inherit c="orange.8" fs="italic" data-testid="import-line-unmapped">
                  {t('channels.line.notMapped')}
                </Text>
              )}
            </span>
          ))}
        </Text>
      ),
    },
    {
      key: 'total',
      header: t('channels.col.total'),
      width: 110,
      align: 'right',
      // a total without the unmapped lines would be a wrong number, not a smaller one
      render: (o) =>
        o.lines.some((l) => !l.item) ? (
          <Text size="xs" c="orange.8" title={t('channels.total.notMapped.hint')} data-testid="import-total-unmapped">
            {t('channels.total.notMapped')}
          </Text>
        ) : (
          fmt.money(o.totalCents)
        ),
    },
    { key: 'state', header: t('channels.col.state'), width: 240, render: (o) => <StateBadge state={o.state} /> },
  ];
  return (
    <VirtualTable
      rows={preview.orders}
      columns={columns}
      rowKey={(o) => `${o.channel}|${o.ref}`}
      height={Math.min(440, 48 + preview.orders.length * 48)}
      rowHeight={48}
      testId="import-orders"
      rowTestId={(o) => `import-order-${o.ref}`}
    />
  );
}
