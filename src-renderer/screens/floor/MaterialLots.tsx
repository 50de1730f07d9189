/**
 * The materials of an open batch with their lots: a tick when the lot was scanned, the
 * quantity used (prefilled with what the release reserved, editable), substitutes marked.
 * Big rows: it is read from a step away and touched with gloves.
 */
import { ActionIcon, Badge, Group, Paper, Stack, Text, TextInput, ThemeIcon, Tooltip } from '@mantine/core';
import type { ProductionOrder } from '../../../src-shared/contract/production';
import { IconCheck, IconTrash } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import type { FloorLotRow } from './floorRows';

type Component = ProductionOrder['components'][number];

function LotLine({ c, row, error, onQty, onRemove }: { c: Component; row: FloorLotRow; error?: string | undefined; onQty(text: string): void; onRemove(): void }) {
  const { t, fmt } = useI18n();
  const out = row.replacedBy !== null;
  return (
    <Group gap="sm" wrap="nowrap" align="center" data-testid={`floor-lot-${row.lotCode}`} data-ticked={row.ticked ? 'yes' : 'no'} style={{ opacity: out ? 0.55 : 1 }}>
      <Tooltip label={row.ticked ? t('floor.lot.ticked') : t('floor.lot.toScan')}>
        <ThemeIcon size={38} radius="xl" color={row.ticked ? 'teal' : 'gray'} variant={row.ticked ? 'filled' : 'light'} aria-label={row.ticked ? t('floor.lot.ticked') : t('floor.lot.toScan')}>
          {row.ticked ? <IconCheck size={22} /> : <Text fw={700}>?</Text>}
        </ThemeIcon>
      </Tooltip>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Text ff="monospace" fw={700} size="lg" td={out ? 'line-through' : undefined}>
          {row.lotCode}
        </Text>
        <Group gap={6} wrap="wrap">
          {row.reservedMilli === null ? (
            <Badge color="orange" variant="light" radius="sm">
              {t('floor.lot.substitute')}
            </Badge>
          ) : null}
          {out ? (
            <Badge color="gray" variant="light" radius="sm">
              {t('floor.lot.replaced', { lot: row.replacedBy ?? '' })}
            </Badge>
          ) : null}
          {row.reservedMilli !== null ? (
            <Text size="sm" c="dimmed" className="num">
              {t('floor.lot.reserved', { qty: fmt.qty(row.reservedMilli, c.item.unit) })}
            </Text>
          ) : null}
          {row.expiresOn ? (
            <Text size="sm" c="dimmed">
              {t('floor.lot.expires', { date: fmt.date(row.expiresOn) })}
            </Text>
          ) : null}
        </Group>
      </div>
      {out ? null : (
        <TextInput
          value={row.quantity}
          onChange={(e) => onQty(e.currentTarget.value)}
          error={error}
          size="lg"
          w={150}
          inputMode="decimal"
          aria-label={`${t('floor.lot.used')} ${row.lotCode}`}
          styles={{ input: { textAlign: 'right' } }}
          data-testid={`floor-qty-${row.lotCode}`}
        />
      )}
      {row.reservedMilli === null ? (
        <Tooltip label={t('floor.lot.remove')}>
          <ActionIcon size={44} variant="subtle" color="gray" aria-label={t('floor.lot.remove')} onClick={onRemove} data-testid={`floor-remove-${row.lotCode}`}>
            <IconTrash size={22} />
          </ActionIcon>
        </Tooltip>
      ) : null}
    </Group>
  );
}

export function MaterialLots({
  po,
  rows,
  errors,
  onQty,
  onRemove,
}: {
  po: ProductionOrder;
  rows: readonly FloorLotRow[];
  errors: Readonly<Record<string, string>>;
  onQty(key: string, text: string): void;
  onRemove(key: string): void;
}) {
  const { t, fmt } = useI18n();
  const counted = rows.filter((r) => r.replacedBy === null);
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={650} size="lg">
          {t('floor.materials')}
        </Text>
        <Badge size="lg" radius="sm" variant="light" color={counted.every((r) => r.ticked) ? 'teal' : 'gray'} data-testid="floor-progress">
          {t('floor.materials.progress', { done: counted.filter((r) => r.ticked).length, total: counted.length })}
        </Badge>
      </Group>
      {po.components.map((c) => (
        <Paper key={c.item.id} withBorder radius="md" p="md" data-testid={`floor-material-${c.item.sku}`}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm" gap="sm">
            <Text fw={650} size="md" style={{ minWidth: 0 }}>
              {c.item.name}{' '}
              <Text span size="sm" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {c.item.sku}
              </Text>
            </Text>
            <Text size="sm" c="dimmed" className="num" style={{ whiteSpace: 'nowrap' }}>
              {t('floor.material.needed', { qty: fmt.qty(c.neededMilli, c.item.unit) })}
            </Text>
          </Group>
          <Stack gap="sm">
            {rows
              .filter((r) => r.itemId === c.item.id)
              .map((r) => (
                <LotLine key={r.key} c={c} row={r} error={errors[r.key]} onQty={(text) => onQty(r.key, text)} onRemove={() => onRemove(r.key)} />
              ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
