/** Pieces the production screens share (and the order page, for its linked batches). */
import { Badge, type BadgeProps } from '@mantine/core';
import type { ProductionOrder } from '../../../src-shared/contract/production';
import { useI18n } from '../../i18n/I18nProvider';

export type ProductionStatus = ProductionOrder['status'];

/** In flow order (kept here so the renderer does not pull zod in at run time). */
export const PRODUCTION_STATUSES = ['planned', 'released', 'in_progress', 'completed', 'cancelled'] as const satisfies readonly ProductionStatus[];
export const OPEN_STATUSES: ProductionStatus[] = ['planned', 'released', 'in_progress'];

export const PRODUCTION_STATUS_COLOR: Record<ProductionStatus, string> = {
  planned: 'indigo',
  released: 'cyan',
  in_progress: 'blue',
  completed: 'green',
  cancelled: 'gray',
};

export function ProductionStatusBadge({ status, size = 'sm', ...rest }: { status: ProductionStatus; size?: BadgeProps['size']; 'data-testid'?: string }) {
  const { t } = useI18n();
  return (
    <Badge color={PRODUCTION_STATUS_COLOR[status]} variant={status === 'cancelled' ? 'outline' : 'light'} size={size} radius="sm" fw={600} data-status={status} {...rest}>
      {t(`production.status.${status}`)}
    </Badge>
  );
}

export function MaterialsShortBadge({ size = 'sm' }: { size?: BadgeProps['size'] }) {
  const { t } = useI18n();
  return (
    <Badge color="red" variant="filled" size={size} radius="sm" data-testid="materials-short">
      {t('production.materialsShort')}
    </Badge>
  );
}

/** 135 → "2 h 15 min"; under an hour, "45 min". */
export function duration(minutes: number, t: ReturnType<typeof useI18n>['t']): string {
  if (minutes < 60) return t('production.minutes', { minutes });
  if (minutes % 60 === 0) return t('production.hours', { hours: minutes / 60 });
  return t('production.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
