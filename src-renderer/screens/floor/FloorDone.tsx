/** A completed batch on the floor: the new lot, big, and its product labels to print; then on to the next batch. */
import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ProductionOrder } from '../../../src-shared/contract/production';
import { IconCheck } from '../../components/icons';
import { PrintLabelsDialog } from '../../components/PrintLabels';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';

export function FloorDone({ po }: { po: ProductionOrder }) {
  const { t, fmt } = useI18n();
  const [printing, setPrinting] = useState(false);
  if (!po.outputLot) return null;
  return (
    <Paper withBorder radius="md" p="xl" maw={720} data-testid="floor-done">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={44} radius="xl" color="teal">
            <IconCheck size={26} />
          </ThemeIcon>
          <Text fw={700} fz={24}>
            {t('floor.done.title')}
          </Text>
        </Group>
        <div>
          <Text size="sm" c="dimmed" tt="uppercase" fw={600}>
            {t('floor.done.lot')}
          </Text>
          <Text ff="monospace" fw={800} fz={40} lh={1.2} data-testid="floor-done-lot">
            {po.outputLot.code}
          </Text>
        </div>
        <Group gap="lg" wrap="wrap">
          <Text size="lg" className="num" data-testid="floor-done-qty">
            {t('floor.done.made', { qty: fmt.qty(po.actualQtyMilli ?? 0, po.item.unit) })}
          </Text>
          {po.outputLot.expiresOn ? <Text size="lg">{t('floor.lot.expires', { date: fmt.date(po.outputLot.expiresOn) })}</Text> : null}
        </Group>
        <Stack gap="sm">
          <Button size="xl" fullWidth onClick={() => setPrinting(true)} data-testid="floor-print-labels">
            {t('floor.done.print')}
          </Button>
          <Button size="xl" fullWidth variant="default" onClick={() => navigate('/floor')} data-testid="floor-next">
            {t('floor.done.next')}
          </Button>
        </Stack>
      </Stack>
      {printing ? <PrintLabelsDialog source={{ kind: 'production', productionId: po.id }} opened onClose={() => setPrinting(false)} /> : null}
    </Paper>
  );
}
