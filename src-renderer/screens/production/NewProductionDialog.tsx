/**
 * A production order made by hand, for stock: what (an item with a recipe), how much
 * (whole batches, or a quantity rounded up to batches) and when.
 */
import { DateField } from '../../components/DateField';
import { useState } from 'react';
import { Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useApiCommand } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { ItemPicker, type PickedItem } from '../../components/ItemPicker';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { areaFieldErrors, today } from '../orders/orderBits';
import { SubmitForm } from '../../components/SubmitForm';

export function NewProductionDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t, fmt } = useI18n();
  const [item, setItem] = useState<PickedItem | null>(null);
  const [by, setBy] = useState<'batches' | 'quantity'>('batches');
  const [batches, setBatches] = useState<string | number>(1);
  const [quantity, setQuantity] = useState('');
  const [plannedOn, setPlannedOn] = useState(today());
  const [notes, setNotes] = useState('');
  const [itemError, setItemError] = useState<string | undefined>();
  const create = useApiCommand('production.create', {
    onSuccess: (po) => {
      notifySaved(t('production.create.done', { number: po.number }));
      onClose();
      navigate(`/production/${po.id}`);
    },
  });
  const errs = areaFieldErrors(create.error, t);
  const submit = () => {
    if (!item) {
      setItemError(t('production.create.itemRequired'));
      return;
    }
    setItemError(undefined);
    create.mutate({
      itemId: item.id,
      batches: by === 'batches' ? Number(batches) || 1 : undefined,
      quantity: by === 'quantity' ? quantity : undefined,
      plannedOn: plannedOn || undefined,
      notes,
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('production.create.title')}</Text>} size="lg" data-testid="production-new-dialog">
      <SubmitForm onSubmit={submit}>
        <Stack gap="sm">
          <ItemPicker
            hasRecipe
            label={t('production.create.item')}
            description={t('production.create.item.hint')}
            value={item}
            onChange={setItem}
            error={itemError ?? errs.itemId}
            data-testid="production-new-item"
            data-autofocus
          />
          <Group gap="sm" align="flex-end" wrap="nowrap">
            <SegmentedControl
              value={by}
              onChange={(v) => setBy(v as 'batches' | 'quantity')}
              data={[
                { value: 'batches', label: t('production.create.byBatches') },
                { value: 'quantity', label: t('production.create.byQuantity') },
              ]}
              aria-label={t('production.create.by')}
            />
            {by === 'batches' ? (
              <NumberInput
                label={t('production.create.batches')}
                value={batches}
                onChange={setBatches}
                min={1}
                max={10000}
                allowDecimal={false}
                allowNegative={false}
                error={errs.batches}
                style={{ flex: 1 }}
                data-testid="production-new-batches"
              />
            ) : (
              <TextInput
                label={t('production.create.quantity')}
                description={t('production.create.quantity.hint')}
                value={quantity}
                onChange={(e) => setQuantity(e.currentTarget.value)}
                rightSection={item && !/\p{L}/u.test(quantity) ? <Text size="xs" c="dimmed" fw={600}>{fmt.unit(item.unit)}</Text> : null}
                error={errs.quantity ?? errs.batches}
                inputMode="decimal"
                style={{ flex: 1 }}
                data-testid="production-new-quantity"
              />
            )}
          </Group>
          <DateField label={t('production.create.plannedOn')} value={plannedOn} onChange={(d) => setPlannedOn(d)} error={errs.plannedOn} w={200} data-testid="production-new-date" />
          <Textarea label={t('production.create.notes')} autosize minRows={2} maxRows={5} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          {create.error ? <ErrorAlert error={create.error} shownFields={['itemId', 'batches', 'quantity', 'plannedOn']} /> : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="production-new-submit">
              {t('production.create.submit')}
            </Button>
          </Group>
        </Stack>
      </SubmitForm>
    </Modal>
  );
}
