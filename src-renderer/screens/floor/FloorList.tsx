/**
 * #/floor: today's batches as big rows to touch — released and in progress first, then
 * those planned for today (and late ones still planned). Opening one goes to #/floor/<id>.
 */
import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { Out } from '../../api/hooks';
import { useApiQuery } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconChevronRight, IconProduction } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { today } from '../orders/orderBits';
import { ProductionStatusBadge } from '../production/productionBits';
import { floorOrder } from './floorOrder';

type BoardRow = Out<'production.list'>['orders'][number];

function when(row: BoardRow, day: string, t: ReturnType<typeof useI18n>['t'], date: (iso: string) => string): { text: string; late: boolean } {
  if (row.plannedOn === day) return { text: t('floor.row.today'), late: false };
  if (row.plannedOn < day && row.status === 'planned') return { text: t('floor.row.late', { date: date(row.plannedOn) }), late: true };
  return { text: t('floor.row.for', { date: date(row.plannedOn) }), late: false };
}

function BatchRow({ row, day }: { row: BoardRow; day: string }) {
  const { t, fmt } = useI18n();
  const w = when(row, day, t, fmt.date);
  return (
    <UnstyledButton onClick={() => navigate(`/floor/${row.id}`)} data-testid={`floor-row-${row.number}`} style={{ display: 'block', width: '100%' }}>
      <Paper withBorder radius="md" px="md" py="sm" mih={84} className="floor-row">
        <Group wrap="nowrap" gap="md" h="100%">
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Text ff="monospace" fw={700}>
                {row.number}
              </Text>
              <ProductionStatusBadge status={row.status} size="md" />
              {row.status === 'planned' && row.materialsShort ? (
                <Badge color="red" variant="filled" radius="sm">
                  {t('production.materialsShort')}
                </Badge>
              ) : null}
            </Group>
            <Text fw={650} fz={20} lh={1.25} lineClamp={2}>
              {row.item.name}
            </Text>
            <Text size="sm" c={w.late ? 'orange.8' : 'dimmed'}>
              {w.text}
              {row.orderNumbers.length > 0 ? ` · ${row.orderNumbers.join(', ')}` : ''}
            </Text>
          </Stack>
          <Text fw={700} fz={22} className="num" style={{ whiteSpace: 'nowrap' }}>
            {fmt.qty(row.plannedQtyMilli, row.item.unit)}
          </Text>
          <IconChevronRight size={28} />
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

function Section({ title, rows, day, testId }: { title: string; rows: BoardRow[]; day: string; testId: string }) {
  if (rows.length === 0) return null;
  return (
    <Stack gap="sm" data-testid={testId}>
      <Text fw={650} size="sm" c="dimmed" tt="uppercase">
        {title}
      </Text>
      {rows.map((r) => (
        <BatchRow key={r.id} row={r} day={day} />
      ))}
    </Stack>
  );
}

export function FloorList() {
  const { t } = useI18n();
  const day = today();
  const active = useApiQuery('production.list', { statuses: ['in_progress', 'released'], limit: 200 });
  const planned = useApiQuery('production.list', { statuses: ['planned'], to: day, limit: 200 });
  return (
    <>
      <PageHeader title={t('floor.title')} subtitle={t('floor.subtitle')} />
      <QueryState queries={[active, planned]}>
        {() => {
          const rows = floorOrder([...active.data!.orders, ...planned.data!.orders]);
          if (rows.length === 0) return <EmptyScreen icon={<IconProduction size={28} />} title={t('floor.empty.title')} description={t('floor.empty.body')} testId="floor-empty" />;
          return (
            <Stack gap="lg">
              <Section title={t('floor.section.active')} rows={rows.filter((r) => r.status !== 'planned')} day={day} testId="floor-active" />
              <Section title={t('floor.section.today')} rows={rows.filter((r) => r.status === 'planned')} day={day} testId="floor-today" />
            </Stack>
          );
        }}
      </QueryState>
    </>
  );
}
