/**
 * Release a planned production order: each component's lots, prefilled with the FEFO
 * proposal and editable. Only components the user changed are sent as picks; the rest
 * the server chooses by FEFO itself. A refusal shows the shortages as a table, or the
 * lots that cannot be used under their rows.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { ProductionOrder } from '../../../src-shared/contract/production';
import { isUnit, type Unit } from '../../../src-shared/domain/units';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { useEditedFields } from '../../components/editedFields';
import { ApiError } from '../../api/client';
import { useApiCommand } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { IconAlert } from '../../components/icons';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import type { Formatters } from '../../i18n/format';
import { areaFieldErrors } from '../orders/orderBits';
import { DialogFooter } from '../../components/DialogFooter';
import { AddLotButton, ComponentLotsCard, LotPickRow, type LotPick } from './LotPicks';

type PickRow = LotPick;
interface CompState {
  changed: boolean;
  unit: Unit;
  rows: PickRow[];
}

/** The typed quantity in thousandths, or NaN when it is no quantity (the server names that one). */
function quantityOf(text: string, unit: Unit): number {
  try {
    return parseQuantity(text, unit);
  } catch {
    return Number.NaN;
  }
}

let nextKey = 1;
function proposalRows(c: ProductionOrder['components'][number], fmt: Formatters): PickRow[] {
  return c.proposal.map((p) => ({ key: nextKey++, lotId: p.lotId, code: p.lotCode, quantity: fmt.qtyInput(p.qtyMilli, c.item.unit) }));
}

export interface Shortage {
  itemId: number;
  sku: string;
  unit: string;
  neededMilli: number;
  availableMilli: number;
  shortMilli: number;
}

export function ShortageTable({ shortages, names }: { shortages: Shortage[]; names: Map<number, string> }) {
  const { t, fmt } = useI18n();
  const q = (milli: number, unit: string) => (isUnit(unit) ? fmt.qty(milli, unit as Unit) : `${fmt.number(milli / 1000)} ${unit}`);
  return (
    <Table fz="sm" verticalSpacing={4} withTableBorder data-testid="release-shortages">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('production.short.item')}</Table.Th>
          <Table.Th ta="right">{t('production.short.needed')}</Table.Th>
          <Table.Th ta="right">{t('production.short.available')}</Table.Th>
          <Table.Th ta="right">{t('production.short.short')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shortages.map((s) => (
          <Table.Tr key={s.itemId}>
            <Table.Td>
              {names.get(s.itemId) ?? s.sku}{' '}
              <Text span size="xs" c="dimmed" ff="monospace">
                {s.sku}
              </Text>
            </Table.Td>
            <Table.Td ta="right" className="num">{q(s.neededMilli, s.unit)}</Table.Td>
            <Table.Td ta="right" className="num">{q(s.availableMilli, s.unit)}</Table.Td>
            <Table.Td ta="right" className="num" c="red.7" fw={600}>
              {q(s.shortMilli, s.unit)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ReleaseDialog({ po, opened, onClose }: { po: ProductionOrder; opened: boolean; onClose(): void }) {
  const { t, fmt } = useI18n();
  const [state, setState] = useState<Map<number, CompState>>(() => new Map(po.components.map((c) => [c.item.id, { changed: false, unit: c.item.unit, rows: proposalRows(c, fmt) }])));
  const [sentItems, setSentItems] = useState<number[]>([]);
  // the version the dialog was opened on: refused if someone changed the production order since
  const [shownVersion] = useState(po.version);
  const release = useApiCommand('production.release', {
    onSuccess: (out) => {
      notifySaved(t('production.released', { number: out.number }));
      onClose();
    },
  });
  const errs = areaFieldErrors(release.error, t);
  const names = new Map(po.components.map((c) => [c.item.id, c.item.name]));
  const shortages = release.error instanceof ApiError && release.error.code === 'INSUFFICIENT_STOCK' && Array.isArray(release.error.details.shortages) ? (release.error.details.shortages as Shortage[]) : null;
  const lotProblems = release.error instanceof ApiError && release.error.code === 'LOT_NOT_RELEASED';

  const update = (itemId: number, f: (rows: PickRow[]) => PickRow[]) =>
    setState((old) => {
      const next = new Map(old);
      const cur = next.get(itemId)!;
      next.set(itemId, { ...cur, changed: true, rows: f(cur.rows) });
      return next;
    });
  const reset = (c: ProductionOrder['components'][number]) =>
    setState((old) => new Map(old).set(c.item.id, { changed: false, unit: c.item.unit, rows: proposalRows(c, fmt) }));

  const [missing, setMissing] = useState<Record<number, { lotId?: string; quantity?: string }>>({});
  const edits = useEditedFields();
  const submit = () => {
    // a row half filled in is a mistake, not a row to leave out
    const m: Record<number, { lotId?: string; quantity?: string }> = {};
    for (const st of state.values()) {
      if (!st.changed) continue;
      for (const r of st.rows) {
        if (r.lotId === null && r.quantity.trim() !== '') m[r.key] = { lotId: t('production.complete.lotRequired') };
        if (r.lotId !== null && r.quantity.trim() === '') m[r.key] = { quantity: t('production.complete.qtyRequired') };
        else if (r.quantity.trim() !== '' && quantityOf(r.quantity, st.unit) <= 0) m[r.key] = { ...m[r.key], quantity: t('issue.positive') };
      }
    }
    setMissing(m);
    edits.reset();
    if (Object.keys(m).length > 0) return;
    const picks = po.components
      .filter((c) => state.get(c.item.id)?.changed)
      .map((c) => ({ itemId: c.item.id, lots: state.get(c.item.id)!.rows.filter((r) => r.lotId !== null && r.quantity.trim() !== '').map((r) => ({ lotId: r.lotId!, quantity: r.quantity })) }));
    setSentItems(picks.map((p) => p.itemId));
    release.mutate({ id: po.id, picks, expectedVersion: shownVersion });
  };
  const rowError = (itemId: number, j: number, field: 'lotId' | 'quantity') => {
    if (edits.isEdited(`${state.get(itemId)!.rows[j]?.key}.${field}`)) return undefined;
    const own = missing[state.get(itemId)!.rows[j]?.key ?? -1]?.[field];
    if (own) return own;
    const i = sentItems.indexOf(itemId);
    if (i < 0) return undefined;
    // the server numbers the lots it was sent: rows without a lot or quantity were left out
    const rows = state.get(itemId)!.rows;
    const sentIndex = rows.filter((r, k) => k < j && r.lotId !== null && r.quantity.trim() !== '').length;
    return errs[`picks.${i}.lots.${sentIndex}.${field}`];
  };

  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={<Text fw={650}>{t('production.release.title', { number: po.number })}</Text>} scrollAreaComponent={ScrollArea.Autosize} data-testid="release-dialog">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('production.release.intro')}
        </Text>
        {shortages ? (
          <Alert color="red" variant="light" icon={<IconAlert />} title={t('production.release.shortages')} data-testid="release-error">
            <ShortageTable shortages={shortages} names={names} />
          </Alert>
        ) : lotProblems ? (
          <Alert color="red" variant="light" icon={<IconAlert />} title={t('production.release.lotProblems')} data-testid="release-error">
            {Object.entries(errs).map(([path, text]) => (
              <Text size="sm" key={path}>
                {(() => {
                  const m = /^picks\.(\d+)/.exec(path);
                  const itemId = m ? sentItems[Number(m[1])] : undefined;
                  return itemId !== undefined ? `${names.get(itemId) ?? ''}: ` : '';
                })()}
                {text}
              </Text>
            ))}
          </Alert>
        ) : release.error ? (
          <ErrorAlert error={release.error} testId="release-error" onReload={onClose} />
        ) : null}
        {po.components.map((c) => {
          const st = state.get(c.item.id)!;
          return (
            <ComponentLotsCard
              key={c.item.id}
              item={c.item}
              testId={`release-comp-${c.item.sku}`}
              detail={
                <Text size="xs" c="dimmed">
                  {t('production.comp.needed')}: <span className="num">{fmt.qty(c.neededMilli, c.item.unit)}</span> · {t('production.comp.available')}:{' '}
                  <span className="num">{fmt.qty(c.availableMilli, c.item.unit)}</span>
                  {c.shortMilli > 0 ? (
                    <Text span c="red.7" fw={600} size="xs">
                      {' '}
                      · {t('production.comp.short')}: {fmt.qty(c.shortMilli, c.item.unit)}
                    </Text>
                  ) : null}
                </Text>
              }
              aside={
                <Group gap={6} wrap="nowrap">
                  {st.changed ? (
                    <>
                      <Badge size="sm" color="orange" variant="light">
                        {t('production.release.changed')}
                      </Badge>
                      <Button size="compact-xs" variant="subtle" onClick={() => reset(c)}>
                        {t('production.release.reset')}
                      </Button>
                    </>
                  ) : (
                    <Badge size="sm" color="gray" variant="light">
                      {t('production.release.fefo')}
                    </Badge>
                  )}
                </Group>
              }
            >
              <Stack gap={6}>
                {st.rows.length === 0 ? (
                  <Text size="xs" c="red.7">
                    {t('production.comp.noLots')}
                  </Text>
                ) : null}
                {st.rows.map((r, j) => (
                  <LotPickRow
                    key={r.key}
                    item={c.item}
                    pick={r}
                    index={j}
                    area="release"
                    lotError={rowError(c.item.id, j, 'lotId')}
                    qtyError={rowError(c.item.id, j, 'quantity')}
                    removeLabel={t('common.remove')}
                    onChange={(patch) => {
                      edits.edit(...Object.keys(patch).filter((f) => f !== 'code').map((f) => `${r.key}.${f}`));
                      update(c.item.id, (rows) => rows.map((x) => (x.key === r.key ? { ...x, ...patch } : x)));
                    }}
                    onRemove={() => update(c.item.id, (rows) => rows.filter((x) => x.key !== r.key))}
                  />
                ))}
                <AddLotButton
                  label={t('production.release.addLot')}
                  onClick={() => update(c.item.id, (rows) => [...rows, { key: nextKey++, lotId: null, code: null, quantity: '' }])}
                  testId={`release-add-${c.item.sku}`}
                />
              </Stack>
            </ComponentLotsCard>
          );
        })}
        <DialogFooter onClose={onClose} onSubmit={submit} label={t('production.release.submit')} loading={release.isPending} testId="release-submit" />
      </Stack>
    </Modal>
  );
}
