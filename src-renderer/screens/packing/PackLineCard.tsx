/**
 * One order line on the bench: the item, how much is packed of what is ready (big, with a
 * bar), and each allocated lot with its own count — the lots the labels must carry.
 */
import { Badge, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { lineProgress, packKey, type Packed } from '../../../src-shared/domain/packScan';
import { IconCheck } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import type { StationLine } from './packLines';

export function PackLineCard({ line, packed, highlight }: { line: StationLine; packed: Packed; highlight: boolean }) {
  const { t, fmt } = useI18n();
  const p = lineProgress(line, packed);
  const done = p.packedMilli >= p.readyMilli;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid={`pack-line-${line.item.sku}`}
      data-done={done}
      style={highlight ? { borderColor: 'var(--mantine-color-blue-5)', boxShadow: '0 0 0 2px var(--mantine-color-blue-2)' } : undefined}
      bg={done ? 'var(--mantine-color-green-0)' : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fz={18} fw={650} lineClamp={2}>
            {line.item.name}
          </Text>
          <Text size="sm" c="dimmed" ff="monospace" truncate>
            {line.item.sku} · {line.orderNumber}
          </Text>
        </Stack>
        <Group gap={6} wrap="nowrap">
          {done ? <IconCheck size={24} color="var(--mantine-color-green-7)" aria-label={t('packing.line.done')} /> : null}
          <Text fz={24} fw={700} className="num" data-testid={`pack-qty-${line.item.sku}`} style={{ whiteSpace: 'nowrap' }}>
            {t('packing.line.progress', { packed: fmt.number(p.packedMilli / 1000), ready: fmt.qty(p.readyMilli, line.unit) })}
          </Text>
        </Group>
      </Group>
      <Progress value={p.readyMilli > 0 ? (100 * p.packedMilli) / p.readyMilli : 0} color={done ? 'green' : 'blue'} size="lg" radius="xl" my="sm" />
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('packing.line.lots')}:
        </Text>
        {line.lots.map((lot) => {
          const n = packed[packKey(line.orderLineId, lot.lotId)] ?? 0;
          return (
            <Badge key={lot.lotId} size="lg" radius="sm" variant={n >= lot.qtyMilli ? 'filled' : 'light'} color={n >= lot.qtyMilli ? 'green' : 'gray'} ff="monospace" tt="none" data-testid={`pack-lot-${lot.lotCode}`}>
              {lot.lotCode} · {fmt.number(n / 1000)}/{fmt.number(lot.qtyMilli / 1000)}
            </Badge>
          );
        })}
      </Group>
    </Paper>
  );
}
