/**
 * #/shipments: every shipment, newest first — DDT number and date, customer, orders,
 * packages, carrier and tracking, state, a "returned" mark. Virtualised, page by page,
 * filtered by text and state.
 */
import { useState } from 'react';
import { Badge, Button, Chip, Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { SHIPMENT_STATES } from '../../../src-shared/contract/shipping';
import { usePagedList, type Out } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconPlus, IconSearch, IconShipments } from '../../components/icons';
import { CountBadge, PageHeader } from '../../components/PageHeader';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { ShipmentStateBadge, useShipmentName } from './shipmentBits';
import { ListResults } from '../../components/ListResults';

type Row = Out<'shipping.list'>['shipments'][number];
type State = (typeof SHIPMENT_STATES)[number];

export function ShipmentList() {
  const { t, fmt } = useI18n();
  const name = useShipmentName();
  const [text, setText] = useState('');
  const [states, setStates] = useState<State[]>([]);
  const [q] = useDebouncedValue(text.trim(), 150);
  const list = usePagedList('shipping.list', { q, states: states.length > 0 ? states : undefined }, (out) => ({ rows: out.shipments, total: out.total }));
  const columns: Column<Row>[] = [
    { key: 'ddt', header: t('shipping.col.ddt'), width: 120, render: (r) => <Text size="sm" ff="monospace" fw={600}>{name(r)}</Text> },
    { key: 'date', header: t('shipping.col.date'), width: 110, render: (r) => <Text size="sm">{r.ddtDate ? fmt.date(r.ddtDate) : fmt.date(r.createdAt.slice(0, 10))}</Text> },
    { key: 'customer', header: t('shipping.col.customer'), minWidth: 200, render: (r) => <Text size="sm" truncate>{r.customerName}</Text> },
    { key: 'orders', header: t('shipping.col.orders'), width: 130, render: (r) => <Text size="xs" ff="monospace" truncate>{r.orderNumbers.join(', ')}</Text> },
    { key: 'packages', header: t('shipping.col.packages'), width: 96, align: 'right', render: (r) => <Text size="sm" className="num">{r.packageCount}</Text> },
    { key: 'carrier', header: t('shipping.col.carrier'), width: 180, render: (r) => <Text size="xs" truncate>{[r.carrier, r.trackingNumber].filter(Boolean).join(' · ')}</Text> },
    {
      key: 'state',
      header: t('shipping.col.state'),
      width: 210,
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          <ShipmentStateBadge state={r.state} />
          {r.returned ? (
            <Badge color="orange" variant="outline" size="sm">
              {t('shipping.returned')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
  ];
  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/shipments/new')} data-testid="shipment-new">
      {t('shipping.new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('shipping.list.title')} subtitle={t('shipping.list.subtitle')} badge={<CountBadge count={list.data ? list.total : null} />} actions={newButton} />
      <Group mb="sm" gap="sm">
        <TextInput placeholder={t('shipping.search')} leftSection={<IconSearch size={16} />} value={text} onChange={(e) => setText(e.currentTarget.value)} w={300} data-page-search data-testid="shipment-search" aria-label={t('common.search')} />
        <Chip.Group multiple value={states} onChange={(v) => setStates(v as State[])}>
          <Group gap={6}>
            {SHIPMENT_STATES.map((s) => (
              <Chip key={s} value={s} size="xs" variant="outline">
                {t(`shipping.state.${s}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      <ListResults
        list={list}
        empty={
          <EmptyScreen icon={<IconShipments size={28} />} title={q || states.length ? t('shipping.noMatch') : t('shipping.empty.title')} description={t('shipping.empty.body')} action={newButton} testId="shipments-empty" />
        }
      >
        <VirtualTable
          rows={list.rows}
          columns={columns}
          rowKey={(r) => r.id}
          onOpen={(r) => navigate(`/shipments/${r.id}`)}
          onNearEnd={() => {
            if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
          }}
          height="calc(100dvh - 230px)"
          testId="shipment-list"
          rowTestId={(r) => `shipment-row-${r.id}`}
          dimmed={(r) => r.state === 'cancelled'}
        />
      </ListResults>
    </>
  );
}
