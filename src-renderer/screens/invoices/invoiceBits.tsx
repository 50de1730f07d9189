/** Small pieces every invoice screen shares: state and kind badges, an invoice's name, a rate or Natura, the customer filter from the address. */
import { Badge } from '@mantine/core';
import type { InvoiceState } from '../../../src-shared/contract/invoicing';
import type { InvoiceKind } from '../../../src-shared/contract/invoiceDocument';
import { useI18n } from '../../i18n/I18nProvider';

const STATE_COLOR: Record<InvoiceState, string> = { draft: 'gray', issued: 'blue', sent: 'indigo', delivered: 'teal', rejected: 'red' };
const KIND_COLOR: Record<InvoiceKind, string> = { TD01: 'blue', TD24: 'cyan', TD04: 'orange' };

export function InvoiceStateBadge({ state, testId }: { state: InvoiceState; testId?: string }) {
  const { t } = useI18n();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" size="sm" data-testid={testId}>
      {t(`invoice.state.${state}`)}
    </Badge>
  );
}

export function InvoiceKindBadge({ kind }: { kind: InvoiceKind }) {
  const { t } = useI18n();
  return (
    <Badge color={KIND_COLOR[kind]} variant="outline" size="sm" radius="sm" tt="none" fw={600}>
      {t(`invoice.kind.${kind}`)}
    </Badge>
  );
}

/** "12/2026" once issued, "Draft #7" before. */
export function useInvoiceName() {
  const { t } = useI18n();
  return (inv: { id: number; number: string | null }) => inv.number ?? t('invoice.draftName', { id: inv.id });
}

/** "22 %" or "0 % N3.2" */
export function rateLabel(vatBp: number, natura: string | null, pct: (n: number) => string): string {
  const rate = `${pct(vatBp / 100)} %`;
  return natura ? `${rate} ${natura}` : rate;
}

/** `?customer=12&name=…` (links from a customer's page) as the customer filter's value. */
export function customerFromRoute(query: URLSearchParams): { id: number; name: string } | null {
  const id = Number(query.get('customer'));
  return Number.isInteger(id) && id > 0 ? { id, name: query.get('name') ?? `#${id}` } : null;
}
