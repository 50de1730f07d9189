/**
 * A document's History card (order, production order, shipment, lot…): the activity log
 * entries filed under it, newest first — one index lookup (audit.document).
 */
import { Card, Group, Table, Text } from '@mantine/core';
import { useApiQuery } from '../api/hooks';
import { useCallerRole } from '../api/caller';
import { auditRoles } from '../../src-shared/contract/audit';
import { roleMay } from '../../src-shared/contract/accounts';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router';
import { DoorBadge } from './auditBits';
import { ErrorAlert } from './errors';

export function DocumentHistory({ doc }: { doc: string }) {
  const { t, fmt } = useI18n();
  // the history is not every role's (audit.document's declaration): the card is left out for the others
  const role = useCallerRole();
  const mayRead = role !== undefined && roleMay(role, auditRoles['audit.document']);
  const mayOpenLog = role !== undefined && roleMay(role, auditRoles['audit.list']);
  const history = useApiQuery('audit.document', { doc, limit: 50 }, { enabled: mayRead });
  const rows = history.data?.rows ?? [];
  if (!mayRead) return null;
  return (
    <Card withBorder radius="md" padding="md" data-testid="document-history">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('audit.history.title')}</Text>
        {mayOpenLog ? (
          <Link to={`/settings/activity?doc=${encodeURIComponent(doc)}`} size="sm">
            {t('audit.history.all')}
          </Link>
        ) : null}
      </Group>
      {history.error ? <ErrorAlert error={history.error} /> : null}
      {history.data && rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('audit.history.empty')}
        </Text>
      ) : null}
      {rows.length > 0 ? (
        <div style={{ maxHeight: 320, overflowY: 'auto' }}>
          <Table verticalSpacing={4} fz="sm" highlightOnHover>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.id} data-testid="history-row">
                  <Table.Td className="num" style={{ whiteSpace: 'nowrap' }}>
                    {fmt.dateTime(e.at)}
                  </Table.Td>
                  <Table.Td ff="monospace">{e.operation}</Table.Td>
                  <Table.Td>
                    <DoorBadge door={e.door} />
                  </Table.Td>
                  <Table.Td c="dimmed">{e.actor.name}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
    </Card>
  );
}
