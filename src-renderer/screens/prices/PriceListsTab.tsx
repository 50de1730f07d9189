/** The price lists: name, VAT mode, validity and who uses each; "New list" opens its form. */
import { useState } from 'react';
import { Badge, Button, Group, Modal, Switch, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useApiQuery } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconPlus, IconPrices } from '../../components/icons';
import { ListSearch } from '../../components/ListSearch';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { PriceListForm } from './PriceListForm';
import { validityText } from './priceBits';

export function PriceListsTab() {
  const { t, fmt } = useI18n();
  const [q, setQ] = useState('');
  const [archived, setArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [debounced] = useDebouncedValue(q.trim(), 150);
  const lists = useApiQuery('prices.listLists', { q: debounced, includeArchived: archived });
  const newButton = (testId: string) => (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid={testId}>
      {t('prices.list.new')}
    </Button>
  );
  return (
    <>
      <Group mb="sm" gap="sm" justify="space-between">
        <Group gap="sm">
          <ListSearch value={q} onChange={setQ} placeholder={t('prices.list.search')} w={300} testId="price-lists-search" />
          <Switch size="sm" label={t('common.showArchived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
        </Group>
        {newButton('price-list-new')}
      </Group>
      <QueryState
        query={lists}
        isEmpty={(d) => d.lists.length === 0}
        empty={<EmptyScreen icon={<IconPrices size={28} />} title={t('prices.list.empty.title')} description={t('prices.list.empty.body')} action={newButton('price-list-empty-new')} testId="price-lists-empty" />}
      >
        {(d) => (
          <Table highlightOnHover verticalSpacing={6} data-testid="price-lists-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('prices.list.col.name')}</Table.Th>
                <Table.Th w={150}>{t('prices.list.col.vat')}</Table.Th>
                <Table.Th w={270}>{t('prices.list.col.validity')}</Table.Th>
                <Table.Th w={90} ta="right">
                  {t('prices.list.col.items')}
                </Table.Th>
                <Table.Th w={240}>{t('prices.list.col.usedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.lists.map((l) => (
                <Table.Tr key={l.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/prices/lists/${l.id}`)} data-testid={`price-list-row-${l.id}`}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500} truncate>
                        {l.name}
                      </Text>
                      {l.archived ? (
                        <Badge size="xs" color="gray" variant="outline">
                          {t('common.archived')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{l.vatIncluded ? t('prices.list.vatIncluded') : t('prices.list.vatExcluded')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{validityText(l, t, fmt)}</Text>
                  </Table.Td>
                  <Table.Td ta="right" className="num">
                    {fmt.number(l.itemCount)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {t('prices.list.usedBy', { groups: l.groupCount, customers: l.customerCount })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <Modal opened={creating} onClose={() => setCreating(false)} title={<Text fw={600}>{t('prices.list.new')}</Text>} size="lg">
        <PriceListForm list={null} onSaved={(l) => navigate(`/prices/lists/${l.id}`)} onCancel={() => setCreating(false)} />
      </Modal>
    </>
  );
}
