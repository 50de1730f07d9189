/** Pieces the purchasing screens share. */
import { Badge, type BadgeProps } from '@mantine/core';
import type { PurchaseOrderStatus } from '../../../src-shared/contract/purchasing';
import { useI18n } from '../../i18n/I18nProvider';

/** In flow order (kept here so the renderer does not pull zod in at run time). */
export const PURCHASE_STATUSES = ['draft', 'sent', 'partially_received', 'received', 'cancelled'] as const satisfies readonly PurchaseOrderStatus[];
export const OPEN_PURCHASE_STATUSES: PurchaseOrderStatus[] = ['draft', 'sent', 'partially_received'];

const COLOR: Record<PurchaseOrderStatus, string> = { draft: 'gray', sent: 'blue', partially_received: 'orange', received: 'green', cancelled: 'gray' };

export function PurchaseStatusBadge({ status, size = 'sm', ...rest }: { status: PurchaseOrderStatus; size?: BadgeProps['size']; 'data-testid'?: string }) {
  const { t } = useI18n();
  return (
    <Badge color={COLOR[status]} variant={status === 'cancelled' ? 'outline' : 'light'} size={size} radius="sm" fw={600} data-status={status} {...rest}>
      {t(`purchasing.status.${status}`)}
    </Badge>
  );
}

export const canReceive = (s: PurchaseOrderStatus) => s === 'draft' || s === 'sent' || s === 'partially_received';
export const canEdit = (s: PurchaseOrderStatus) => s === 'draft' || s === 'sent';
