/** Payment-terms templates: method (FatturaPA code) and schedule, e.g. "Bonifico 30 gg DF", "RiBa 30/60 DFFM", "Contrassegno". */
import { useState } from 'react';
import { Badge, Button, Group, Modal, Switch, Table, Text } from '@mantine/core';
import type { PaymentTerms } from '../../../src-shared/contract/prices';
import { useApiQuery } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconPlus, IconPrices } from '../../components/icons';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import { PaymentTermsForm } from './PaymentTermsForm';
import { scheduleText } from './priceBits';

export function PaymentTermsTab() {
  const { t } = useI18n();
  const [archived, setArchived] = useState(false);
  const terms = useApiQuery('prices.listPaymentTerms', { includeArchived: archived });
  const [open, setOpen] = useState<PaymentTerms | 'new' | null>(null);
  const newButton = (testId: string) => (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen('new')} data-testid={testId}>
      {t('prices.terms.new')}
    </Button>
  );
  return (
    <>
      <Group mb="sm" justify="space-between">
        <Switch size="sm" label={t('common.showArchived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
        {newButton('payment-terms-new')}
      </Group>
      <QueryState
        query={terms}
        isEmpty={(d) => d.terms.length === 0}
        empty={<EmptyScreen icon={<IconPrices size={28} />} title={t('prices.terms.empty.title')} description={t('prices.terms.empty.body')} action={newButton('payment-terms-empty-new')} />}
      >
        {(d) => (
          <Table highlightOnHover verticalSpacing={6} data-testid="payment-terms-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('prices.terms.col.name')}</Table.Th>
                <Table.Th w={260}>{t('prices.terms.col.method')}</Table.Th>
                <Table.Th w={200}>{t('prices.terms.col.schedule')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.terms.map((p) => (
                <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => setOpen(p)} data-testid={`payment-terms-row-${p.id}`}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm" fw={500}>
                        {p.name}
                      </Text>
                      {p.cashOnDelivery ? (
                        <Badge size="xs" variant="light" color="orange">
                          {t('prices.terms.cod')}
                        </Badge>
                      ) : null}
                      {p.archived ? (
                        <Badge size="xs" color="gray" variant="outline">
                          {t('common.archived')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <Text span ff="monospace" size="xs" c="dimmed">
                        {p.method}
                      </Text>{' '}
                      {t(`prices.method.${p.method}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{scheduleText(p, t)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={<Text fw={600}>{open === 'new' ? t('prices.terms.new') : (open?.name ?? '')}</Text>}>
        {open !== null ? <PaymentTermsForm terms={open === 'new' ? null : open} onDone={() => setOpen(null)} /> : null}
      </Modal>
    </>
  );
}
