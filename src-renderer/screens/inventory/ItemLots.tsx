/**
 * #/inventory/items/<itemId>: every lot of one item, open lots first (FEFO order), with
 * the item's totals and a FEFO panel that says which lots a quantity would come from.
 */
import { useState } from 'react';
import { Button, Group, SimpleGrid, Switch, Text } from '@mantine/core';
import type { Lot } from '../../../src-shared/contract/inventory';
import { useApiQuery, usePagedList } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconInventory, IconItems, IconPlus } from '../../components/icons';
import { KindBadge } from '../../components/KindBadge';
import { CountBadge, PageHeader } from '../../components/PageHeader';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { BackLink, ExpiryText, LotStatusBadge, Qty, Stat, useSoonDays } from './common';
import { FefoPanel } from './FefoPanel';
import { invErrorText } from './invErrors';
import { QueryState } from '../../components/QueryState';
import { ListResults, useNextPage } from '../../components/ListResults';

export function ItemLots({ itemId }: { itemId: number }) {
  const { t, fmt } = useI18n();
  const soonDays = useSoonDays();
  const [withEmpty, setWithEmpty] = useState(false);
  const item = useApiQuery('catalog.getItem', { id: itemId });
  const list = usePagedList('inventory.itemLots', { itemId, includeEmpty: withEmpty }, (out) => ({ rows: out.lots, total: out.total }));
  const totals = useApiQuery('inventory.stockOverview', { q: item.data?.sku ?? '' }, { enabled: !!item.data });
  const row = totals.data?.rows.find((r) => r.item.id === itemId);

  const onNearEnd = useNextPage(list);

  const back = <BackLink to="/inventory">{t('nav.inventory')}</BackLink>;
  const describe = (e: unknown) => invErrorText(e, { t, fmt });
  if (item.data === undefined || item.error) return <>{back}<QueryState query={item} describe={describe} /></>;
  const it = item.data;
  const unit = it.unit;

  const columns: Column<Lot>[] = [
    { key: 'code', header: t('inventory.col.lot'), width: 120, render: (l) => <Text size="sm" ff="monospace" fw={600}>{l.code}</Text> },
    { key: 'status', header: t('inventory.col.status'), width: 120, render: (l) => <LotStatusBadge status={l.status} expired={l.expired} size="xs" /> },
    {
      key: 'supplier',
      header: t('inventory.col.supplier'),
      render: (l) =>
        l.supplier ? (
          <Text size="sm" truncate title={l.supplier.name}>
            {l.supplier.name}
          </Text>
        ) : (
          // no supplier: say where a made lot came from; a receipt without one shows a dash
          <Text size="sm" c="dimmed">{l.origin === 'receipt' ? '—' : t(`inventory.origin.${l.origin}`)}</Text>
        ),
    },
    { key: 'supplierLot', header: t('inventory.col.supplierLot'), width: 150, render: (l) => <Text size="sm" ff="monospace" c={l.supplierLotCode ? undefined : 'dimmed'} truncate>{l.supplierLotCode ?? '—'}</Text> },
    { key: 'origin', header: t('inventory.col.originDate'), width: 120, render: (l) => <Text span size="sm" className="num">{fmt.date(l.originDate)}</Text> },
    { key: 'expiry', header: t('inventory.col.expiry'), width: 130, render: (l) => <ExpiryText date={l.expiresOn} soonDays={soonDays} /> },
    { key: 'onHand', header: t('inventory.col.onHand'), width: 105, align: 'right', render: (l) => <Qty milli={l.onHandMilli} unit={unit} strong /> },
    { key: 'reserved', header: t('inventory.col.reserved'), width: 105, align: 'right', render: (l) => <Qty milli={l.reservedMilli} unit={unit} zeroDash /> },
    { key: 'available', header: t('inventory.col.available'), width: 105, align: 'right', render: (l) => <Qty milli={l.availableMilli} unit={unit} strong /> },
  ];

  return (
    <>
      {back}
      <PageHeader
        title={it.name}
        subtitle={
          <Text span ff="monospace" size="sm">
            {it.sku}
          </Text>
        }
        badge={
          <Group gap={6} wrap="nowrap">
            <KindBadge kind={it.kind} />
            <CountBadge count={list.data ? list.total : null} />
          </Group>
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconItems size={16} />} onClick={() => navigate(`/items/${it.id}`)} data-testid="item-lots-open-item">
              {t('inventory.itemLots.openItem')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => navigate(`/inventory/receive?item=${it.id}`)} data-testid="item-lots-receive">
              {t('inventory.receive.title')}
            </Button>
          </>
        }
      />
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm" mb="md">
        <Stat label={t('inventory.col.onHand')} value={row ? fmt.qty(row.onHandMilli, unit) : '—'} testId="item-onhand" />
        <Stat label={t('inventory.col.reserved')} value={row ? fmt.qty(row.reservedMilli, unit) : '—'} />
        <Stat label={t('inventory.col.available')} value={row ? fmt.qty(row.availableMilli, unit) : '—'} color={row?.belowReorder ? 'orange.8' : undefined} testId="item-available" />
        <Stat label={t('inventory.col.incoming')} value={row ? fmt.qty(row.incomingMilli, unit) : '—'} />
        <Stat label={t('inventory.itemLots.reorderPoint')} value={it.reorderPointMilli !== null ? fmt.qty(it.reorderPointMilli, unit) : '—'} />
      </SimpleGrid>
      <FefoPanel item={it} lots={list.rows} />
      <Group justify="space-between" mt="md" mb="xs">
        <Text fw={600} size="sm">
          {t('inventory.itemLots.title')}
        </Text>
        <Switch size="sm" label={t('inventory.itemLots.showEmpty')} checked={withEmpty} onChange={(e) => setWithEmpty(e.currentTarget.checked)} data-testid="item-lots-empty" />
      </Group>
      <ListResults
        list={list}
        also={[totals]}
        describe={describe}
        empty={
          <EmptyScreen
            icon={<IconInventory size={28} />}
            title={t('inventory.itemLots.empty.title')}
            description={t(withEmpty ? 'inventory.itemLots.empty.never' : 'inventory.itemLots.empty.body')}
            testId="item-lots-none"
          />
        }
      >
        <VirtualTable
          rows={list.rows}
          columns={columns}
          rowKey={(l) => l.id}
          onOpen={(l) => navigate(`/inventory/lots/${l.id}`)}
          onNearEnd={onNearEnd}
          height="max(260px, calc(100dvh - 470px))"
          testId="item-lots-table"
          rowTestId={(l) => `lot-row-${l.code}`}
          dimmed={(l) => l.onHandMilli === 0}
        />
      </ListResults>
    </>
  );
}
