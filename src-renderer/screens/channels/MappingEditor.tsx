/**
 * Any other export (a WooCommerce plugin, a wholesaler's spreadsheet): each Bottega field
 * gets the column that holds it, with the file's first values to recognise it by. The
 * mapping can be tried at once, or saved by name and recognised for the next files.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { DATE_FORMATS, type ColumnMapping } from '../../../src-shared/contract/channels';
import type { MessageKey } from '../../../src-shared/i18n';
import { useApiCommand } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import type { OrderChannel } from '../orders/orderBits';
import type { Inspection } from './useImportFlow';

const FIELDS = ['orderRef', 'orderedOn', 'requestedOn', 'customerName', 'email', 'phone', 'vatNumber', 'street', 'postcode', 'city', 'province', 'country', 'sku', 'itemName', 'quantity', 'unitPrice', 'discountPct', 'vatPct', 'notes'] as const;
type Field = (typeof FIELDS)[number];
const REQUIRED: Field[] = ['orderRef', 'quantity'];

/** Words a header of each field often holds (Italian and English), for a first guess the user corrects. */
const HINTS: Partial<Record<Field, RegExp>> = {
  orderRef: /ordine|order|rif|ref|numero|number|^id$/i,
  orderedOn: /data|date/i,
  customerName: /cliente|customer|nome|name|ragione/i,
  email: /mail/i,
  phone: /tel|phone/i,
  vatNumber: /iva|vat|p\.?\s?iva/i,
  street: /indirizzo|address|via|street/i,
  postcode: /cap|zip|post/i,
  city: /citt|city|comune/i,
  province: /prov|state/i,
  country: /paese|country|nazione/i,
  sku: /sku|codice|code|articolo/i,
  itemName: /descr|prodotto|product|item/i,
  quantity: /q\.?t|quant|pezzi|qty/i,
  unitPrice: /prezzo|price/i,
  discountPct: /sconto|discount/i,
  vatPct: /aliquota|iva %|vat %/i,
  notes: /note/i,
};

function guess(headers: string[]): Record<Field, string | null> {
  const used = new Set<string>();
  const out = {} as Record<Field, string | null>;
  for (const f of FIELDS) {
    const h = HINTS[f] ? headers.find((x) => !used.has(x) && HINTS[f]!.test(x)) : undefined;
    out[f] = h ?? null;
    if (h) used.add(h);
  }
  return out;
}

export function MappingEditor({ inspection, channel, onPreview, onSaved }: { inspection: Inspection; channel: OrderChannel; onPreview(m: ColumnMapping, channel: OrderChannel): void; onSaved(name: string): void }) {
  const { t } = useI18n();
  const [cols, setCols] = useState(() => guess(inspection.headers));
  const [dateFormat, setDateFormat] = useState<ColumnMapping['dateFormat']>('DD/MM/YYYY');
  const [gross, setGross] = useState(false);
  const [name, setName] = useState('');
  const save = useApiCommand('channels.saveMapping', {
    onSuccess: (m) => {
      notifySaved(t('channels.map.saved', { name: m.name }));
      onSaved(m.name);
    },
  });

  const samples = useMemo(() => {
    const m = new Map<string, string>();
    inspection.headers.forEach((h, i) => m.set(h, [...new Set(inspection.sample.map((r) => r[i] ?? '').filter(Boolean))].slice(0, 3).join(' · ')));
    return m;
  }, [inspection]);
  const options = inspection.headers.map((h) => ({ value: h, label: h }));
  const missing = REQUIRED.filter((f) => !cols[f]).concat(!cols.sku && !cols.itemName ? ['sku'] : []);
  const mapping = (): ColumnMapping => ({ ...(cols as Record<Field, string | null>), orderRef: cols.orderRef!, quantity: cols.quantity!, dateFormat, pricesIncludeVat: gross });

  return (
    <Card withBorder radius="md" padding="lg" data-testid="mapping-editor">
      <Title order={4}>{t('channels.map.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('channels.map.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="xs">
        {FIELDS.map((f) => (
          <Select
            key={f}
            label={t(`channels.field.${f}` as MessageKey) + (REQUIRED.includes(f) ? ` (${t('channels.map.required')})` : '')}
            data={options}
            value={cols[f]}
            placeholder={t('channels.map.none')}
            clearable
            searchable
            description={cols[f] ? t('channels.map.sample', { values: samples.get(cols[f]!) || '—' }) : ' '}
            onChange={(v) => setCols((o) => ({ ...o, [f]: v }))}
            data-testid={`map-${f}`}
          />
        ))}
      </SimpleGrid>
      <Group mt="md" gap="lg" align="flex-end">
        <Select label={t('channels.map.dateFormat')} data={[...DATE_FORMATS]} value={dateFormat} onChange={(v) => v && setDateFormat(v as ColumnMapping['dateFormat'])} allowDeselect={false} w={180} data-testid="map-dateFormat" />
        <Checkbox label={t('channels.map.pricesIncludeVat')} checked={gross} onChange={(e) => setGross(e.currentTarget.checked)} mb={8} data-testid="map-gross" />
      </Group>
      {missing.length > 0 ? (
        <Alert color="yellow" mt="md" data-testid="map-missing">
          {t('channels.map.missing', { fields: missing.map((f) => t(`channels.field.${f}` as MessageKey)).join(', ') })}
        </Alert>
      ) : null}
      {save.error ? (
        <Alert color="red" mt="md">
          {errorText(save.error, t)}: {save.error.message}
        </Alert>
      ) : null}
      <Stack mt="md" gap="xs">
        <Group align="flex-end">
          <Button disabled={missing.length > 0} onClick={() => onPreview(mapping(), channel)} data-testid="map-preview">
            {t('channels.map.preview')}
          </Button>
          <TextInput label={t('channels.map.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={260} data-testid="map-name" />
          <Button variant="default" disabled={missing.length > 0 || name.trim() === ''} loading={save.isPending} onClick={() => save.mutate({ name: name.trim(), channel, columns: mapping() })} data-testid="map-save">
            {t('channels.map.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
