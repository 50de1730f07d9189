/** The traced lot at a glance: item, status, where it came from, past recalls, and what can be done with it. */
import type { ReactNode } from 'react';
import { Alert, Group, Paper, Stack, Text } from '@mantine/core';
import type { TraceLot, TraceResult } from '../../../src-shared/contract/trace';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { LotStatusBadge } from '../inventory/common';

export function LotSummary({ lot, recalls, actions }: { lot: TraceLot; recalls: TraceResult['recalls']; actions: ReactNode }) {
  const { t, fmt } = useI18n();
  const origin: string[] = [];
  if (lot.production) {
    origin.push(t('trace.madeBy', { number: lot.production.number, version: lot.production.recipeVersion, date: fmt.date(lot.production.producedOn ?? lot.originDate) }));
  } else {
    origin.push(lot.supplier ? t('trace.receivedFrom', { date: fmt.date(lot.originDate), supplier: lot.supplier.name }) : t('trace.received', { date: fmt.date(lot.originDate) }));
    if (lot.supplierLotCode) origin.push(t('trace.supplierLot', { code: lot.supplierLotCode }));
    const ddt = lot.receipt?.supplierDdtNumber;
    if (ddt) origin.push(lot.receipt?.supplierDdtDate ? t('trace.supplierDdt', { number: ddt, date: fmt.date(lot.receipt.supplierDdtDate) }) : t('trace.supplierDdtNumber', { number: ddt }));
  }
  return (
    <Paper withBorder p="md" radius="md" data-testid="trace-root">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={700} fz={20} ff="monospace" data-testid="trace-root-code">
              {lot.code}
            </Text>
            <LotStatusBadge status={lot.status} size="md" testId="trace-root-status" />
          </Group>
          <Text size="sm">
            {lot.item.name}{' '}
            <Text span size="sm" c="dimmed" ff="monospace">
              {lot.item.sku}
            </Text>{' '}
            · {t('trace.col.onHand')}: {fmt.qty(lot.onHandMilli, lot.item.unit)}
          </Text>
          <Text size="sm" c="dimmed">
            {origin.join(' · ')}
          </Text>
          <Link to={`/inventory/lots/${lot.id}`} size="sm">
            {t('trace.openLot')}
          </Link>
        </Stack>
        <Group gap="xs">{actions}</Group>
      </Group>
      {recalls.map((r) => (
        <Alert key={r.id} color="grape" mt="sm" py={6} data-testid="trace-recalled">
          {t('trace.recalledOn', { date: fmt.date(r.date), reason: r.reason })}
        </Alert>
      ))}
    </Paper>
  );
}
