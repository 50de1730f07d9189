/**
 * #/inventory/lots/<lotId>: one lot — who made or sent it, its dates and quantities, where
 * it lies, every movement (with reversal), what holds it, and how its status changed.
 */
import { useState } from 'react';
import { Button, Card, DataList, Grid, Menu, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { MoreActions } from '../../components/MoreActions';
import { useApiQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';
import { BackLink, CardTitle, ExpiryText, expiryState, LotStatusBadge, relativeDays, Stat, useSoonDays } from './common';
import { invErrorText } from './invErrors';
import { docLabelText } from './labels';
import { LotActionModal, type LotAction } from './LotActions';
import { MovementsCard, ReservationsCard, StatusChangesCard } from './LotHistory';
import { PrintLabelsButton } from '../../components/PrintLabels';
import { DocumentHistory } from '../../components/DocumentHistory';
import { QueryError, QueryState } from '../../components/QueryState';

export function LotPage({ lotId }: { lotId: number }) {
  const { t, fmt } = useI18n();
  const soonDays = useSoonDays();
  const page = useApiQuery('inventory.lot', { lotId });
  const locations = useApiQuery('inventory.locations', {});
  const [action, setAction] = useState<LotAction | null>(null);

  if (page.data === undefined || page.error) {
    return (
      <>
        <BackLink to="/inventory">{t('nav.inventory')}</BackLink>
        <QueryState query={page} describe={(e) => invErrorText(e, { t, fmt })} />
      </>
    );
  }
  const { lot, balances, movements, reservations, statusChanges } = page.data;
  const unit = lot.item.unit;
  const hasStock = lot.onHandMilli > 0;
  const manyLocations = (locations.data?.locations.length ?? 0) > 1;
  const receiptMovement = movements.find((m) => m.kind === 'receipt' || m.kind === 'output');

  const button = (a: LotAction, label: string, opts: { color?: string; variant?: string; disabledWhy?: string | false } = {}) => {
    const b = (
      <Button
        variant={opts.variant ?? 'default'}
        color={opts.color}
        data-disabled={opts.disabledWhy ? true : undefined}
        onClick={(e) => (opts.disabledWhy ? e.preventDefault() : setAction(a))}
        data-testid={`lot-action-${a}`}
      >
        {label}
      </Button>
    );
    // a disabled action says why, rather than just being grey
    return opts.disabledWhy ? <Tooltip label={opts.disabledWhy}>{b}</Tooltip> : b;
  };
  // the rarer actions behind "⋯" (the header keeps the lot's item readable at 1366 px); a
  // disabled one still says why, under its name
  const menuItem = (a: LotAction, label: string, opts: { color?: string; disabledWhy?: string | false } = {}) => (
    <Menu.Item color={opts.color} disabled={!!opts.disabledWhy} onClick={() => setAction(a)} data-testid={`lot-action-${a}`}>
      {label}
      {opts.disabledWhy ? (
        <Text size="xs" c="dimmed">
          {opts.disabledWhy}
        </Text>
      ) : null}
    </Menu.Item>
  );

  return (
    <>
      <BackLink to={`/inventory/items/${lot.item.id}`}>{lot.item.name}</BackLink>
      <QueryError query={locations} compact />
      <PageHeader
        title={<span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{lot.code}</span>}
        subtitle={
          <>
            <Link to={`/inventory/items/${lot.item.id}`} size="sm">
              {lot.item.name}
            </Link>{' '}
            <Text span size="sm" ff="monospace" c="dimmed">
              {lot.item.sku}
            </Text>
          </>
        }
        badge={<LotStatusBadge status={lot.status} expired={lot.expired} size="lg" testId="lot-status" />}
        actions={
          <>
            <Button variant="default" onClick={() => navigate(`/traceability?lot=${encodeURIComponent(lot.code)}`)} data-testid="lot-trace">
              {t('trace.title')}
            </Button>
            {lot.status !== 'blocked' && lot.status !== 'recalled' ? <PrintLabelsButton source={{ kind: 'lot', lotId: lot.id }} /> : null}
            {lot.status === 'quarantine' ? button('release', t('inventory.action.release'), { variant: 'filled', color: 'teal' }) : null}
            {button('count', t('inventory.action.count'))}
            <MoreActions testId="lot-more">
              {menuItem('scrap', t('inventory.action.scrap'), { disabledWhy: !hasStock && t('inventory.action.noStock') })}
              {menuItem('move', t('inventory.action.move'), { disabledWhy: (!hasStock && t('inventory.action.noStock')) || (!manyLocations && t('inventory.action.oneLocation')) })}
              {lot.status === 'blocked'
                ? menuItem('unblock', t('inventory.action.unblock'))
                : lot.status === 'released' || lot.status === 'quarantine'
                  ? menuItem('block', t('inventory.action.block'), { color: 'red' })
                  : null}
            </MoreActions>
          </>
        }
      />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="md">
        <Stat label={t('inventory.col.onHand')} value={fmt.qty(lot.onHandMilli, unit)} testId="lot-onhand" />
        <Stat label={t('inventory.col.reserved')} value={fmt.qty(lot.reservedMilli, unit)} testId="lot-reserved" />
        <Stat label={t('inventory.col.available')} value={fmt.qty(lot.availableMilli, unit)} testId="lot-available" />
        <Stat
          label={t('inventory.col.expiry')}
          value={lot.expiresOn ? fmt.date(lot.expiresOn) : '—'}
          sub={lot.expiresOn ? relativeDays(lot.expiresOn, t) : undefined}
          color={{ expired: 'red.8', soon: 'orange.8', ok: undefined, none: 'dimmed' }[expiryState(lot.expiresOn, soonDays)]}
          testId="lot-expiry-stat"
        />
      </SimpleGrid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <MovementsCard movements={movements} unit={unit} />
            {reservations.length > 0 ? <ReservationsCard reservations={reservations} unit={unit} /> : null}
            <DocumentHistory doc={`lots/${lot.id}`} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md" data-testid="lot-facts">
              <CardTitle>{t('inventory.lot.facts')}</CardTitle>
              <DataList size="sm" gap={6} labelWidth={130}>
                <DataList.Item>
                  <DataList.ItemLabel c="dimmed">{t('inventory.lot.origin')}</DataList.ItemLabel>
                  <DataList.ItemValue>{t(`inventory.origin.${lot.origin}`)}</DataList.ItemValue>
                </DataList.Item>
                {lot.supplier ? (
                  <DataList.Item>
                    <DataList.ItemLabel c="dimmed">{t('inventory.col.supplier')}</DataList.ItemLabel>
                    <DataList.ItemValue>
                      <Link to={`/suppliers/${lot.supplier.id}`} size="sm">
                        {lot.supplier.name}
                      </Link>
                    </DataList.ItemValue>
                  </DataList.Item>
                ) : null}
                {lot.origin !== 'production' ? (
                  <DataList.Item>
                    <DataList.ItemLabel c="dimmed">{t('inventory.col.supplierLot')}</DataList.ItemLabel>
                    <DataList.ItemValue ff="monospace">{lot.supplierLotCode ?? '—'}</DataList.ItemValue>
                  </DataList.Item>
                ) : null}
                <DataList.Item>
                  <DataList.ItemLabel c="dimmed">{t(lot.origin === 'production' ? 'inventory.lot.producedOn' : 'inventory.lot.receivedOn')}</DataList.ItemLabel>
                  <DataList.ItemValue>{fmt.date(lot.originDate)}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel c="dimmed">{t('inventory.col.expiry')}</DataList.ItemLabel>
                  <DataList.ItemValue data-testid="lot-expiry">
                    <ExpiryText date={lot.expiresOn} soonDays={soonDays} />
                  </DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel c="dimmed">{t('inventory.lot.unitCost')}</DataList.ItemLabel>
                  <DataList.ItemValue>{lot.unitCostMicros !== null ? fmt.perUnit(lot.unitCostMicros, unit) : '—'}</DataList.ItemValue>
                </DataList.Item>
                {receiptMovement ? (
                  <DataList.Item>
                    <DataList.ItemLabel c="dimmed">{t('inventory.lot.document')}</DataList.ItemLabel>
                    <DataList.ItemValue>{docLabelText(receiptMovement.docLabel, t, fmt)}</DataList.ItemValue>
                  </DataList.Item>
                ) : null}
              </DataList>
            </Card>
            <Card withBorder radius="md" padding="md" data-testid="lot-balances">
              <CardTitle>{t('inventory.lot.balances')}</CardTitle>
              {balances.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('inventory.lot.noBalance')}
                </Text>
              ) : (
                <Table verticalSpacing={4} fz="sm">
                  <Table.Tbody>
                    {balances.map((b) => (
                      <Table.Tr key={b.locationId} data-testid={`balance-${b.locationCode}`}>
                        <Table.Td ff="monospace">{b.locationCode}</Table.Td>
                        <Table.Td ta="right" className="num" fw={600}>
                          {fmt.qty(b.qtyMilli, unit)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
            <StatusChangesCard changes={statusChanges} />
          </Stack>
        </Grid.Col>
      </Grid>
      <LotActionModal action={action} onClose={() => setAction(null)} lot={lot} balances={balances} locations={locations.data?.locations ?? []} />
    </>
  );
}
