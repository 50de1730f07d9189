/**
 * Settings → Activity: the activity log with its filters (dates, document, operation,
 * door), newest first, a page at a time. The filters live in the address (#/settings/
 * activity?doc=orders/42), so a document's "Whole history" link opens it filtered.
 */
import { DateField } from '../../components/DateField';
import { useState } from 'react';
import { Button, Card, Code, Group, Pagination, Popover, Select, Table, Text, TextInput } from '@mantine/core';
import { AUDIT_DOORS, type AuditDoor } from '../../../src-shared/contract/audit';
import { useApiQuery } from '../../api/hooks';
import { DocLinks, DoorBadge } from '../../components/auditBits';
import { ErrorAlert } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate, useRoute } from '../../router';

const PAGE = 50;
const FILTERS = ['since', 'until', 'doc', 'operation', 'door'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

const isDate = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
const isDoc = (v: string | undefined) => (v && /^[a-z][a-z-]*\/[0-9a-z-]+$/.test(v.trim()) ? v.trim() : undefined);

export function ActivityScreen() {
  const { t, fmt } = useI18n();
  const route = useRoute();
  const filters: Filters = Object.fromEntries(FILTERS.map((k) => [k, route.query.get(k) ?? undefined]).filter(([, v]) => v));
  const [page, setPage] = useState(1);
  const [docText, setDocText] = useState(filters.doc ?? '');
  const [opText, setOpText] = useState(filters.operation ?? '');

  const setFilters = (next: Filters) => {
    const q = new URLSearchParams(Object.entries(next).filter((e): e is [string, string] => Boolean(e[1])));
    setPage(1);
    navigate(`/settings/activity${q.size > 0 ? `?${q.toString()}` : ''}`, { replace: true });
  };

  const door = filters.door && (AUDIT_DOORS as readonly string[]).includes(filters.door) ? (filters.door as AuditDoor) : undefined;
  const input = {
    since: isDate(filters.since),
    until: isDate(filters.until),
    doc: isDoc(filters.doc),
    operation: filters.operation?.trim() || undefined,
    door,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const list = useApiQuery('audit.list', input, { placeholderData: (prev) => prev });
  const total = list.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <Link to="/settings" size="sm">
            ← {t('audit.back')}
          </Link>
        }
      />
      <Card withBorder radius="md" padding="sm" mb="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <DateField label={t('audit.filter.since')} value={filters.since ?? ''} onChange={(d) => setFilters({ ...filters, since: d })} w={150} data-testid="audit-since" />
          <DateField label={t('audit.filter.until')} value={filters.until ?? ''} onChange={(d) => setFilters({ ...filters, until: d })} w={150} data-testid="audit-until" />
          <TextInput
            label={t('audit.filter.doc')}
            placeholder={t('audit.filter.doc.placeholder')}
            value={docText}
            onChange={(e) => setDocText(e.currentTarget.value)}
            onBlur={() => setFilters({ ...filters, doc: docText.trim() })}
            onKeyDown={(e) => e.key === 'Enter' && setFilters({ ...filters, doc: docText.trim() })}
            error={docText.trim() && !isDoc(docText) ? t('audit.filter.doc.placeholder') : undefined}
            w={170}
            data-testid="audit-doc"
          />
          <TextInput
            label={t('audit.filter.operation')}
            placeholder="orders.create"
            value={opText}
            onChange={(e) => setOpText(e.currentTarget.value)}
            onBlur={() => setFilters({ ...filters, operation: opText.trim() })}
            onKeyDown={(e) => e.key === 'Enter' && setFilters({ ...filters, operation: opText.trim() })}
            w={200}
            data-testid="audit-operation"
          />
          <Select
            label={t('audit.filter.door')}
            value={door ?? ''}
            onChange={(v) => setFilters({ ...filters, door: v ?? '' })}
            data={[{ value: '', label: t('audit.filter.any') }, ...AUDIT_DOORS.map((d) => ({ value: d, label: t(`audit.door.${d}`) }))]}
            allowDeselect={false}
            w={160}
            data-testid="audit-door"
          />
          <Button
            variant="subtle"
            onClick={() => {
              setDocText('');
              setOpText('');
              setFilters({});
            }}
          >
            {t('audit.filter.clear')}
          </Button>
          <Text size="sm" c="dimmed" ml="auto" data-testid="audit-total">
            {t('audit.total', { count: total })}
          </Text>
        </Group>
      </Card>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Card withBorder radius="md" padding={0}>
        <Table verticalSpacing={5} horizontalSpacing="sm" fz="sm" highlightOnHover stickyHeader data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('audit.col.at')}</Table.Th>
              <Table.Th w={130}>{t('audit.col.door')}</Table.Th>
              <Table.Th w={110}>{t('audit.col.who')}</Table.Th>
              <Table.Th>{t('audit.col.operation')}</Table.Th>
              <Table.Th>{t('audit.col.docs')}</Table.Th>
              <Table.Th w={120}>{t('audit.col.input')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.rows ?? []).map((e) => (
              <Table.Tr key={e.id} data-testid="audit-row">
                <Table.Td className="num" style={{ whiteSpace: 'nowrap' }}>
                  {fmt.dateTime(e.at)}
                </Table.Td>
                <Table.Td>
                  <DoorBadge door={e.door} />
                </Table.Td>
                <Table.Td>{e.actor.name}</Table.Td>
                <Table.Td ff="monospace">
                  <Text
                    component="button"
                    type="button"
                    ff="monospace"
                    size="sm"
                    style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer' }}
                    onClick={() => {
                      setOpText(e.operation);
                      setFilters({ ...filters, operation: e.operation });
                    }}
                  >
                    {e.operation}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DocLinks docs={e.docs} />
                </Table.Td>
                <Table.Td>
                  <Popover width={420} position="left" withArrow shadow="md">
                    <Popover.Target>
                      <Button variant="subtle" size="compact-xs" ff="monospace" aria-label={t('audit.showInput')} title={t('audit.showInput')}>
                        {'{…}'}
                      </Button>
                    </Popover.Target>
                    <Popover.Dropdown>
                      <Code block style={{ maxHeight: 300, overflow: 'auto', whiteSpace: 'pre-wrap' }}>
                        {JSON.stringify(e.input, null, 2)}
                      </Code>
                    </Popover.Dropdown>
                  </Popover>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data && list.data.rows.length === 0 ? (
          <Text size="sm" c="dimmed" p="md" data-testid="audit-empty">
            {t('audit.empty')}
          </Text>
        ) : null}
      </Card>
      {total > PAGE ? (
        <Group justify="center" mt="md">
          <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} size="sm" />
        </Group>
      ) : null}
    </>
  );
}
