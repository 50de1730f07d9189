/**
 * #/purchasing: purchase orders, newest first, filtered by status (open ones by default)
 * and by number or supplier as you type. Virtualised, fetched page by page.
 */
import { useState } from 'react';
import { Button, Chip, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { PurchaseOrderStatus } from '../../../src-shared/contract/purchasing';
import { useApiQuery, usePagedList, type Out } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconPlus, IconPurchasing, IconSearch } from '../../components/icons';
import { CountBadge, PageHeader } from '../../components/PageHeader';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { today } from '../inventory/common';
import { OPEN_PURCHASE_STATUSES, PURCHASE_STATUSES, PurchaseStatusBadge } from './purchasingBits';
import { ListResults, useNextPage } from '../../components/ListResults';
import { ListSearch } from '../../components/ListSearch';

type Row = Out<'purchasing.list'>['orders'][number];

let remembered: { q: string; statuses: PurchaseOrderStatus[]; overdue: boolean } = { q: '', statuses: OPEN_PURCHASE_STATUSES, overdue: false };

export function PurchaseList({ itemId, overdue }: { itemId?: number; overdue?: boolean }) {
  const { t, fmt } = useI18n();
  // a link to the overdue ones (the home screen) opens the list filtered to them
  const [f, setF] = useState(() => (overdue ? { q: '', statuses: OPEN_PURCHASE_STATUSES, overdue: true } : remembered));
  const set = (patch: Partial<typeof f>) =>
    setF((old) => {
      remembered = { ...old, ...patch };
      return remembered;
    });
  const [q] = useDebouncedValue(f.q.trim(), 150);
  const list = usePagedList('purchasing.list', { q, itemId, overdue: f.overdue, statuses: f.statuses.length > 0 ? f.statuses : undefined }, (out) => ({ rows: out.orders, total: out.total }));
  const onNearEnd = useNextPage(list);

  const columns: Column<Row>[] = [
    { key: 'number', header: t('purchasing.col.number'), width: 116, render: (r) => <Text size="sm" ff="monospace" fw={600}>{r.number}</Text> },
    { key: 'supplier', header: t('purchasing.col.supplier'), minWidth: 300, render: (r) => <Text size="sm" fw={500} truncate title={r.supplier.name}>{r.supplier.name}</Text> },
    { key: 'ordered', header: t('purchasing.col.ordered'), width: 120, render: (r) => <span className="num">{fmt.date(r.orderedOn)}</span> },
    {
      key: 'expected',
      header: t('purchasing.col.expected'),
      width: 120,
      // still due after its date: the supplier is late
      render: (r) => (
        <Text size="sm" className="num" c={r.openLines > 0 && r.status !== 'cancelled' && r.expectedOn < today() ? 'red.7' : undefined} fw={r.openLines > 0 && r.expectedOn < today() ? 600 : undefined}>
          {fmt.date(r.expectedOn)}
        </Text>
      ),
    },
    { key: 'status', header: t('purchasing.col.status'), width: 160, render: (r) => <PurchaseStatusBadge status={r.status} /> },
    { key: 'lines', header: t('purchasing.col.lines'), width: 110, align: 'right', render: (r) => <span className="num">{`${fmt.number(r.openLines)} / ${fmt.number(r.lineCount)}`}</span> },
    { key: 'total', header: t('purchasing.col.total'), width: 120, align: 'right', render: (r) => <span className="num">{fmt.money(r.totalCents)}</span> },
  ];
  const newButton = (testId: string) => (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/purchasing/new')} data-testid={testId}>
      {t('purchasing.new')}
    </Button>
  );
  const toggle = (s: PurchaseOrderStatus, on: boolean) => set({ statuses: on ? [...f.statuses, s] : f.statuses.filter((x) => x !== s) });
  // "none yet" only when there is no purchase order at all, whatever the filters
  const any = useApiQuery('purchasing.list', { limit: 1 }, { enabled: list.data !== undefined && list.total === 0 });
  const filtered = any.data === undefined || any.data.total > 0;

  return (
    <>
      <PageHeader badge={<CountBadge count={list.data ? list.total : null} />} title={t('purchasing.title')} subtitle={t('purchasing.subtitle')} actions={newButton('purchasing-new')} />
      <Group gap="xs" mb="sm" wrap="wrap">
        <ListSearch value={f.q} onChange={(v) => set({ q: v })} onEnter={() => list.rows[0] && navigate(`/purchasing/${list.rows[0].id}`)} placeholder={t('purchasing.search')} w={260} testId="purchasing-search" />
        {PURCHASE_STATUSES.map((s) => (
          <Chip key={s} size="sm" checked={f.statuses.includes(s)} onChange={(on) => toggle(s, on)} data-testid={`purchasing-status-${s}`}>
            {t(`purchasing.status.${s}`)}
          </Chip>
        ))}
        <Chip size="sm" color="red" checked={f.overdue} onChange={(on) => set({ overdue: on })} data-testid="purchasing-filter-overdue">
          {t('purchasing.filter.overdue')}
        </Chip>
      </Group>
      <ListResults
        list={list}
        also={[any]}
        emptyWhen={!!any.data}
        empty={
          filtered ? (
            <EmptyScreen icon={<IconSearch size={28} />} title={t('purchasing.noMatch.title')} description={t('purchasing.noMatch.body')} testId="purchasing-no-match" />
          ) : (
            <EmptyScreen icon={<IconPurchasing size={28} />} title={t('purchasing.empty.title')} description={t('purchasing.empty.body')} action={newButton('purchasing-empty-new')} testId="purchasing-empty" />
          )
        }
      >
        <VirtualTable
          rows={list.rows}
          columns={columns}
          rowKey={(r) => r.id}
          onOpen={(r) => navigate(`/purchasing/${r.id}`)}
          onNearEnd={onNearEnd}
          height="calc(100dvh - 230px)"
          testId="purchasing-table"
          rowTestId={(r) => `purchasing-row-${r.number}`}
          dimmed={(r) => r.status === 'cancelled' || r.status === 'received'}
        />
      </ListResults>
    </>
  );
}
