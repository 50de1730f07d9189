/**
 * #/production/7: one production order — what, how much, which recipe version, the
 * orders it serves, its materials (needed, reserved lot by lot with location, the FEFO
 * proposal before release, what is short) and, once done, the output lot and what it
 * consumed. Actions follow the status: release, start, complete, cancel; print the sheet.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Menu, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { MoreActions } from '../../components/MoreActions';
import type { ProductionOrder } from '../../../src-shared/contract/production';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { IconInfo } from '../../components/icons';
import { notifySaved } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { ProductionShortagesLink } from '../planning/PromisePanel';
import { ReasonDialog } from '../orders/ReasonDialog';
import { CompleteDialog } from './CompleteDialog';
import { duration, MaterialsShortBadge, ProductionStatusBadge } from './productionBits';
import { ReleaseDialog } from './ReleaseDialog';
import { SheetActions } from './SheetActions';
import { OutputCard } from './OutputCard';
import { Fact } from '../../components/Fact';
import { PrintLabelsButton } from '../../components/PrintLabels';
import { DocumentHistory } from '../../components/DocumentHistory';
import { DetailPage } from '../../components/DetailPage';
import type { Out } from '../../api/hooks';

function ComponentsTable({ po }: { po: ProductionOrder }) {
  const { t, fmt } = useI18n();
  const open = po.status === 'planned' || po.status === 'released' || po.status === 'in_progress';
  const consumedOf = (itemId: number) => po.consumed.filter((k) => k.item.id === itemId).reduce((s, k) => s + k.qtyMilli, 0);
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing={8} horizontalSpacing="sm" fz="sm" data-testid="po-components">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('production.comp.item')}</Table.Th>
            <Table.Th ta="right">{t('production.comp.needed')}</Table.Th>
            <Table.Th ta="right">{open ? t('production.comp.reserved') : t('production.comp.consumed')}</Table.Th>
            {open ? <Table.Th ta="right">{t('production.comp.available')}</Table.Th> : null}
            {open ? <Table.Th ta="right">{t('production.comp.short')}</Table.Th> : null}
            <Table.Th>{t('production.comp.lots')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {po.components.map((c) => (
            <Table.Tr key={c.item.id} data-testid={`po-comp-${c.item.sku}`} style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <Link to={`/items/${c.item.id}`} size="sm" fw={500}>
                  {c.item.name}
                </Link>
                <Text size="xs" c="dimmed" ff="monospace">
                  {c.item.sku}
                </Text>
              </Table.Td>
              <Table.Td ta="right" className="num">
                {fmt.qty(c.neededMilli, c.item.unit)}
              </Table.Td>
              <Table.Td ta="right" className="num">
                {open ? (
                  c.reservedMilli > 0 ? fmt.qty(c.reservedMilli, c.item.unit) : <Text span c="dimmed" size="sm">—</Text>
                ) : consumedOf(c.item.id) > 0 ? (
                  fmt.qty(consumedOf(c.item.id), c.item.unit)
                ) : (
                  <Text span c="dimmed" size="sm">—</Text>
                )}
              </Table.Td>
              {open ? (
                <Table.Td ta="right" className="num">
                  {fmt.qty(c.availableMilli, c.item.unit)}
                </Table.Td>
              ) : null}
              {open ? (
                <Table.Td ta="right" className="num">
                  {c.shortMilli > 0 ? (
                    <Text span c="red.7" fw={700} size="sm" data-testid={`po-short-${c.item.sku}`}>
                      {fmt.qty(c.shortMilli, c.item.unit)}
                    </Text>
                  ) : (
                    <Text span c="dimmed" size="sm">—</Text>
                  )}
                </Table.Td>
              ) : null}
              <Table.Td>
                <Stack gap={2}>
                  {c.reservations.map((r) => (
                    <Text size="xs" key={r.reservationId}>
                      <Text span ff="monospace" fw={600} size="xs">
                        {r.lotCode}
                      </Text>{' '}
                      · <span className="num">{fmt.qty(r.qtyMilli, c.item.unit)}</span>
                      <Text span c="dimmed" size="xs">
                        {r.expiresOn ? ` · ${t('production.lot.expires', { date: fmt.date(r.expiresOn) })}` : ''}
                        {r.locationCode ? ` · ${t('production.lot.at', { location: r.locationCode })}` : ''}
                      </Text>
                    </Text>
                  ))}
                  {c.proposal.map((p) => (
                    <Text size="xs" key={`p${p.lotId}`} c="dimmed" fs="italic">
                      <Text span ff="monospace" size="xs">
                        {p.lotCode}
                      </Text>{' '}
                      · <span className="num">{fmt.qty(p.qtyMilli, c.item.unit)}</span>
                      {p.expiresOn ? ` · ${t('production.lot.expires', { date: fmt.date(p.expiresOn) })}` : ''} · {t('production.comp.proposed')}
                    </Text>
                  ))}
                  {open
                    ? null
                    : po.consumed
                        .filter((k) => k.item.id === c.item.id)
                        .map((k) => (
                          <Text size="xs" key={`c${k.lotId}`}>
                            <Text span ff="monospace" fw={600} size="xs">
                              {k.lotCode}
                            </Text>{' '}
                            · <span className="num">{fmt.qty(k.qtyMilli, c.item.unit)}</span>
                          </Text>
                        ))}
                  {open && c.reservations.length === 0 && c.proposal.length === 0 ? (
                    <Text size="xs" c="red.7">
                      {t('production.comp.noLots')}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ProductionPage({ id }: { id: number }) {
  const { t } = useI18n();
  const q = useApiQuery('production.get', { id });
  return (
    <DetailPage query={q} back={{ to: '/production', label: t('production.board.title') }}>
      {(po) => <ProductionView po={po} />}
    </DetailPage>
  );
}

function ProductionView({ po }: { po: Out<'production.get'> }) {
  const { t, fmt } = useI18n();
  const [dialog, setDialog] = useState<'release' | 'complete' | 'cancel' | null>(null);
  const start = useApiCommand('production.start', { onSuccess: (po) => notifySaved(t('production.started', { number: po.number })) });
  const cancel = useApiCommand('production.cancel', {
    onSuccess: (po) => {
      setDialog(null);
      notifySaved(t('production.cancelled', { number: po.number }));
    },
  });
  const open = po.status === 'planned' || po.status === 'released' || po.status === 'in_progress';
  const orders = [...new Map(po.links.map((l) => [l.orderId, { ...l, qtyMilli: po.links.filter((k) => k.orderId === l.orderId).reduce((s, k) => s + k.qtyMilli, 0) }])).values()];

  return (
    <>
      <PageHeader
        title={t('production.page.title', { number: po.number })}
        subtitle={`${po.item.name} · ${po.item.sku}`}
        badge={
          <Group gap={6} wrap="nowrap" style={{ flex: 'none' }}>
            <ProductionStatusBadge status={po.status} size="md" data-testid="po-status" />
            {po.materialsShort && po.status === 'planned' ? <MaterialsShortBadge /> : null}
            {po.status === 'planned' ? <ProductionShortagesLink id={po.id} number={po.number} /> : null}
          </Group>
        }
        actions={
          <>
            <SheetActions id={po.id} number={po.number} />
            {po.status === 'completed' ? <PrintLabelsButton source={{ kind: 'production', productionId: po.id }} /> : null}
            {open ? (
              // cancelling is rare and must not sit next to Release: it goes behind "⋯"
              <MoreActions testId="po-more">
                <Menu.Item color="red" onClick={() => setDialog('cancel')} data-testid="po-cancel">
                  {t('production.action.cancel')}
                </Menu.Item>
              </MoreActions>
            ) : null}
            {po.status === 'planned' ? (
              <Button onClick={() => setDialog('release')} data-testid="po-release">
                {t('production.action.release')}
              </Button>
            ) : null}
            {po.status === 'released' ? (
              <Button variant="light" loading={start.isPending} onClick={() => start.mutate({ id: po.id, expectedVersion: po.version })} data-testid="po-start">
                {t('production.action.start')}
              </Button>
            ) : null}
            {po.status === 'released' || po.status === 'in_progress' ? (
              <Button onClick={() => setDialog('complete')} data-testid="po-complete">
                {t('production.action.complete')}
              </Button>
            ) : null}
          </>
        }
      />
      {start.error ? <ErrorAlert error={start.error} /> : null}

      <Card withBorder radius="md" padding="md" mb="md">
        <SimpleGrid cols={{ base: 2, md: 6 }} spacing="md">
          <Fact label={t('production.page.product')}>
            <Link to={`/items/${po.item.id}`} size="sm" fw={600}>
              {po.item.name}
            </Link>
            <Text size="xs" c="dimmed" ff="monospace">
              {po.item.sku}
            </Text>
          </Fact>
          <Fact label={t('production.page.recipe')}>
            <Link to={`/recipes/${po.item.id}?tab=versions`} size="sm" data-testid="po-recipe">
              {t('production.page.recipeVersion', { version: po.recipe.version })}
            </Link>
          </Fact>
          <Fact label={t('production.page.batches')}>
            <Text size="sm" className="num">
              {t('production.page.batchesTimes', { batches: po.batches, yield: fmt.qty(po.recipe.yieldMilli, po.item.unit) })}
            </Text>
          </Fact>
          <Fact label={t('production.page.planned')}>
            <Text size="sm" fw={600} className="num" data-testid="po-planned-qty">
              {fmt.qty(po.plannedQtyMilli, po.item.unit)}
            </Text>
          </Fact>
          <Fact label={t('production.page.plannedOn')}>
            <Text size="sm">{fmt.date(po.plannedOn)}</Text>
          </Fact>
          <Fact label={t('production.page.time')}>
            <Text size="sm">{duration(po.recipe.batchMinutes * po.batches, t)}</Text>
          </Fact>
        </SimpleGrid>
        {po.parent || po.children.length > 0 ? (
          <Group gap="xl" mt="md" align="flex-start">
            {po.parent ? (
              <Fact label={t('production.page.parent')}>
                <Link to={`/production/${po.parent.id}`} ff="monospace" size="sm" fw={600} data-testid="po-parent">
                  {po.parent.number}
                </Link>
              </Fact>
            ) : null}
            {po.children.length > 0 ? (
              <Fact label={t('production.page.children')}>
                <Stack gap={2}>
                  {po.children.map((c) => (
                    <Group key={c.id} gap={6} wrap="nowrap">
                      <Link to={`/production/${c.id}`} ff="monospace" size="sm" fw={600} data-testid={`po-child-${c.number}`}>
                        {c.number}
                      </Link>
                      <Text size="sm">{c.item.name}</Text>
                      <ProductionStatusBadge status={c.status} size="xs" />
                    </Group>
                  ))}
                </Stack>
              </Fact>
            ) : null}
          </Group>
        ) : null}
        <div style={{ marginTop: 16 }}>
          <Fact label={t('production.page.orders')}>
            {orders.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('production.page.forStock')}
              </Text>
            ) : (
              <Group gap="xs" mt={2}>
                {orders.map((l) => (
                  <Badge key={l.orderId} variant="light" color="gray" size="lg" radius="sm" tt="none" fw={500} data-testid={`po-order-${l.orderNumber}`}>
                    <Link to={`/orders/${l.orderId}`} ff="monospace" size="sm" fw={600}>
                      {l.orderNumber}
                    </Link>{' '}
                    · {l.customerName} · <span className="num">{fmt.qty(l.qtyMilli, po.item.unit)}</span>
                  </Badge>
                ))}
              </Group>
            )}
          </Fact>
        </div>
      </Card>

      <OutputCard po={po} />

      <Card withBorder radius="md" padding={0} mb="md">
        <Group justify="space-between" px="md" pt="sm">
          <Title order={4} fz="md">
            {t('production.page.components')}
          </Title>
        </Group>
        {po.status === 'planned' ? (
          <Alert color="gray" variant="light" icon={<IconInfo />} mx="md" mt="xs" py={6}>
            <Text size="xs">{t('production.page.proposalHint')}</Text>
          </Alert>
        ) : null}
        <ComponentsTable po={po} />
      </Card>

      {po.notes ? (
        <Card withBorder radius="md" padding="sm" maw={720} mb="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('production.page.notes')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {po.notes}
          </Text>
        </Card>
      ) : null}
      <DocumentHistory doc={`production/${po.id}`} />

      {dialog === 'release' ? <ReleaseDialog po={po} opened onClose={() => setDialog(null)} /> : null}
      {dialog === 'complete' ? <CompleteDialog po={po} opened onClose={() => setDialog(null)} /> : null}
      <ReasonDialog
        opened={dialog === 'cancel'}
        title={t('production.cancel.title', { number: po.number })}
        body={t('production.cancel.body')}
        reasonLabel={t('production.cancel.reason')}
        confirmLabel={t('production.cancel.confirm')}
        keepLabel={t('production.cancel.keep')}
        pending={cancel.isPending}
        error={cancel.error}
        onClose={() => setDialog(null)}
        onConfirm={(reason) => cancel.mutate({ id: po.id, reason, expectedVersion: po.version })}
        testId="po-cancel-dialog"
      />
    </>
  );
}
