/** SKUs of the file no item answers to: the user picks the item once; the import remembers it for the channel. */
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { MessageKey } from '../../../src-shared/i18n';
import { ItemPicker, type PickedItem } from '../../components/ItemPicker';
import { useI18n } from '../../i18n/I18nProvider';
import type { Preview } from './useImportFlow';

export function UnknownSkus({ preview, onApply }: { preview: Preview; onApply(chosen: { externalSku: string; itemId: number }[]): void }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<Map<string, PickedItem>>(new Map());
  if (preview.unknownSkus.length === 0) return null;
  const all = preview.unknownSkus.every((u) => chosen.has(u.externalSku));
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
                value={chosen.get(u.externalSku) ?? null}
                onChange={(item) =>
                  setChosen((old) => {
                    const next = new Map(old);
                    if (item) next.set(u.externalSku, item);
                    else next.delete(u.externalSku);
                    return next;
                  })
                }
                kinds={['product', 'intermediate']}
                aria-label={u.externalSku}
                data-testid={`unknown-sku-${i}`}
              />
            </div>
          </Group>
        ))}
        <Group>
          <Button disabled={!all} onClick={() => onApply([...chosen].map(([externalSku, item]) => ({ externalSku, itemId: item.id })))} data-testid="unknown-apply">
            {t('channels.unknown.apply')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
