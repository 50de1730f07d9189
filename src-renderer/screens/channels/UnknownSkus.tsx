/**
 * SKUs of the file no item answers to: the user picks the item once; the import remembers it
 * for the channel. An item with the same name (the preview's suggestion) is filled in, marked
 * as a suggestion: it is used only when the user applies the choices.
 */
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { MessageKey } from '../../../src-shared/i18n';
import { ItemPicker, type PickedItem } from '../../components/ItemPicker';
import { useI18n } from '../../i18n/I18nProvider';
import type { Preview } from './useImportFlow';

export function UnknownSkus({ preview, onApply }: { preview: Preview; onApply(chosen: { externalSku: string; itemId: number }[]): void }) {
  const { t } = useI18n();
  // what the user picked or cleared; an SKU not touched shows its suggestion
  const [chosen, setChosen] = useState<Map<string, PickedItem | null>>(new Map());
  if (preview.unknownSkus.length === 0) return null;
  const pickOf = (u: Preview['unknownSkus'][number]): PickedItem | null => (chosen.has(u.externalSku) ? chosen.get(u.externalSku)! : u.suggested);
  const all = preview.unknownSkus.every((u) => pickOf(u) !== null);
  return (
    <Alert color="yellow" title={t('channels.unknown.title')} data-testid="unknown-skus">
      <Text size="sm" mb="sm">
        {t('channels.unknown.body', { channel: t(`orders.channel.${preview.channel}` as MessageKey) })}
      </Text>
      <Stack gap="xs">
        {preview.unknownSkus.map((u, i) => (
          <Group key={u.externalSku} gap="md" wrap="nowrap" align="center">
            <Text size="sm" w={420} style={{ flexShrink: 0 }} lineClamp={2}>
              {t('channels.unknown.sku', { sku: u.externalSku, name: u.name, rows: u.rows, row: u.firstRow })}
            </Text>
            <div style={{ flex: 1, maxWidth: 520 }}>
              <ItemPicker
                value={pickOf(u)}
                onChange={(item) => setChosen((old) => new Map(old).set(u.externalSku, item))}
                kinds={['product', 'intermediate']}
                aria-label={u.externalSku}
                data-testid={`unknown-sku-${i}`}
              />
              {u.suggested && !chosen.has(u.externalSku) ? (
                <Text size="xs" c="dimmed" mt={2} data-testid={`unknown-sku-suggested-${i}`}>
                  {t('channels.unknown.suggested', { sku: u.suggested.sku })}
                </Text>
              ) : null}
            </div>
          </Group>
        ))}
        <Group>
          <Button disabled={!all} onClick={() => onApply(preview.unknownSkus.map((u) => ({ externalSku: u.externalSku, itemId: pickOf(u)!.id })))} data-testid="unknown-apply">
            {t('channels.unknown.apply')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
