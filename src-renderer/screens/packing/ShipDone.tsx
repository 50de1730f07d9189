/**
 * After the confirmation: the DDT number, big, and what the bench prints next — the DDT
 * and the shipping labels (one per package), opened as the PDFs the app already makes.
 */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Shipment } from '../../../src-shared/contract/shipping';
import { call } from '../../api/client';
import { IconCheck } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { DdtButton, PdfButton } from '../shipments/DocumentButtons';

export function ShipDone({ shipment }: { shipment: Shipment }) {
  const { t } = useI18n();
  return (
    <Paper withBorder radius="md" p="xl" data-testid="packing-done">
      <Stack gap="md" align="flex-start">
        <Group gap="sm" wrap="nowrap">
          <IconCheck size={36} color="var(--mantine-color-green-7)" />
          <Title order={2} fz={28} data-testid="packing-ddt-number">
            {t('packing.done.title', { number: shipment.ddt?.number ?? '' })}
          </Title>
        </Group>
        <Text fz={18}>{t('packing.done.body', { customer: shipment.customer.name, packages: shipment.packageCount })}</Text>
        <Group gap="sm">
          <DdtButton shipmentId={shipment.id} label={t('packing.done.ddt')} testId="packing-print-ddt" size="lg" />
          <PdfButton label={t('packing.done.labels')} testId="packing-print-labels" size="lg" fetch={() => call('labels.shipmentPdf', { shipmentId: shipment.id })} />
        </Group>
        <Group gap="sm">
          <Button size="lg" variant="default" onClick={() => navigate(`/shipments/${shipment.id}`)} data-testid="packing-open-shipment">
            {t('packing.done.open')}
          </Button>
          <Button size="lg" variant="light" onClick={() => navigate('/packing')} data-testid="packing-next">
            {t('packing.done.next')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
