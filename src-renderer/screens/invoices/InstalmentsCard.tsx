/** An invoice's scadenze: due date, method, amount, what was paid, state; each payment under them (removable when typed by mistake). */
import { ActionIcon, Badge, Button, Card, Table, Text } from '@mantine/core';
import type { InvoiceDetail, InvoiceInstalment } from '../../../src-shared/contract/invoicing';
import { useApiCommand } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { IconTrash } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { methodLabel } from '../payments/paymentBits';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function InstalmentStateBadge({ state }: { state: InvoiceInstalment['state'] }) {
  const { t } = useI18n();
  const color = state === 'paid' ? 'teal' : state === 'overdue' ? 'red' : 'blue';
  return (
    <Badge color={color} variant="light" size="sm">
      {t(`payments.state.${state}`)}
    </Badge>
  );
}

export function InstalmentsCard({ inv, onPay }: { inv: InvoiceDetail; onPay(i: InvoiceInstalment): void }) {
  const { t, fmt } = useI18n();
  const remove = useApiCommand('invoicing.deletePayment');
  return (
    <Card withBorder radius="md" padding="sm" mb="md" data-testid="invoice-instalments">
      <Text fw={650} mb="xs">
        {t('invoice.page.instalments')}
      </Text>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={NOWRAP}>{t('invoice.col.due')}</Table.Th>
            <Table.Th>{t('invoice.col.method')}</Table.Th>
            <Table.Th ta="right">{t('payments.col.amount')}</Table.Th>
            <Table.Th ta="right">{t('invoice.col.paid')}</Table.Th>
            <Table.Th>{t('invoices.col.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inv.instalments.map((i) => (
            <Table.Tr key={i.id} data-testid={`instalment-${i.position}`}>
              <Table.Td style={NOWRAP}>{fmt.date(i.dueDate)}</Table.Td>
              <Table.Td>{methodLabel(i.method, t)}</Table.Td>
              <Table.Td ta="right" className="num">
                {fmt.money(i.amountCents)}
              </Table.Td>
              <Table.Td ta="right" className="num">
                {fmt.money(i.paidCents)}
              </Table.Td>
              <Table.Td>
                <InstalmentStateBadge state={i.state} />
              </Table.Td>
              <Table.Td ta="right">
                {i.state !== 'paid' ? (
                  <Button size="compact-xs" variant="light" onClick={() => onPay(i)} data-testid={`instalment-pay-${i.position}`}>
                    {t('invoice.action.payment')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {inv.payments.length > 0 ? (
        <>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="sm" mb={4}>
            {t('payments.received')}
          </Text>
          <Table verticalSpacing={2} fz="sm" data-testid="invoice-payments">
            <Table.Tbody>
              {inv.payments.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td style={NOWRAP} w={130}>
                    {fmt.date(p.date)}
                  </Table.Td>
                  <Table.Td>{methodLabel(p.method, t)}</Table.Td>
                  <Table.Td c="dimmed">{p.notes}</Table.Td>
                  <Table.Td ta="right" className="num">
                    {fmt.money(p.amountCents)}
                  </Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('payments.remove')} title={t('payments.remove')} loading={remove.isPending && remove.variables?.id === p.id} onClick={() => remove.mutate({ id: p.id })} data-testid={`payment-remove-${p.id}`}>
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
    </Card>
  );
}
