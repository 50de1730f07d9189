import { Badge } from '@mantine/core';
import type { Shipment } from '../../../src-shared/contract/shipping';
import { useI18n } from '../../i18n/I18nProvider';

const STATE_COLOR = { draft: 'gray', confirmed: 'teal', cancelled: 'red' } as const;

export function ShipmentStateBadge({ state, testId }: { state: Shipment['state']; testId?: string }) {
  const { t } = useI18n();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" data-testid={testId}>
      {t(`shipping.state.${state}`)}
    </Badge>
  );
}

/** "DDT 12/2026" once confirmed, "Draft #7" before. */
export function useShipmentName() {
  const { t } = useI18n();
  return (s: { id: number; ddtNumber?: string | null; ddt?: { number: string } | null }) => {
    const n = s.ddt?.number ?? s.ddtNumber ?? null;
    return n ? `DDT ${n}` : t('shipping.draftNumber', { id: s.id });
  };
}
