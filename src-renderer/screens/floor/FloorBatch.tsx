/** #/floor/7: one batch on the floor — what can be done depends on where it is in the flow. */
import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { BackLink } from '../../components/BackLink';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import { ProductionStatusBadge } from '../production/productionBits';
import { FloorDone } from './FloorDone';
import { FloorPlanned } from './FloorPlanned';
import { FloorWork } from './FloorWork';

export function FloorBatch({ id }: { id: number }) {
  const { t, fmt } = useI18n();
  const q = useApiQuery('production.get', { id });
  return (
    <Stack gap="md">
      <BackLink to="/floor">{t('floor.back')}</BackLink>
      <QueryState query={q}>
        {(po) => (
          <>
            <div>
              <Group gap="sm" wrap="wrap">
                <Text ff="monospace" fw={700} size="lg" data-testid="floor-number">
                  {po.number}
                </Text>
                <ProductionStatusBadge status={po.status} size="lg" data-testid="floor-status" />
              </Group>
              <Title order={2} fz={26} fw={700} data-testid="page-title">
                {po.item.name}
              </Title>
              <Text size="lg" c="dimmed" className="num">
                {t('floor.planned', { qty: fmt.qty(po.plannedQtyMilli, po.item.unit) })} · {fmt.date(po.plannedOn)}
              </Text>
            </div>
            {po.status === 'planned' ? <FloorPlanned po={po} /> : null}
            {po.status === 'released' || po.status === 'in_progress' ? <FloorWork po={po} /> : null}
            {po.status === 'completed' ? <FloorDone po={po} /> : null}
            {po.status === 'cancelled' ? (
              <Alert color="gray" variant="light">
                {t('floor.closed', { status: t('production.status.cancelled').toLowerCase() })}
              </Alert>
            ) : null}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
