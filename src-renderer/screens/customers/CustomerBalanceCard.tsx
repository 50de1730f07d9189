/**
 * On the customer's page: what they owe — open and overdue amounts — and the open
 * instalments by due date, each linked to its invoice; a link to all their invoices.
 */
import { Badge, Card, Group, SimpleGrid, Table, Text } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { Fact } from '../../components/Fact';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { InstalmentStateBadge } from '../invoices/InstalmentsCard';

/** Rows shown in the drawer; the rest are one click away in the invoices list. */
const SHOWN = 8;

export function CustomerBalanceCard({ customerId, customerName }: { customerId: number; customerName: string }) {
  const { t, fmt } = useI18n();
  const q = useApiQuery('invoicing.customerBalance', { customerId });
  return (
    <Card withBorder radius="md" padding="md" mb="md" data-testid="customer-balance">
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm">
          {t('balance.title')}
        </Text>
        <Link to={`/invoices?customer=${customerId}&name=${encodeURIComponent(customerName)}`} size="xs" data-testid="customer-balance-invoices">
          {t('balance.all')}
        </Link>
      </Group>
      <QueryState query={q} compact>
        {(b) => (
          <>
            <SimpleGrid cols={2} mb="xs">
              <Fact label={t('balance.open')}>
                <Text fw={650} className="num" data-testid="customer-balance-open">
                  {fmt.money(b.openCents)}
                </Text>
              </Fact>
              <Fact label={t('balance.overdue')}>
                <Group gap={6}>
                  <Text fw={650} className="num" c={b.overdueCents > 0 ? 'red.7' : undefined} data-testid="customer-balance-overdue">
                    {fmt.money(b.overdueCents)}
                  </Text>
                  {b.overThreshold ? (
                    <Badge color="red" variant="light" size="xs">
                      {t('balance.overThreshold')}
                    </Badge>
                  ) : null}
                </Group>
              </Fact>
            </SimpleGrid>
            {b.instalments.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('balance.none')}
              </Text>
            ) : (
              <Table verticalSpacing={2} fz="sm" data-testid="customer-balance-rows">
                <Table.Tbody>
                  {b.instalments.slice(0, SHOWN).map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Link to={`/invoices/${r.invoiceId}`} size="sm" ff="monospace">
                          {r.invoiceNumber}
                        </Link>
                      </Table.Td>
                      <Table.Td>{fmt.date(r.dueDate)}</Table.Td>
                      <Table.Td>
                        <InstalmentStateBadge state={r.state} />
                      </Table.Td>
                      <Table.Td ta="right" className="num">
                        {fmt.money(r.dueCents)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {b.instalments.length > SHOWN ? (
              <Text size="xs" c="dimmed" mt={4}>
                <Link to={`/payments?customer=${customerId}&name=${encodeURIComponent(customerName)}`} size="xs">
                  {t('common.results', { count: b.instalments.length })}
                </Link>
              </Text>
            ) : null}
          </>
        )}
      </QueryState>
    </Card>
  );
}
