/** Customer groups ("Erboristerie", "Distributori"): each with its lists, default payment terms and line discount. */
import { useState } from 'react';
import { Button, Group, Modal, Table, Text } from '@mantine/core';
import type { CustomerGroup } from '../../../src-shared/contract/prices';
import { useApiQuery } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconCustomers, IconPlus } from '../../components/icons';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import { GroupForm } from './GroupForm';

export function GroupsTab() {
  const { t, fmt } = useI18n();
  const groups = useApiQuery('prices.listGroups', {});
  const [open, setOpen] = useState<CustomerGroup | 'new' | null>(null);
  const newButton = (testId: string) => (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen('new')} data-testid={testId}>
      {t('prices.group.new')}
    </Button>
  );
  return (
    <>
      <Group mb="sm" justify="space-between">
        <Text size="sm" c="dimmed">
          {t('prices.group.hint')}
        </Text>
        {newButton('price-group-new')}
      </Group>
      <QueryState
        query={groups}
        isEmpty={(d) => d.groups.length === 0}
        empty={<EmptyScreen icon={<IconCustomers size={28} />} title={t('prices.group.empty.title')} description={t('prices.group.empty.body')} action={newButton('price-group-empty-new')} testId="price-groups-empty" />}
      >
        {(d) => (
          <Table highlightOnHover verticalSpacing={6} data-testid="price-groups-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('prices.group.col.name')}</Table.Th>
                <Table.Th>{t('prices.group.col.lists')}</Table.Th>
                <Table.Th w={200}>{t('prices.group.col.terms')}</Table.Th>
                <Table.Th w={110}>{t('prices.group.col.discount')}</Table.Th>
                <Table.Th w={100} ta="right">
                  {t('prices.group.col.customers')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.groups.map((g) => (
                <Table.Tr key={g.id} style={{ cursor: 'pointer' }} onClick={() => setOpen(g)} data-testid={`price-group-row-${g.id}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {g.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate>
                      {g.priceLists.map((l) => l.name).join(', ') || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{g.paymentTerms?.name ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="num">
                      {g.discounts.length > 0 ? `${g.discounts.join('+')} %` : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" className="num">
                    {fmt.number(g.customerCount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={<Text fw={600}>{open === 'new' ? t('prices.group.new') : (open?.name ?? '')}</Text>} size="lg">
        {open !== null ? <GroupForm group={open === 'new' ? null : open} onDone={() => setOpen(null)} /> : null}
      </Modal>
    </>
  );
}
