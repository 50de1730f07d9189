/**
 * #/prices/lists/12: one price list — its fields, who uses it, and its prices (searched by
 * SKU or name), each with its quantity breaks. From here: add an item, paste from Excel,
 * import or export CSV, and raise every price by a percentage.
 */
import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Group, Menu, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { PriceEntry } from '../../../src-shared/contract/prices';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { downloadText } from '../../api/files';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/errors';
import { IconPlus, IconTrash } from '../../components/icons';
import { ListSearch } from '../../components/ListSearch';
import { notifyError, notifySaved } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError, QueryState } from '../../components/QueryState';
import { errorText } from '../../components/errors';
import { useI18n } from '../../i18n/I18nProvider';
import { call } from '../../api/client';
import { PriceListForm } from './PriceListForm';
import { PriceEntryDialog } from './PriceEntryDialog';
import { ImportPricesDialog } from './ImportPricesDialog';
import { BulkAdjustDialog } from './BulkAdjustDialog';
import { validityText } from './priceBits';

type Dialog = { kind: 'entry'; entry: PriceEntry | null } | { kind: 'paste' } | { kind: 'csv' } | { kind: 'bulk' } | null;

export function PriceListPage({ id }: { id: number }) {
  const { t, fmt } = useI18n();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 150);
  const list = useApiQuery('prices.getList', { id, q: debounced }, { placeholderData: (prev) => prev });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState(false);
  const remove = useApiCommand('prices.removePrices', { onSuccess: (r) => notifySaved(t('prices.entry.removed', { count: r.removed })) });
  const archive = useApiCommand('prices.archiveList');
  const back = <BackLink to="/prices">{t('prices.tab.lists')}</BackLink>;
  if (list.data === undefined) return <>{back}<QueryState query={list} /></>;
  const l = list.data;

  const exportCsv = async () => {
    try {
      const out = await call('prices.exportList', { id });
      downloadText(out.csv, out.fileName);
    } catch (e) {
      notifyError(t('prices.export.failed'), errorText(e, t));
    }
  };

  return (
    <>
      {back}
      <PageHeader
        title={l.name}
        badge={
          <Group gap={6}>
            <Badge variant="light" color={l.vatIncluded ? 'grape' : 'blue'}>
              {l.vatIncluded ? t('prices.list.vatIncluded') : t('prices.list.vatExcluded')}
            </Badge>
            {l.archived ? (
              <Badge variant="outline" color="gray">
                {t('common.archived')}
              </Badge>
            ) : null}
          </Group>
        }
        subtitle={`${validityText(l, t, fmt)} · ${t('prices.list.usedBy', { groups: l.groups.length, customers: l.customers.length })}`}
        actions={
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditing((e) => !e)} data-testid="price-list-edit">
              {t('prices.list.editFields')}
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" data-testid="price-list-more">
                  {t('prices.list.more')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setDialog({ kind: 'csv' })} data-testid="price-list-import-csv">
                  {t('prices.import.csv')}
                </Menu.Item>
                <Menu.Item onClick={() => void exportCsv()} data-testid="price-list-export-csv">
                  {t('prices.export.csv')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item onClick={() => archive.mutate({ id, archived: !l.archived })} data-testid="price-list-archive">
                  {l.archived ? t('common.restore') : t('common.archive')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        }
      />
      {archive.error ? <ErrorAlert error={archive.error} /> : null}
      {editing ? (
        <Card withBorder radius="md" padding="md" mb="md">
          <PriceListForm list={l} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </Card>
      ) : null}
      {l.groups.length + l.customers.length > 0 ? (
        <Text size="sm" c="dimmed" mb="sm" data-testid="price-list-users">
          {[...l.groups.map((g) => g.name), ...l.customers.map((c) => c.name)].join(' · ')}
        </Text>
      ) : null}

      <Card withBorder radius="md" padding={0} mb="md">
        <Group justify="space-between" px="md" py="sm" gap="sm">
          <ListSearch value={q} onChange={setQ} placeholder={t('prices.entry.search')} w={280} testId="price-entries-search" />
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={() => setDialog({ kind: 'bulk' })} disabled={l.entries.length === 0 && debounced === ''} data-testid="price-list-bulk">
              {t('prices.bulk.open')}
            </Button>
            <Button variant="default" size="xs" onClick={() => setDialog({ kind: 'paste' })} data-testid="price-list-paste">
              {t('prices.paste.open')}
            </Button>
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setDialog({ kind: 'entry', entry: null })} data-testid="price-entry-add">
              {t('prices.entry.add')}
            </Button>
          </Group>
        </Group>
        <QueryError query={list} compact />
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        {l.entries.length === 0 ? (
          <Text size="sm" c="dimmed" px="md" pb="md" data-testid="price-entries-empty">
            {debounced === '' ? t('prices.entry.none') : t('prices.entry.noMatch', { q: debounced })}
          </Text>
        ) : (
          <Table highlightOnHover verticalSpacing={6} data-testid="price-entries" style={{ tableLayout: 'fixed' }}>
            <colgroup>
              <col style={{ width: 140 }} />
              <col />
              <col style={{ width: 120 }} />
              <col style={{ width: 110 }} />
              <col style={{ width: 280 }} />
              <col style={{ width: 50 }} />
            </colgroup>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('prices.entry.col.sku')}</Table.Th>
                <Table.Th>{t('prices.entry.col.item')}</Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {t('prices.entry.col.base')}
                </Table.Th>
                <Table.Th ta="right">{t('prices.entry.col.price')}</Table.Th>
                <Table.Th>{t('prices.entry.col.breaks')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {l.entries.map((e, i) => (
                <Table.Tr key={e.item.id} style={{ cursor: 'pointer' }} onClick={() => setDialog({ kind: 'entry', entry: e })} data-testid={`price-entry-${i}`}>
                  <Table.Td>
                    <Text size="sm" ff="monospace" truncate>
                      {e.item.sku}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate>
                      {e.item.name}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" className="num">
                    <Text size="sm" c="dimmed">
                      {e.basePriceCents === null ? '—' : fmt.money(e.basePriceCents)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" className="num" data-testid={`price-entry-price-${i}`}>
                    {fmt.money(e.priceCents)}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {e.breaks.map((b) => (
                        <Text key={b.fromMilli} size="xs" c="dimmed" className="num">
                          {t('prices.break.text', { qty: fmt.qty(b.fromMilli, e.item.unit), price: fmt.money(b.priceCents) })}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td onClick={(ev) => ev.stopPropagation()}>
                    <Tooltip label={t('prices.entry.remove')}>
                      <ActionIcon variant="subtle" color="gray" aria-label={t('prices.entry.remove')} onClick={() => remove.mutate({ listId: id, itemIds: [e.item.id] })} data-testid={`price-entry-remove-${i}`}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      {dialog?.kind === 'entry' ? <PriceEntryDialog listId={id} entry={dialog.entry} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'paste' || dialog?.kind === 'csv' ? <ImportPricesDialog listId={id} format={dialog.kind} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'bulk' ? <BulkAdjustDialog listId={id} listName={l.name} count={l.itemCount} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
