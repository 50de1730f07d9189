import { useState } from 'react';
import { useConfirmDiscard, type DiscardQuestion } from '../../components/ConfirmDiscard';
import { Badge, Button, Drawer, Group, Switch, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Party } from '../../../src-shared/contract/parties';
import { useApiQuery, usePagedList } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconCustomers, IconPlus, IconSearch, IconSuppliers } from '../../components/icons';
import { CountBadge, PageHeader } from '../../components/PageHeader';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { PartyForm } from './PartyForm';
import { CustomerTermsCard } from '../customers/CustomerTermsCard';
import { CustomerBalanceCard } from '../customers/CustomerBalanceCard';
import { CustomerInvoicingCard } from '../customers/CustomerInvoicingCard';
import { PARTY_KINDS, type PartyKind } from './partyKinds';
import { QueryState } from '../../components/QueryState';
import { useReloadForm } from '../../components/versionConflict';
import { ListResults, useNextPage } from '../../components/ListResults';
import { ListSearch } from '../../components/ListSearch';

/** The party in the drawer: #/customers/new or #/customers/12. */
function PartyDrawerBody({ kind, id, discard, onDirtyChange }: { kind: PartyKind; id: string; discard: DiscardQuestion; onDirtyChange(dirty: boolean): void }) {
  const k = PARTY_KINDS[kind];
  const partyId = Number(id);
  const isNew = id === 'new';
  const q = useApiQuery(k.get, { id: partyId }, { enabled: !isNew && partyId > 0 });
  // Reload after a conflict: the party fetched again and the form started again from it
  const again = useReloadForm(() => q.refetch());
  if (isNew) return <PartyForm key="new" kind={kind} party={null} discard={discard} onDirtyChange={onDirtyChange} />;
  if (q.data === undefined || q.error) return <QueryState query={q} />;
  return (
    <>
      {kind === 'customer' ? <CustomerBalanceCard customerId={q.data.id} customerName={q.data.name} /> : null}
      {kind === 'customer' ? <CustomerTermsCard customerId={q.data.id} /> : null}
      {kind === 'customer' ? <CustomerInvoicingCard customerId={q.data.id} /> : null}
      <PartyForm key={`${q.data.id}-${again.generation}`} kind={kind} party={q.data} discard={discard} onDirtyChange={onDirtyChange} onReload={again.reload} />
    </>
  );
}

export function PartiesScreen({ kind, selected }: { kind: PartyKind; selected?: string }) {
  const { t } = useI18n();
  const k = PARTY_KINDS[kind];
  const [q, setQ] = useState('');
  const [archived, setArchived] = useState(false);
  const [debounced] = useDebouncedValue(q.trim(), 150);
  const list = usePagedList(k.search, { q: debounced, includeArchived: archived }, (out) => ({ rows: out.parties, total: out.total }));
  const [dirty, setDirty] = useState(false);
  const discard = useConfirmDiscard(dirty, () => {
    setDirty(false);
    navigate(k.base);
  });
  const current = selected && selected !== 'new' ? list.rows.find((p) => String(p.id) === selected) : undefined;

  const columns: Column<Party>[] = [
    {
      key: 'name',
      header: t('party.col.name'),
      render: (p) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={500} truncate>
            {p.name}
          </Text>
          {p.archived ? (
            <Badge size="xs" color="gray" variant="outline">
              {t('common.archived')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    { key: 'vat', header: t('party.col.vat'), width: 130, render: (p) => <Text size="sm" ff="monospace">{p.vatNumber ?? ''}</Text> },
    { key: 'city', header: t('party.col.city'), width: 190, render: (p) => <Text size="sm" truncate>{[p.city, p.province && `(${p.province})`].filter(Boolean).join(' ')}</Text> },
    { key: 'email', header: t('party.col.email'), width: 250, render: (p) => <Text size="sm" truncate>{p.email ?? ''}</Text> },
    { key: 'phone', header: t('party.col.phone'), width: 170, render: (p) => <Text size="sm" truncate>{p.phone ?? ''}</Text> },
  ];

  const onNearEnd = useNextPage(list);

  const newButton = (testId: string) => (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate(`${k.base}/new`)} data-testid={testId}>
      {t(k.newLabel)}
    </Button>
  );
  const Icon = kind === 'customer' ? IconCustomers : IconSuppliers;

  return (
    <>
      <PageHeader badge={<CountBadge count={list.data ? list.total : null} />} title={t(k.title)} subtitle={t(k.subtitle)} actions={newButton('party-new')} />
      <Group mb="sm" gap="sm">
        <ListSearch value={q} onChange={setQ} placeholder={t('parties.search')} w={360} testId="parties-search" />
        <Switch size="sm" label={t('common.showArchived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
      </Group>
      <ListResults
        list={list}
        empty={
          debounced !== '' ? (
            <EmptyScreen icon={<IconSearch size={28} />} title={t('parties.noMatch.title')} description={t('parties.noMatch.body', { q: debounced })} />
          ) : (
            <EmptyScreen icon={<Icon size={28} />} title={t(k.emptyTitle)} description={t(k.emptyBody)} action={newButton('parties-empty-new')} testId="parties-empty" />
          )
        }
      >
        <VirtualTable
          rows={list.rows}
          columns={columns}
          rowKey={(p) => p.id}
          onOpen={(p) => navigate(`${k.base}/${p.id}`)}
          onNearEnd={onNearEnd}
          height="calc(100dvh - 230px)"
          testId="parties-table"
          rowTestId={(p) => `party-row-${p.id}`}
          dimmed={(p) => p.archived}
        />
      </ListResults>
      <Drawer
        opened={selected !== undefined}
        onClose={discard.leave}
        position="right"
        size={640}
        title={<Text fw={600}>{selected === 'new' ? t(k.newLabel) : (current?.name ?? t(k.editLabel))}</Text>}
        data-testid="party-drawer"
      >
        {selected !== undefined ? <PartyDrawerBody kind={kind} id={selected} discard={discard} onDirtyChange={setDirty} /> : null}
      </Drawer>
    </>
  );
}
