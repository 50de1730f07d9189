/**
 * The order editor and the shipment form warn when the chosen customer has overdue
 * invoices above the Settings threshold (invoicing.customerBalance says whether): a line
 * with the amount and a link to their instalments. Nothing is blocked — the owner decides.
 */
import { Alert } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { IconAlert } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';

export function OverdueWarning({ customer, mb = 'md' }: { customer: { id: number; name: string } | null; mb?: string }) {
  const { t, fmt } = useI18n();
  // query-error: a warning that cannot load stays away; the form works without it
  const q = useApiQuery('invoicing.customerBalance', { customerId: customer?.id ?? 0 }, { enabled: customer !== null });
  if (!customer || !q.data?.overThreshold) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlert />} mb={mb} py="xs" data-testid="overdue-warning">
      {t('overdue.warning', { name: customer.name, amount: fmt.money(q.data.overdueCents) })}{' '}
      <Link to={`/payments?customer=${customer.id}&name=${encodeURIComponent(customer.name)}`} size="sm">
        {t('overdue.warning.link')}
      </Link>
    </Alert>
  );
}
