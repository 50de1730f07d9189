/**
 * What can be done to a lot, each in a small dialog: count it (inventario), scrap part of
 * it, move it between locations, block or unblock it, release it from quarantine.
 */
import { useState } from 'react';
import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { Lot } from '../../../src-shared/contract/inventory';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import type { Out } from '../../api/hooks';
import { useApiCommand } from '../../api/hooks';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { SignedQty } from './common';
import { InvErrorAlert, invFieldErrors } from './invErrors';
import { SubmitForm } from '../../components/SubmitForm';

export type LotAction = 'count' | 'scrap' | 'move' | 'block' | 'unblock' | 'release';
type Location = Out<'inventory.locations'>['locations'][number];
type Balance = Out<'inventory.lot'>['balances'][number];

export function ActionFooter({ onCancel, pending, label, color }: { onCancel(): void; pending: boolean; label: string; color?: string }) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end" gap="xs" mt="xs">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending} color={color} data-testid="action-submit">
        {label}
      </Button>
    </Group>
  );
}

interface Props {
  action: LotAction | null;
  onClose(): void;
  lot: Lot;
  balances: Balance[];
  locations: Location[];
}

export function LotActionModal(props: Props) {
  const { t } = useI18n();
  const { action, onClose } = props;
  return (
    <Modal opened={action !== null} onClose={onClose} title={action ? t(`inventory.action.${action}.title`, { code: props.lot.code }) : ''} size={action === 'move' ? 'lg' : 'md'}>
      {/* a fresh form each time the dialog opens */}
      {action ? <ActionForm key={action} {...props} action={action} /> : null}
    </Modal>
  );
}

function ActionForm({ action, onClose, lot, balances, locations }: Props & { action: LotAction }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const unit = lot.item.unit;
  const defaultLoc = locations.find((l) => l.isDefault)?.id ?? locations[0]?.id;
  const stocked = balances.filter((b) => b.qtyMilli > 0);
  const [loc, setLoc] = useState<string>(String(stocked.length === 1 ? stocked[0]!.locationId : (defaultLoc ?? '')));
  const [to, setTo] = useState<string>(String(locations.find((l) => String(l.id) !== loc)?.id ?? ''));
  const [qty, setQty] = useState('');
  const [text, setText] = useState('');
  const [by, setBy] = useState('');
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const done = (message: string) => {
    notifySaved(message);
    onClose();
  };
  const count = useApiCommand('inventory.countLot', {
    onSuccess: (out) =>
      done(out.differenceMilli === 0 ? t('inventory.count.same') : t('inventory.count.done', { diff: `${out.differenceMilli > 0 ? '+' : '−'}${fmt.qty(Math.abs(out.differenceMilli), unit)}` })),
  });
  const scrap = useApiCommand('inventory.scrapLot', { onSuccess: () => done(t('inventory.scrap.done')) });
  const move = useApiCommand('inventory.transfer', { onSuccess: () => done(t('inventory.move.done')) });
  const block = useApiCommand('inventory.blockLot', { onSuccess: () => done(t('inventory.block.done')) });
  const unblock = useApiCommand('inventory.unblockLot', { onSuccess: () => done(t('inventory.unblock.done')) });
  const release = useApiCommand('inventory.releaseLot', { onSuccess: () => done(t('inventory.release.done')) });
  const cmd = { count, scrap, move, block, unblock, release }[action];
  const errors = invFieldErrors(cmd.error, i18n, () => ({ unit }));
  const err = (field: string, ...paths: string[]) => (missing[field] ? t('issue.required') : [field, ...paths].map((p) => errors[p]).find(Boolean));

  const bookAt = (id: string) => balances.find((b) => String(b.locationId) === id)?.qtyMilli ?? 0;
  const locLabel = (l: Location) => `${l.code} — ${l.name} (${fmt.qty(bookAt(String(l.id)), unit)})`;
  let parsed: number | null = null;
  try {
    parsed = qty.trim() === '' ? null : parseQuantity(qty, unit);
  } catch {
    parsed = null;
  }
  const unitTag = /\p{L}/u.test(qty) ? null : (
    <Text size="xs" c="dimmed" fw={600}>
      {fmt.unit(unit)}
    </Text>
  );

  const submit = () => {
    const need: Record<string, boolean> = {};
    if ((action === 'count' || action === 'scrap' || action === 'move') && qty.trim() === '') need[action === 'count' ? 'counted' : 'quantity'] = true;
    if ((action === 'scrap' || action === 'block' || action === 'unblock') && text.trim() === '') need.reason = true;
    setMissing(need);
    if (Object.keys(need).length > 0) return;
    const lotId = lot.id;
    if (action === 'count') count.mutate({ lotId, locationId: Number(loc) || undefined, counted: qty, note: text });
    else if (action === 'scrap') scrap.mutate({ lotId, locationId: Number(loc) || undefined, quantity: qty, reason: text });
    else if (action === 'move') move.mutate({ lotId, fromLocationId: Number(loc), toLocationId: Number(to), quantity: qty, note: text });
    else if (action === 'block') block.mutate({ lotId, reason: text, by });
    else if (action === 'unblock') unblock.mutate({ lotId, reason: text, by });
    else release.mutate({ lotId, reason: text, by });
  };

  const locationField = (label: string, value: string, set: (v: string) => void, options: Location[], testId: string, error?: string) => (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => set(e.currentTarget.value)}
      data={options.map((l) => ({ value: String(l.id), label: locLabel(l) }))}
      error={error}
      data-testid={testId}
    />
  );
  const quantityField = (label: string, field: 'counted' | 'quantity', testId: string) => (
    <TextInput
      label={label}
      required
      autoFocus
      value={qty}
      onChange={(e) => {
        setQty(e.currentTarget.value);
        setMissing({});
      }}
      rightSection={unitTag}
      inputMode="decimal"
      error={err(field)}
      data-testid={testId}
    />
  );
  const reasonField = (required: boolean, label = t('inventory.field.reason')) => (
    <Textarea
      label={label}
      required={required}
      autosize
      minRows={2}
      maxRows={5}
      autoFocus={action === 'block' || action === 'unblock' || action === 'release'}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        setMissing({});
      }}
      error={err('reason', 'note')}
      data-testid={`${action}-reason`}
    />
  );
  const byField = (
    <TextInput label={t('inventory.field.by')} placeholder={t('inventory.field.by.hint')} value={by} onChange={(e) => setBy(e.currentTarget.value)} error={errors.by} data-testid={`${action}-by`} />
  );

  const shown = ['counted', 'quantity', 'reason', 'note', 'by', 'locationId', 'fromLocationId', 'toLocationId'];
  const submitLabel = t(`inventory.action.${action}.submit`);

  return (
    <SubmitForm onSubmit={submit}>
      <Stack gap="sm">
        {action === 'count' ? (
          <>
            <Text size="sm" c="dimmed">
              {t('inventory.count.hint')}
            </Text>
            {locations.length > 1 ? locationField(t('inventory.field.location'), loc, setLoc, locations, 'count-location', errors.locationId) : null}
            <Group grow align="flex-start">
              <TextInput label={t('inventory.count.book')} value={fmt.qty(bookAt(loc), unit)} readOnly variant="filled" data-testid="count-book" />
              {quantityField(t('inventory.count.counted'), 'counted', 'count-quantity')}
            </Group>
            {parsed !== null ? (
              <Text size="sm" data-testid="count-difference">
                {t('inventory.count.difference')} <SignedQty milli={parsed - bookAt(loc)} unit={unit} />
              </Text>
            ) : null}
            {reasonField(false, t('inventory.field.note'))}
          </>
        ) : null}
        {action === 'scrap' ? (
          <>
            {stocked.length > 1 ? locationField(t('inventory.field.location'), loc, setLoc, locations.filter((l) => bookAt(String(l.id)) > 0), 'scrap-location', errors.locationId) : null}
            {quantityField(t('inventory.field.quantity'), 'quantity', 'scrap-quantity')}
            {reasonField(true)}
          </>
        ) : null}
        {action === 'move' ? (
          <>
            <Group grow align="flex-start">
              {locationField(t('inventory.move.from'), loc, setLoc, locations.filter((l) => bookAt(String(l.id)) > 0), 'move-from', errors.fromLocationId)}
              {locationField(t('inventory.move.to'), to, setTo, locations, 'move-to', errors.toLocationId)}
            </Group>
            {quantityField(t('inventory.field.quantity'), 'quantity', 'move-quantity')}
            {reasonField(false, t('inventory.field.note'))}
          </>
        ) : null}
        {action === 'block' || action === 'unblock' || action === 'release' ? (
          <>
            <Text size="sm" c="dimmed">
              {t(`inventory.action.${action}.hint`)}
            </Text>
            {reasonField(action !== 'release', action === 'release' ? t('inventory.field.note') : undefined)}
            {byField}
          </>
        ) : null}
        <InvErrorAlert error={cmd.error} shownFields={shown} />
        <ActionFooter onCancel={onClose} pending={cmd.isPending} label={submitLabel} color={action === 'block' || action === 'scrap' ? 'red' : undefined} />
      </Stack>
    </SubmitForm>
  );
}
