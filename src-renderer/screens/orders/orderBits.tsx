/**
 * Small pieces every order screen shares: the status badges (a colour per status), the
 * channels, today's date, and issue texts that know the orders module's own keys.
 */
import { Badge, type BadgeProps } from '@mantine/core';
import type { Order } from '../../../src-shared/contract/orders';
import type { LineStatus, OrderStatus } from '../../../src-shared/domain/orderStatus';
import { localDate } from '../../../src-shared/domain/dates';
import { hasMessage, type Translator } from '../../../src-shared/i18n';
import type { FieldIssue } from '../../../src-shared/contract/errors';
import { ApiError } from '../../api/client';
import { issueText, pathKey } from '../../components/errors';
import { useI18n } from '../../i18n/I18nProvider';

export type OrderChannel = Order['channel'];

/** The channels in display order (kept here so the renderer does not pull zod in at run time). */
export const ORDER_CHANNELS = ['manual', 'phone', 'email', 'shop', 'wholesale', 'shopify', 'etsy', 'woocommerce', 'other'] as const satisfies readonly OrderChannel[];

/** Statuses in the order a person scans them, for the filter chips. */
export const STATUS_FILTERS: readonly OrderStatus[] = ['draft', 'waiting', 'materials_short', 'in_production', 'ready_to_ship', 'partially_shipped', 'shipped', 'cancelled'];

export const ORDER_STATUS_COLOR: Record<OrderStatus, string> = {
  draft: 'gray',
  waiting: 'yellow',
  materials_short: 'red',
  in_production: 'blue',
  ready_to_ship: 'teal',
  partially_shipped: 'violet',
  shipped: 'green',
  cancelled: 'dark',
};

export const LINE_STATUS_COLOR: Record<LineStatus, string> = {
  waiting: 'yellow',
  materials_short: 'red',
  in_production: 'blue',
  ready: 'teal',
  shipped: 'green',
};

export function OrderStatusBadge({ status, size = 'md', ...rest }: { status: OrderStatus; size?: BadgeProps['size']; 'data-testid'?: string }) {
  const { t } = useI18n();
  return (
    <Badge color={ORDER_STATUS_COLOR[status]} variant={status === 'cancelled' ? 'outline' : 'light'} size={size} radius="sm" fw={600} data-status={status} {...rest}>
      {t(`orders.status.${status}`)}
    </Badge>
  );
}

export function LineStatusBadge({ status, ...rest }: { status: LineStatus; 'data-testid'?: string }) {
  const { t } = useI18n();
  return (
    <Badge color={LINE_STATUS_COLOR[status]} variant="light" size="sm" radius="sm" fw={600} data-status={status} {...rest}>
      {t(`orders.lineStatus.${status}`)}
    </Badge>
  );
}

export function LateBadge({ size = 'sm' }: { size?: BadgeProps['size'] }) {
  const { t } = useI18n();
  return (
    <Badge color="red" variant="filled" size={size} radius="sm" data-testid="order-late">
      {t('orders.late')}
    </Badge>
  );
}

export function today(): string {
  return localDate(new Date());
}

/** A basis-points percentage as people read it: 2200 → "22 %". */
export function pct(bp: number, number: (n: number) => string): string {
  return `${number(bp / 100)} %`;
}

type Issue = FieldIssue & { code?: string };

/** An issue in the user's language: the orders and production keys first, then the common ones. */
export function areaIssueText(issue: Issue, t: Translator, context: Record<string, string | number> = {}): string {
  for (const area of ['orders.issue.', 'production.issue.']) {
    const key = area + (issue.key ?? '');
    if (issue.key && hasMessage(key)) {
      const text = t(key, { ...context, ...(issue.params ?? {}) });
      if (!/\{\w+\}/.test(text)) return text;
    }
  }
  return issueText(issue, t, context);
}

/** Field errors of a failed command by path ('lines.0.quantity'), with the area's own messages. */
export function areaFieldErrors(err: unknown, t: Translator, context?: (path: string) => Record<string, string | number>): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const issue of err.issues) {
    const k = pathKey(issue.path ?? []);
    const text = areaIssueText(issue, t, context?.(k));
    out[k] = out[k] ? `${out[k]} · ${text}` : text;
  }
  return out;
}
