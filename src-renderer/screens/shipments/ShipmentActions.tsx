/**
 * The shipment page's header actions: the way back, the one thing to do now (print the
 * DDT of a confirmed shipment) and the rest in a "⋯" menu — so at 1366 px the title with
 * the DDT number and the state badge keep their room instead of five buttons taking it.
 */
import { useState } from 'react';
import { ActionIcon, Button, Menu } from '@mantine/core';
import type { Shipment } from '../../../src-shared/contract/shipping';
import { call } from '../../api/client';
import { IconArrowLeft } from '../../components/icons';
import { PrintLabelsDialog } from '../../components/PrintLabels';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { DdtButton, usePdfOpener } from './DocumentButtons';

export function ShipmentActions({ s, onCancel, onReturn }: { s: Shipment; onCancel: () => void; onReturn: () => void }) {
  const { t, lang } = useI18n();
  const [labelsOpen, setLabelsOpen] = useState(false);
  const slip = usePdfOpener(t('shipping.action.packingSlip'), () => call('shipping.packingSlipPdf', { id: s.id, language: lang }));
  const live = s.state !== 'cancelled';
  return (
    <>
      <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/shipments')}>
        {t('common.back')}
      </Button>
      {s.state === 'confirmed' ? <DdtButton shipmentId={s.id} label={t('shipping.action.ddt')} testId="shipment-ddt" /> : null}
      {live ? (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="default" size={36} aria-label={t('shipping.action.more')} title={t('shipping.action.more')} loading={slip.busy} data-testid="shipment-more">
              ⋯
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {s.state === 'confirmed' ? (
              <Menu.Item onClick={onReturn} data-testid="shipment-return">
                {t('shipping.action.return')}
              </Menu.Item>
            ) : null}
            <Menu.Item onClick={() => void slip.open()} data-testid="shipment-packing-slip">
              {t('shipping.action.packingSlip')}
            </Menu.Item>
            <Menu.Item onClick={() => setLabelsOpen(true)} data-testid="print-labels">
              {t('labels.print')}
            </Menu.Item>
            {s.state === 'draft' ? (
              <>
                <Menu.Divider />
                <Menu.Item color="red" onClick={onCancel} data-testid="shipment-cancel">
                  {t('shipping.action.cancel')}
                </Menu.Item>
              </>
            ) : null}
          </Menu.Dropdown>
        </Menu>
      ) : null}
      {slip.dialog}
      {labelsOpen ? <PrintLabelsDialog source={{ kind: 'shipment', shipmentId: s.id }} opened={labelsOpen} onClose={() => setLabelsOpen(false)} /> : null}
    </>
  );
}
