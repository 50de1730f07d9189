/**
 * One item on a list: its price from the first piece and its quantity breaks ("from 24
 * pcs: 4,00 €"). Each field says what is wrong as it is typed: a negative or non-numeric
 * price, a break quantity not above the one before.
 */
import { useState } from 'react';
import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { PriceEntry } from '../../../src-shared/contract/prices';
import { useApiCommand } from '../../api/hooks';
import { DialogFooter } from '../../components/DialogFooter';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { IconPlus, IconTrash } from '../../components/icons';
import { ItemPicker, type PickedItem } from '../../components/ItemPicker';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { checkBreaks, checkPrice } from './priceChecks';

interface BreakRow {
  key: number;
  fromQuantity: string;
  price: string;
}
let nextKey = 1;

export function PriceEntryDialog({ listId, entry, onClose }: { listId: number; entry: PriceEntry | null; onClose(): void }) {
  const { t, fmt } = useI18n();
  const cents = (c: number) => fmt.decimalInput(c, 2, { minFractionDigits: 2 });
  const [item, setItem] = useState<PickedItem | null>(entry ? entry.item : null);
  const [price, setPrice] = useState(entry ? cents(entry.priceCents) : '');
  const [breaks, setBreaks] = useState<BreakRow[]>(() => (entry ? entry.breaks.map((b) => ({ key: nextKey++, fromQuantity: fmt.decimalInput(b.fromMilli, 3), price: cents(b.priceCents) })) : []));
  const [tried, setTried] = useState(false);
  const save = useApiCommand('prices.setPrices', {
    onSuccess: () => {
      notifySaved(t('prices.entry.saved', { name: item?.name ?? '' }));
      onClose();
    },
  });
  const server = fieldErrors(save.error, t);
  const priceErr = checkPrice(price, t);
  const breakQtyErr = checkBreaks(breaks, t);
  const breakPriceErr = breaks.map((b) => checkPrice(b.price, t));
  // a field shows its problem once something is typed in it, or after a save attempt
  const show = (text: string, msg: string | null) => (tried || text.trim() !== '' ? (msg ?? undefined) : undefined);
  const valid = item !== null && !priceErr && breakQtyErr.every((e) => !e) && breakPriceErr.every((e) => !e);

  const submit = () => {
    setTried(true);
    if (!valid || !item) return;
    save.mutate({ listId, entries: [{ itemId: item.id, price, breaks: breaks.map((b) => ({ fromQuantity: b.fromQuantity, price: b.price })) }] });
  };
  const unit = item ? fmt.unit(item.unit) : '';

  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{entry ? entry.item.name : t('prices.entry.add')}</Text>} size="lg">
      <Stack gap="sm" data-testid="price-entry-dialog">
        {entry ? null : (
          <ItemPicker
            label={t('prices.entry.col.item')}
            value={item}
            onChange={setItem}
            kinds={['product', 'intermediate', 'service']}
            error={tried && !item ? t('prices.check.itemRequired') : server['entries.0.itemId']}
            data-autofocus
            data-testid="price-entry-item"
          />
        )}
        <TextInput
          label={t('prices.entry.price')}
          description={t('prices.entry.price.hint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={price}
          onChange={(e) => setPrice(e.currentTarget.value)}
          rightSection={<Text size="xs" c="dimmed">€</Text>}
          inputMode="decimal"
          w={300}
          error={show(price, priceErr) ?? server['entries.0.price']}
          data-testid="price-entry-price"
        />
        <Text size="sm" fw={600} mt="xs">
          {t('prices.break.title')}
        </Text>
        {breaks.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('prices.break.none')}
          </Text>
        ) : null}
        {breaks.map((b, i) => (
          <Group key={b.key} gap="xs" align="flex-start" wrap="nowrap" data-testid={`price-break-${i}`}>
            <TextInput
              aria-label={t('prices.break.from')}
              leftSection={<Text size="xs" c="dimmed">{t('prices.break.fromShort')}</Text>}
              leftSectionWidth={44}
              rightSection={<Text size="xs" c="dimmed">{unit}</Text>}
              value={b.fromQuantity}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setBreaks((bs) => bs.map((x) => (x.key === b.key ? { ...x, fromQuantity: v } : x)));
              }}
              inputMode="decimal"
              w={180}
              error={show(b.fromQuantity, breakQtyErr[i] ?? null) ?? server[`entries.0.breaks.${i}.fromQuantity`]}
              data-testid={`price-break-qty-${i}`}
            />
            <TextInput
              aria-label={t('prices.break.price')}
              rightSection={<Text size="xs" c="dimmed">€</Text>}
              value={b.price}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setBreaks((bs) => bs.map((x) => (x.key === b.key ? { ...x, price: v } : x)));
              }}
              inputMode="decimal"
              w={150}
              error={show(b.price, breakPriceErr[i] ?? null) ?? server[`entries.0.breaks.${i}.price`]}
              data-testid={`price-break-price-${i}`}
            />
            <ActionIcon variant="subtle" color="gray" mt={4} aria-label={t('prices.break.remove')} onClick={() => setBreaks((bs) => bs.filter((x) => x.key !== b.key))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <div>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setBreaks((bs) => [...bs, { key: nextKey++, fromQuantity: '', price: '' }])} data-testid="price-break-add">
            {t('prices.break.add')}
          </Button>
        </div>
        {save.error ? <ErrorAlert error={save.error} shownFields={Object.keys(server)} /> : null}
        <DialogFooter onClose={onClose} onSubmit={submit} label={t('common.save')} loading={save.isPending} testId="price-entry-save" />
      </Stack>
    </Modal>
  );
}
