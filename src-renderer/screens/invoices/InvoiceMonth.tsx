/**
 * #/invoices/month: "Invoice the month". Choose the DDTs' month → the preview (written by
 * nothing): per customer the DDTs, lines and totals, and what stops a customer or the
 * whole run (company fiscal data) → issue the ones without problems → the numbers issued.
 */
import { useState } from 'react';
import { Alert, Button, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import type { MonthPreview } from '../../../src-shared/contract/invoicing';
import { useApiCommand, useApiQuery, type Out } from '../../api/hooks';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/errors';
import { IconAlert, IconCheck } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { monthLabel, monthOptions, previousMonth, thisMonth } from './months';
import { ProblemList } from './problems';
import { today } from '../orders/orderBits';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** Last month until the 15th (the deadline of a deferred invoice), this month after. */
function defaultMonth(now = new Date()): string {
  return now.getDate() <= 15 ? previousMonth(thisMonth(now)) : thisMonth(now);
}

export function InvoiceMonth({ initialMonth }: { initialMonth: string | null }) {
  const { t, locale } = useI18n();
  const [month, setMonth] = useState<string>(initialMonth && /^\d{4}-\d{2}$/.test(initialMonth) ? initialMonth : defaultMonth());
  const [result, setResult] = useState<Out<'invoicing.issueMonth'> | null>(null);
  const preview = useApiQuery('invoicing.previewMonth', { month }, { enabled: result === null });
  const issue = useApiCommand('invoicing.issueMonth', { onSuccess: (r) => setResult(r) });

  return (
    <>
      <BackLink to="/invoices">{t('invoices.title')}</BackLink>
      <PageHeader title={t('invoices.month.title')} subtitle={t('invoices.month.subtitle')} />
      <Card withBorder radius="md" padding="md" mb="md">
        <Group align="flex-end" gap="md">
          <Select
            label={t('invoices.month.pick')}
            data={monthOptions(locale)}
            value={month}
            onChange={(v) => {
              if (!v) return;
              setMonth(v);
              setResult(null);
              issue.reset();
            }}
            allowDeselect={false}
            w={220}
            data-testid="invoice-month-pick"
          />
          <Text size="sm" c="dimmed" pb={8}>
            {t('invoices.month.previewHint')}
          </Text>
        </Group>
      </Card>
      {result ? (
        <Issued result={result} onAgain={() => setResult(null)} />
      ) : (
        <QueryState query={preview}>
          {(p) => (
            <Preview p={p} monthText={monthLabel(month, locale)} pending={issue.isPending} error={issue.error} onIssue={() => issue.mutate({ month })} />
          )}
        </QueryState>
      )}
    </>
  );
}

function Preview({ p, monthText, pending, error, onIssue }: { p: MonthPreview; monthText: string; pending: boolean; error: unknown; onIssue(): void }) {
  const { t, fmt } = useI18n();
  const blocked = p.companyProblems.length > 0;
  if (p.customers.length === 0) {
    return (
      <Alert color="gray" variant="light" icon={<IconCheck />} data-testid="invoice-month-nothing">
        {t('invoices.month.nothing', { month: monthText })}
      </Alert>
    );
  }
  // a month not over yet would give invoices dated in the future, which the SdI rejects (00403)
  const early = p.date > today();
  const issuable = blocked || early ? 0 : p.invoices.length;
  return (
    <Stack gap="md">
      {early ? (
        <Alert color="yellow" variant="light" icon={<IconAlert />} data-testid="invoice-month-early">
          {t('invoices.month.early', { date: fmt.date(p.date) })}
        </Alert>
      ) : null}
      {blocked ? (
        <Alert color="red" variant="light" icon={<IconAlert />} title={t('invoices.month.problems')} data-testid="invoice-month-company-problems">
          <ProblemList problems={p.companyProblems} />
        </Alert>
      ) : null}
      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing={6} horizontalSpacing="sm" fz="sm" data-testid="invoice-month-preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoices.month.col.customer')}</Table.Th>
                <Table.Th>{t('invoices.month.col.ddts')}</Table.Th>
                <Table.Th ta="right" style={NOWRAP}>{t('invoices.month.col.lines')}</Table.Th>
                <Table.Th ta="right" style={NOWRAP}>{t('invoices.month.col.taxable')}</Table.Th>
                <Table.Th ta="right" style={NOWRAP}>{t('invoices.month.col.vat')}</Table.Th>
                <Table.Th ta="right" style={NOWRAP}>{t('invoices.month.col.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.customers.map((c) => (
                <Table.Tr key={c.customer.id} data-testid={`invoice-month-row-${c.customer.id}`} style={{ verticalAlign: 'top' }} bg={c.problems.length > 0 ? 'var(--mantine-color-red-0)' : undefined}>
                  <Table.Td>
                    <Link to={`/customers/${c.customer.id}`} size="sm" fw={600}>
                      {c.customer.name}
                    </Link>
                    {c.problems.length > 0 ? <ProblemList problems={c.problems} testId={`invoice-month-problems-${c.customer.id}`} /> : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {c.ddts.map((d) => d.number).join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" className="num">{fmt.number(c.lineCount)}</Table.Td>
                  <Table.Td ta="right" className="num" style={NOWRAP}>{fmt.money(c.taxableCents)}</Table.Td>
                  <Table.Td ta="right" className="num" style={NOWRAP}>{fmt.money(c.vatCents)}</Table.Td>
                  <Table.Td ta="right" className="num" style={NOWRAP} fw={600}>{fmt.money(c.totalCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('invoices.month.totals')}</Table.Th>
                <Table.Th>
                  <Text size="xs" c="dimmed">{t('invoices.month.ddtCount', { count: p.totals.ddtCount })}</Text>
                </Table.Th>
                <Table.Th />
                <Table.Th ta="right" className="num" style={NOWRAP}>{fmt.money(p.totals.taxableCents)}</Table.Th>
                <Table.Th ta="right" className="num" style={NOWRAP}>{fmt.money(p.totals.vatCents)}</Table.Th>
                <Table.Th ta="right" className="num" style={NOWRAP} data-testid="invoice-month-total">{fmt.money(p.totals.totalCents)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {!blocked && p.invoices.length < p.customers.length ? (
        <Text size="sm" c="dimmed">
          {t('invoices.month.problems.hint')}
        </Text>
      ) : null}
      {error ? <ErrorAlert error={error} testId="invoice-month-error" /> : null}
      <Group justify="space-between">
        <Text size="sm">{t('invoices.month.date', { date: fmt.date(p.date), year: p.date.slice(0, 4) })}</Text>
        <Button onClick={onIssue} loading={pending} disabled={issuable === 0} data-testid="invoice-month-issue">
          {t('invoices.month.issue', { count: issuable })}
        </Button>
      </Group>
    </Stack>
  );
}

function Issued({ result, onAgain }: { result: Out<'invoicing.issueMonth'>; onAgain(): void }) {
  const { t, fmt } = useI18n();
  return (
    <Card withBorder radius="md" padding="md" data-testid="invoice-month-result">
      <Group justify="space-between" mb="xs">
        <Text fw={650}>{t('invoices.month.issued.title')}</Text>
        <Button variant="default" size="xs" onClick={onAgain} data-testid="invoice-month-again">
          {t('invoices.month.again')}
        </Button>
      </Group>
      <Text size="sm" mb="sm" data-testid="invoice-month-issued">
        {t('invoices.month.issued', { count: result.invoices.length, numbers: result.invoices.map((i) => i.number).join(', ') })}
      </Text>
      <Table verticalSpacing={4} fz="sm">
        <Table.Tbody>
          {result.invoices.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td w={110}>
                <Link to={`/invoices/${i.id}`} ff="monospace" fw={600} size="sm" data-testid={`invoice-issued-${i.number}`}>
                  {i.number}
                </Link>
              </Table.Td>
              <Table.Td>{i.customerName}</Table.Td>
              <Table.Td c="dimmed">{t('invoices.month.ddtCount', { count: i.ddtCount })}</Table.Td>
              <Table.Td ta="right" className="num">{fmt.money(i.totalCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
