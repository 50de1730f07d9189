/**
 * The item page: its form (every field of itemInput), archive/restore, where it is used
 * and its recipe. Also the "new item" page (item = null).
 */
import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Card, Grid, Group, NativeSelect, NumberInput, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import type { Item } from '../../../src-shared/contract/catalog';
import type { ItemKind } from '../../../src-shared/contract/common';
import { ITEM_KINDS } from '../../kinds';
import { UNITS, type Unit } from '../../../src-shared/domain/units';
import type { Out } from '../../api/hooks';
import { useApiCommand } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { IconArchive, IconArrowLeft } from '../../components/icons';
import { KindBadge } from '../../components/KindBadge';
import { notifySaved } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useSaveShortcut } from '../../components/shortcuts';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';
import { ItemSidePanel } from './ItemSidePanel';
import { ItemLabelCard } from '../labels/ItemLabelCard';
import { inputOf, requiredMissing, valuesOf, type ItemField, type ItemFormValues } from './itemValues';

type ItemDetail = Out<'catalog.getItem'>;

const FORM_FIELDS: ItemField[] = [
  'sku', 'name', 'kind', 'unit', 'lotTracked', 'quarantineOnReceipt', 'shelfLifeDays', 'reorderPoint',
  'leadTimeDays', 'netWeight', 'gtin', 'unitCost', 'salePrice', 'category', 'notes',
];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Text fw={600} size="sm" mb="sm">
        {title}
      </Text>
      {children}
    </Card>
  );
}

function UnitTag({ children, typed }: { children: ReactNode; typed?: string }) {
  // the typed text names its own unit ("250 g"): no need to show the default one
  if (typed !== undefined && /\p{L}/u.test(typed)) return null;
  return (
    <Text size="xs" c="dimmed" fw={600} pr={4}>
      {children}
    </Text>
  );
}

export function ItemEditor({ item, initial, onReload }: { item: ItemDetail | null; initial: ItemFormValues; onReload?: () => Promise<void> }) {
  const { t, fmt } = useI18n();
  const [v, setV] = useState<ItemFormValues>(initial);
  // the version the form shows: the one it was opened on, then each of its own saves' (someone else's save in between is a conflict)
  const [shownVersion, setShownVersion] = useState(item?.version);
  const [clientErrors, setClientErrors] = useState<Partial<Record<ItemField, string>>>({});
  const [unitTouched, setUnitTouched] = useState(false);
  const create = useApiCommand('catalog.createItem', {
    onSuccess: (created: Item) => {
      notifySaved(t('item.created', { sku: created.sku }));
      navigate(`/items/${created.id}`, { replace: true });
    },
  });
  const update = useApiCommand('catalog.updateItem', {
    onSuccess: (after: Item) => {
      notifySaved(t('item.saved'));
      setV(valuesOf(after, fmt));
      setShownVersion(after.version);
    },
  });
  const archive = useApiCommand('catalog.archiveItem', {
    onSuccess: (after: Item) => {
      setShownVersion(after.version);
      notifySaved(t(after.archived ? 'item.archivedDone' : 'item.restoredDone'));
    },
  });
  const saving = create.isPending || update.isPending;
  const error = item ? update.error : create.error;
  // the unit a quantity field is read in, for messages that name it
  const server = fieldErrors(error, t, (path) => ({ unit: path === 'netWeight' ? 'g' : v.unit }));
  const err = (f: ItemField) => clientErrors[f] ?? server[f];
  const dirty = JSON.stringify(v) !== JSON.stringify(initial);

  const set = <K extends ItemField>(key: K, value: ItemFormValues[K]) => {
    setV((prev) => ({ ...prev, [key]: value }));
    if (clientErrors[key]) setClientErrors((prev) => ({ ...prev, [key]: undefined }));
  };
  const text = (key: 'sku' | 'name' | 'reorderPoint' | 'netWeight' | 'gtin' | 'unitCost' | 'salePrice' | 'category') => ({
    value: v[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(key, e.currentTarget.value),
    error: err(key),
    'data-testid': `item-form-${key}`,
  });

  const save = () => {
    const missing = requiredMissing(v);
    if (missing.length > 0) {
      setClientErrors(Object.fromEntries(missing.map((f) => [f, t('issue.required')])));
      return;
    }
    setClientErrors({});
    if (item) update.mutate({ ...inputOf(v), id: item.id, expectedVersion: shownVersion });
    else create.mutate(inputOf(v));
  };
  useSaveShortcut(save);

  const unit = fmt.unit(v.unit);
  const title = item ? item.name : t('item.new.title');

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      noValidate
    >
      <Link to="/items" size="sm" c="dimmed" className="back-link">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('nav.items')}
        </Group>
      </Link>
      <PageHeader
        title={title}
        subtitle={item ? <Text span ff="monospace" size="sm">{item.sku}</Text> : undefined}
        badge={
          item ? (
            <Group gap={6}>
              <KindBadge kind={item.kind} />
              {item.archived ? (
                <Badge color="gray" variant="outline" size="sm">
                  {t('common.archived')}
                </Badge>
              ) : null}
            </Group>
          ) : undefined
        }
        actions={
          <>
            {dirty ? (
              <Text size="xs" c="orange" data-testid="item-dirty">
                {t('common.unsaved')}
              </Text>
            ) : null}
            {item ? (
              <Button
                variant="default"
                leftSection={<IconArchive size={16} />}
                loading={archive.isPending}
                onClick={() => archive.mutate({ id: item.id, archived: !item.archived, expectedVersion: shownVersion })}
                data-testid="item-archive"
              >
                {item.archived ? t('common.restore') : t('common.archive')}
              </Button>
            ) : null}
            <Button type="submit" loading={saving} data-testid="item-save">
              {t('common.save')}
            </Button>
          </>
        }
      />
      {item?.archived ? (
        <Alert color="gray" variant="light" mb="md">
          {t('item.archivedBanner')}
        </Alert>
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: item ? 8 : 9 }}>
          <Stack gap="md">
            {error ? <ErrorAlert error={error} shownFields={FORM_FIELDS} onReload={onReload} /> : null}
            <Section title={t('item.section.identity')}>
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput label={t('item.field.sku')} required autoFocus={!item} classNames={{ input: 'mono-input' }} {...text('sku')} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 5 }}>
                  <TextInput label={t('item.field.name')} required {...text('name')} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 3 }}>
                  <TextInput label={t('item.field.category')} placeholder={t('item.field.category.hint')} maxLength={60} {...text('category')} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <NativeSelect
                    label={t('item.field.kind')}
                    value={v.kind}
                    onChange={(e) => {
                      const kind = e.currentTarget.value as ItemKind;
                      set('kind', kind);
                      // a new product is usually counted in pieces, the rest weighed
                      if (!item && !unitTouched) set('unit', kind === 'product' || kind === 'packaging' ? 'pcs' : 'kg');
                    }}
                    data={ITEM_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                    error={err('kind')}
                    data-testid="item-form-kind"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <NativeSelect
                    label={t('item.field.unit')}
                    value={v.unit}
                    onChange={(e) => {
                      setUnitTouched(true);
                      set('unit', e.currentTarget.value as Unit);
                    }}
                    data={UNITS.map((u) => ({ value: u, label: t(`unit.name.${u}`) }))}
                    error={err('unit')}
                    data-testid="item-form-unit"
                  />
                </Grid.Col>
              </Grid>
            </Section>
            <Section title={t('item.section.money')}>
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('item.field.unitCost', { unit })}
                    placeholder={t('item.field.unitCost.hint')}
                    description={item?.hasRecipe ? t('item.field.unitCost.rolled') : undefined}
                    leftSection={<Text size="sm" c="dimmed">€</Text>}
                    rightSection={<UnitTag>/ {unit}</UnitTag>}
                    rightSectionWidth={52}
                    inputMode="decimal"
                    {...text('unitCost')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('item.field.salePrice', { unit })}
                    leftSection={<Text size="sm" c="dimmed">€</Text>}
                    rightSection={<UnitTag>/ {unit}</UnitTag>}
                    rightSectionWidth={52}
                    inputMode="decimal"
                    description={item?.hasRecipe ? '\u00a0' : undefined}
                    {...text('salePrice')}
                  />
                </Grid.Col>
              </Grid>
            </Section>
            <Section title={t('item.section.stock')}>
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Switch
                    label={t('item.field.lotTracked')}
                    description={t('item.field.lotTracked.hint')}
                    checked={v.lotTracked}
                    onChange={(e) => set('lotTracked', e.currentTarget.checked)}
                    data-testid="item-form-lotTracked"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Switch
                    label={t('item.field.quarantineOnReceipt')}
                    description={t('item.field.quarantineOnReceipt.hint')}
                    checked={v.quarantineOnReceipt}
                    onChange={(e) => set('quarantineOnReceipt', e.currentTarget.checked)}
                    data-testid="item-form-quarantineOnReceipt"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <NumberInput
                    label={t('item.field.shelfLifeDays')}
                    description={t('item.field.shelfLifeDays.hint')}
                    value={v.shelfLifeDays}
                    onChange={(x) => set('shelfLifeDays', x)}
                    min={0}
                    max={36500}
                    allowDecimal={false}
                    allowNegative={false}
                    hideControls
                    error={err('shelfLifeDays')}
                    data-testid="item-form-shelfLifeDays"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    label={t('item.field.reorderPoint')}
                    description={t('item.field.reorderPoint.hint', { unit })}
                    rightSection={<UnitTag typed={v.reorderPoint}>{unit}</UnitTag>}
                    inputMode="decimal"
                    {...text('reorderPoint')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <NumberInput
                    label={t('item.field.leadTimeDays')}
                    description={t('item.field.leadTimeDays.hint')}
                    value={v.leadTimeDays}
                    onChange={(x) => set('leadTimeDays', x)}
                    min={0}
                    max={3650}
                    allowDecimal={false}
                    allowNegative={false}
                    hideControls
                    error={err('leadTimeDays')}
                    data-testid="item-form-leadTimeDays"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    label={t('item.field.netWeight')}
                    description={t('item.field.netWeight.hint')}
                    rightSection={<UnitTag typed={v.netWeight}>g</UnitTag>}
                    inputMode="decimal"
                    {...text('netWeight')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 8 }}>
                  <TextInput label={t('item.field.gtin')} description={t('item.field.gtin.hint')} classNames={{ input: 'mono-input' }} inputMode="numeric" {...text('gtin')} />
                </Grid.Col>
              </Grid>
            </Section>
            <Section title={t('item.section.notes')}>
              <Textarea
                aria-label={t('item.field.notes')}
                autosize
                minRows={2}
                maxRows={8}
                value={v.notes}
                onChange={(e) => set('notes', e.currentTarget.value)}
                error={err('notes')}
                data-testid="item-form-notes"
              />
            </Section>
          </Stack>
        </Grid.Col>
        {item ? (
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md">
              <ItemSidePanel item={item} />
              {item.kind === 'product' || item.kind === 'intermediate' ? <ItemLabelCard itemId={item.id} /> : null}
            </Stack>
          </Grid.Col>
        ) : null}
      </Grid>
    </form>
  );
}
