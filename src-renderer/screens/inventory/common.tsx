/** Small pieces every inventory screen shares: status badges, expiry colours, quantities. */
import type { ReactNode } from 'react';
import { Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import type { Lot } from '../../../src-shared/contract/inventory';
import { addDays, daysBetween, localDate } from '../../../src-shared/domain/dates';
import type { Unit } from '../../../src-shared/domain/units';
import { useApiQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/I18nProvider';

export type LotStatus = Lot['status'];

export const STATUS_COLOR: Record<LotStatus, string> = {
  quarantine: 'yellow',
  released: 'teal',
  blocked: 'red',
  recalled: 'grape',
};

/** A released lot past its expiry says Expired in red: it is still released on paper, but nothing in it may be used. */
export function LotStatusBadge({ status, size = 'sm', testId, expired = false }: { status: LotStatus; size?: 'xs' | 'sm' | 'md' | 'lg'; testId?: string; expired?: boolean }) {
  const { t } = useI18n();
  if (expired && status === 'released') {
    return (
      <Badge color="red" variant="filled" size={size} radius="sm" fw={600} data-testid={testId} data-status="expired">
        {t('inventory.badge.expired')}
      </Badge>
    );
  }
  return (
    <Badge color={STATUS_COLOR[status]} variant={status === 'released' ? 'light' : 'filled'} size={size} radius="sm" fw={600} data-testid={testId} data-status={status}>
      {t(`inventory.status.${status}`)}
    </Badge>
  );
}

/** Today as the workshop's clock shows it. */
export function today(): string {
  return localDate(new Date());
}

/** The "expiring soon" window of the settings (days). */
export function useSoonDays(): number {
  // query-error: settings.get is loaded before any screen shows — I18nProvider waits for it and shows its error with Retry
  const settings = useApiQuery('settings.get', {}, { staleTime: Infinity });
  return settings.data?.inventory.expiringSoonDays ?? 30;
}

export type ExpiryState = 'none' | 'ok' | 'soon' | 'expired';

export function expiryState(expiresOn: string | null, soonDays: number, now = today()): ExpiryState {
  if (!expiresOn) return 'none';
  if (expiresOn < now) return 'expired';
  if (expiresOn <= addDays(now, soonDays)) return 'soon';
  return 'ok';
}

const EXPIRY_COLOR: Record<ExpiryState, string | undefined> = { none: 'dimmed', ok: undefined, soon: 'orange.8', expired: 'red.8' };

/** An expiry date, red when passed and orange when close, with the days in a tooltip. */
export function ExpiryText({ date, soonDays }: { date: string | null; soonDays: number }) {
  const { t, fmt } = useI18n();
  if (!date) {
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const state = expiryState(date, soonDays);
  return (
    <Tooltip label={relativeDays(date, t)}>
      <Text span size="sm" c={EXPIRY_COLOR[state]} fw={state === 'soon' || state === 'expired' ? 600 : undefined} className="num" data-expiry={state}>
        {fmt.date(date)}
      </Text>
    </Tooltip>
  );
}

/** "in 5 days", "today", "3 days ago" for an expiry. */
export function relativeDays(date: string, t: ReturnType<typeof useI18n>['t']): string {
  const d = daysBetween(today(), date);
  if (d === 0) return t('inventory.expiry.today');
  if (d > 0) return t('inventory.expiry.inDays', { count: d });
  return t('inventory.expiry.daysAgo', { count: -d });
}

/** A right-aligned quantity, dimmed when zero. */
export function Qty({ milli, unit, strong, color, zeroDash }: { milli: number; unit: Unit; strong?: boolean; color?: string; zeroDash?: boolean }) {
  const { fmt } = useI18n();
  if (milli === 0 && zeroDash) {
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Text span size="sm" className="num" fw={strong ? 600 : undefined} c={milli === 0 ? 'dimmed' : color}>
      {fmt.qty(milli, unit)}
    </Text>
  );
}

/** A signed quantity: "+2 kg" in green, "−0,5 kg" in red. */
export function SignedQty({ milli, unit }: { milli: number; unit: Unit }) {
  const { fmt } = useI18n();
  const sign = milli > 0 ? '+' : milli < 0 ? '−' : '';
  return (
    <Text span size="sm" className="num" fw={600} c={milli > 0 ? 'teal.8' : milli < 0 ? 'red.8' : 'dimmed'}>
      {sign}
      {fmt.qty(Math.abs(milli), unit)}
    </Text>
  );
}

// the back link moved to components/BackLink (every record page uses it); inventory screens import it from here too
export { BackLink } from '../../components/BackLink';

/** One figure with its label: on hand, reserved, available. */
export function Stat({ label, value, color, testId, sub }: { label: string; value: ReactNode; color?: string; testId?: string; sub?: ReactNode }) {
  return (
    <Paper withBorder radius="md" px="md" py="sm">
      <Stack gap={0}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
          {label}
        </Text>
        <Group gap="xs" style={{ rowGap: 0 }} align="baseline" wrap="wrap">
          <Text fz={20} fw={650} c={color} className="num" data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
            {value}
          </Text>
          {sub ? (
            <Text size="xs" c={color ?? 'dimmed'}>
              {sub}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}

/** A card title line, as the other screens draw it. */
export function CardTitle({ children, right }: { children: ReactNode; right?: ReactNode }) {
  return (
    <Group justify="space-between" mb="xs" wrap="nowrap">
      <Text fw={600} size="sm">
        {children}
      </Text>
      {right}
    </Group>
  );
}

/** "Undo" for reversing a movement (drawn like the shared icons: 24×24, stroke). */
export function IconUndo({ size = 18 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </svg>
  );
}
