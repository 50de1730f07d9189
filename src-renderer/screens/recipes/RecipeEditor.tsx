/**
 * Edit a recipe: yield, batch time, notes and the component rows (item, quantity per
 * batch as typed — "7,5 kg", "250 g" — and scrap %). Saving makes a new active version.
 */
import { useState } from 'react';
import { Button, Card, Grid, Group, NumberInput, Table, Text, TextInput, Textarea } from '@mantine/core';
import type { Recipe } from '../../../src-shared/contract/catalog';
import type { Unit } from '../../../src-shared/domain/units';
import type { Out } from '../../api/hooks';
import { useApiCommand } from '../../api/hooks';
import { ErrorAlert, fieldErrors, pathKey } from '../../components/errors';
import { ItemPicker, type PickedItem } from '../../components/ItemPicker';
import { notifySaved } from '../../components/notify';
import { useSaveShortcut } from '../../components/shortcuts';
import { useI18n } from '../../i18n/I18nProvider';
import type { Formatters } from '../../i18n/format';
import { SubmitForm } from '../../components/SubmitForm';
import { LineRow, LinesCard, LinesTable, RemoveLine, useLineList } from '../../components/LinesTable';

type ItemDetail = Out<'catalog.getItem'>;

interface Row {
  key: number;
  item: PickedItem | null;
  quantity: string;
  scrapPct: string;
}

let nextKey = 1;
const newRow = (): Row => ({ key: nextKey++, item: null, quantity: '', scrapPct: '' });

function rowsOf(recipe: Recipe | null, fmt: Formatters): Row[] {
  if (!recipe) return [newRow()];
  return recipe.components.map((c) => ({
    key: nextKey++,
    item: c.item,
    quantity: fmt.qtyInput(c.qtyMilli, c.item.unit, c.enteredUnit),
    scrapPct: c.scrapBp === 0 ? '' : fmt.decimalInput(c.scrapBp, 2),
  }));
}

export function RecipeEditor({ item, recipe, nextVersion, onSaved }: { item: ItemDetail; recipe: Recipe | null; nextVersion: number; onSaved(r: Recipe): void }) {
  const { t, fmt } = useI18n();
  const [yieldText, setYield] = useState(recipe ? fmt.qtyInput(recipe.yieldMilli, item.unit) : '');
  const [minutes, setMinutes] = useState<string | number>(recipe?.batchMinutes ?? 60);
  const [notes, setNotes] = useState(recipe?.notes ?? '');
  const [rows, setRows] = useState<Row[]>(() => rowsOf(recipe, fmt));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const save = useApiCommand('catalog.saveRecipe', {
    onSuccess: (r: Recipe) => {
      notifySaved(t('recipe.saved', { version: r.version }));
      onSaved(r);
    },
  });
  // blank rows are left out when saving: the server's row numbers are those of the rows sent
  const [sent, setSent] = useState<number[]>([]);
  const server = fieldErrors(save.error, t);
  const err = (path: (string | number)[]) => {
    const own = clientErrors[pathKey(path)];
    if (own) return own;
    if (path[0] === 'components') {
      const j = sent.indexOf(path[1] as number);
      return j < 0 ? undefined : server[pathKey(['components', j, ...path.slice(2)])];
    }
    return server[pathKey(path)];
  };

  const list = useLineList(setRows, newRow);

  const submit = () => {
    const e: Record<string, string> = {};
    if (yieldText.trim() === '') e.yield = t('issue.required');
    const filled = rows.map((_, i) => i).filter((i) => rows[i]!.item || rows[i]!.quantity.trim() !== '' || rows[i]!.scrapPct.trim() !== '');
    const used = filled.length > 0 ? filled : [0];
    for (const i of used) {
      const r = rows[i]!;
      if (!r.item) e[`components.${i}.itemId`] = t('recipe.component.pickRequired');
      if (r.quantity.trim() === '') e[`components.${i}.quantity`] = t('recipe.component.quantityRequired');
    }
    setClientErrors(e);
    if (Object.keys(e).length > 0) return;
    setSent(used);
    save.mutate({
      itemId: item.id,
      yield: yieldText,
      batchMinutes: minutes === '' ? 0 : Number(minutes),
      notes,
      components: used.map((i) => rows[i]!).map((r) => ({ itemId: r.item!.id, quantity: r.quantity, scrapPct: r.scrapPct })),
    });
  };
  useSaveShortcut(submit);

  const shown = ['yield', 'batchMinutes', 'notes', ...sent.flatMap((_, j) => [`components.${j}.itemId`, `components.${j}.quantity`, `components.${j}.scrapPct`])];
  // the item's unit, as long as the typed text does not name one itself
  const unitTag = (u: Unit | undefined, typed: string) => (u && !/\p{L}/u.test(typed) ? <Text size="xs" c="dimmed" fw={600}>{fmt.unit(u)}</Text> : null);

  return (
    <SubmitForm onSubmit={submit} data-testid="recipe-editor">
      <Card withBorder radius="md" padding="md" mb="md">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('recipe.field.yield')}
              placeholder={t('recipe.field.yield.hint', { unit: fmt.unit(item.unit) })}
              required
              value={yieldText}
              onChange={(e) => setYield(e.currentTarget.value)}
              rightSection={unitTag(item.unit, yieldText)}
              error={err(['yield'])}
              inputMode="decimal"
              autoFocus={!recipe}
              data-testid="recipe-yield"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <NumberInput
              label={t('recipe.field.batchMinutes')}
              value={minutes}
              onChange={setMinutes}
              min={0}
              max={100000}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              error={err(['batchMinutes'])}
              data-testid="recipe-batch-minutes"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <Textarea
              label={t('recipe.field.notes')}
              autosize
              minRows={1}
              maxRows={4}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
              error={err(['notes'])}
              data-testid="recipe-notes"
            />
          </Grid.Col>
        </Grid>
      </Card>

      <LinesCard title={t('recipe.components')} addLabel={t('recipe.component.add')} onAdd={list.add} addTestId="recipe-component-add">
        <LinesTable numbered columns={[{ header: t('recipe.col.item') }, { header: t('recipe.col.quantity'), width: 240 }, { header: t('recipe.col.scrap'), width: 140 }]}>
          {rows.map((r, i) => (
            <LineRow
              key={r.key}
              number={i + 1}
              testId={`recipe-component-row-${i}`}
              remove={<RemoveLine label={t('recipe.component.remove')} onRemove={() => list.remove(r.key)} testId={`recipe-component-remove-${i}`} />}
            >
              <Table.Td>
                <ItemPicker
                  value={r.item}
                  onChange={(it) => list.set(r.key, { item: it })}
                  excludeIds={[item.id]}
                  error={err(['components', i, 'itemId'])}
                  autoFocus={list.focusKey.current === r.key}
                  aria-label={t('recipe.col.item')}
                  data-testid={`recipe-component-item-${i}`}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  value={r.quantity}
                  onChange={(e) => list.set(r.key, { quantity: e.currentTarget.value })}
                  rightSection={unitTag(r.item?.unit, r.quantity)}
                  error={err(['components', i, 'quantity'])}
                  inputMode="decimal"
                  aria-label={t('recipe.col.quantity')}
                  data-testid={`recipe-component-qty-${i}`}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  value={r.scrapPct}
                  onChange={(e) => list.set(r.key, { scrapPct: e.currentTarget.value })}
                  rightSection={<Text size="xs" c="dimmed">%</Text>}
                  error={err(['components', i, 'scrapPct'])}
                  inputMode="decimal"
                  placeholder="0"
                  aria-label={t('recipe.col.scrap')}
                  data-testid={`recipe-component-scrap-${i}`}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && i === rows.length - 1) {
                      e.preventDefault();
                      list.add();
                    }
                  }}
                />
              </Table.Td>
            </LineRow>
          ))}
        </LinesTable>
      </LinesCard>

      {save.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={save.error} shownFields={shown} testId="recipe-error" />
        </div>
      ) : null}

      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {recipe ? t('recipe.saveHint') : ''}
        </Text>
        <Button type="submit" loading={save.isPending} data-testid="recipe-save">
          {recipe ? t('recipe.saveVersion', { version: nextVersion }) : t('recipe.save')}
        </Button>
      </Group>
    </SubmitForm>
  );
}
