/** The format the file is read with: recognised from the header, or chosen (a built-in one, a saved mapping, or "map columns…"). */
import { Group, Select, Text } from '@mantine/core';
import type { MessageKey } from '../../../src-shared/i18n';
import { useApiQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/I18nProvider';
import { ORDER_CHANNELS, type OrderChannel } from '../orders/orderBits';
import type { Choice, Preview } from './useImportFlow';
import { QueryError } from '../../components/QueryState';

export function FormatBar({ preview, choice, mapping, onChoose, onMap }: { preview: Preview | null; choice: Choice; mapping: boolean; onChoose(c: Choice): void; onMap(): void }) {
  const { t } = useI18n();
  const mappings = useApiQuery('channels.listMappings', {});
  const value = mapping || choice.mapping ? 'map' : choice.mappingName ? `saved:${choice.mappingName}` : (choice.format ?? (preview ? (preview.mappingName ? `saved:${preview.mappingName}` : preview.format) : null));
  const data = [
    { value: 'shopify', label: t('channels.format.shopify') },
    { value: 'etsy', label: t('channels.format.etsy') },
    { value: 'bottega', label: t('channels.format.bottega') },
    ...(mappings.data?.mappings ?? []).map((m) => ({ value: `saved:${m.name}`, label: t('channels.format.saved', { name: m.name }) })),
    { value: 'map', label: t('channels.format.mapping') },
  ];
  const choose = (v: string | null) => {
    if (!v) return;
    if (v === 'map') return onMap();
    const keep = { channel: choice.channel, skuMappings: choice.skuMappings };
    if (v.startsWith('saved:')) onChoose({ ...keep, mappingName: v.slice(6) });
    else onChoose({ ...keep, format: v as 'shopify' | 'etsy' | 'bottega' });
  };
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <Select label={t('channels.format.label')} data={data} value={value} onChange={choose} allowDeselect={false} w={260} data-testid="import-format" />
      <Select
        label={t('channels.channel.label')}
        data={ORDER_CHANNELS.map((c) => ({ value: c, label: t(`orders.channel.${c}` as MessageKey) }))}
        value={choice.channel ?? preview?.channel ?? (mapping ? 'other' : null)}
        onChange={(v) => v && onChoose({ ...choice, channel: v as OrderChannel })}
        allowDeselect={false}
        w={180}
        data-testid="import-channel"
      />
      <QueryError query={mappings} compact />
      {preview ? (
        <Text size="sm" c="dimmed" pb={6} data-testid="import-file-summary">
          {t('channels.file.summary', { name: preview.file.name, rows: preview.file.rows, encoding: preview.file.encoding, delimiter: preview.file.delimiter === '\t' ? 'tab' : preview.file.delimiter })}
          {preview.recognised ? ` · ${t('channels.format.recognised')}` : ''}
        </Text>
      ) : null}
    </Group>
  );
}
