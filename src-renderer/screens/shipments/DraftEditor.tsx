/**
 * A saved draft on its page is the same form as a new shipment, filled with what was
 * saved: lines and lots (the proposal of its orders gives the other lots and the lines
 * not taken yet), packages, weight, transport, destination. *Save draft* changes it;
 * *Save and confirm* changes it and confirms — a refusal (no packages, a lot gone into
 * quarantine, Settings incomplete) lands on the fields, and the draft stays as saved.
 */
import { useEffect, useMemo, useState } from 'react';
import { Text } from '@mantine/core';
import type { Shipment } from '../../../src-shared/contract/shipping';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { notifySaved } from '../../components/notify';
import { QueryError } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import { valuesOfShipment, type ShipmentFormValues } from './shipmentFormValues';
import { lineInfos, SaveButtons, ShipmentFields, type LineInfo } from './ShipmentFields';
import { useShipmentForm } from './useShipmentForm';
import { clearConfirmError, confirmErrorFor } from './confirmHandoff';

export function DraftEditor({ s, onReload }: { s: Shipment; onReload?: () => Promise<void> }) {
  const { t, fmt } = useI18n();
  const proposal = useApiQuery('shipping.proposal', { orderIds: s.orders.map((o) => o.id) });
  const ready = useMemo(() => {
    if (!proposal.data) return null;
    const infos = lineInfos(proposal.data, s);
    const values = valuesOfShipment(s, proposal.data.destination, (m, u) => fmt.qtyInput(m, u), (g) => fmt.decimalInput(g, 3));
    // a draft saved without packages offers the usual appearance, as a new shipment does
    if (values.appearance === '') values.appearance = t('shipping.new.appearanceDefault');
    // ready lines the draft does not carry yet: offered empty, to add by typing a quantity
    for (const l of proposal.data.lines) {
      const lot = l.lots[0] ?? l.otherLots[0];
      if (lot && !values.picks.some((p) => p.orderLineId === l.orderLineId)) values.picks.push({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: '' });
    }
    return { infos, values, shipTo: proposal.data.destination };
    // the form starts from the draft as loaded; later refreshes must not wipe what is being typed
  }, [proposal.data !== undefined]);
  if (!ready) return <QueryError query={proposal} />;
  return <DraftForm s={s} {...ready} onReload={onReload} />;
}

function DraftForm({ s, infos, values, shipTo, onReload }: { s: Shipment; infos: LineInfo[]; values: ShipmentFormValues; shipTo: Shipment['destination']; onReload?: () => Promise<void> }) {
  const { t } = useI18n();
  // the version the form was filled from: a save is refused if someone saved the draft since (the page behind keeps refreshing)
  const [shownVersion] = useState(s.version);
  const unitOf = (orderLineId: number) => infos.find((l) => l.orderLineId === orderLineId)?.item.unit ?? null;
  const form = useShipmentForm(values, unitOf, confirmErrorFor(s.id), onReload);
  useEffect(() => () => clearConfirmError(s.id), [s.id]);
  const update = useApiCommand('shipping.update');
  const confirm = useApiCommand('shipping.confirm');
  const weightKnown = form.values.picks.every((p) => p.quantity.trim() === '' || infos.find((l) => l.orderLineId === p.orderLineId)?.item.netWeightMg != null);
  const save = (andConfirm: boolean) =>
    void form.submit(
      async (input) => {
        const saved = await update.mutateAsync({ id: s.id, ...input, expectedVersion: shownVersion });
        if (!andConfirm) return notifySaved(t('shipping.draft.saved'));
        const done = await confirm.mutateAsync({ id: s.id, expectedVersion: saved.version });
        notifySaved(t('shipping.confirmed', { number: done.ddt?.number ?? '' }));
      },
      andConfirm ? { weightKnown } : undefined,
    );
  return (
    <div data-testid="draft-editor">
      <Text fw={650} mb="xs">{t('shipping.draft.title')}</Text>
      <ShipmentFields values={form.values} set={form.set} infos={infos} errs={form.errs} shipTo={shipTo} />
      {form.errorBox}
      <SaveButtons busy={form.busy} onSave={save} />
    </div>
  );
}
