/**
 * Fulfil one or more orders: first what the preview says (orders.fulfilPreview) — the
 * finished lots it would reserve, the production it would plan with the materials each
 * batch needs, intermediates made first, lines nobody can make — then, on confirm,
 * orders.fulfil does exactly that.
 */
import { useState } from 'react';
import { Alert, Badge, Box, Center, Group, Loader, Modal, Paper, ScrollArea, Stack, Switch, Table, Text, Title } from '@mantine/core';
import type { ProposalOut } from '../../../src-shared/contract/orders';
import { ApiError } from '../../api/client';
import { useApiCommand, useApiQuery, type Out } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { IconAlert, IconCheck, IconInventory, IconProduction } from '../../components/icons';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { DialogFooter } from '../../components/DialogFooter';

type Plan = Out<'orders.fulfilPreview'>;

function MaterialsTable({ p }: { p: ProposalOut }) {
  const { t, fmt } = useI18n();
  const madeBelow = new Set(p.children.map((c) => c.item.id));
  return (
    <Table fz="sm" verticalSpacing={4} horizontalSpacing="sm" withRowBorders={false} mt={6} style={{ tableLayout: 'fixed' }}>
      <colgroup>
        <col />
        <col style={{ width: 110 }} />
        <col style={{ width: 110 }} />
        <col style={{ width: 150 }} />
      </colgroup>
      <Table.Thead>
        <Table.Tr>
          <Table.Th fz="xs" c="dimmed">{t('orders.fulfil.mat.item')}</Table.Th>
          <Table.Th fz="xs" c="dimmed" ta="right">{t('orders.fulfil.mat.needed')}</Table.Th>
          <Table.Th fz="xs" c="dimmed" ta="right">{t('orders.fulfil.mat.available')}</Table.Th>
          <Table.Th fz="xs" c="dimmed" ta="right">{t('orders.fulfil.mat.short')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {p.materials.map((m) => {
          const short = m.shortMilli > 0;
          const covered = short && madeBelow.has(m.item.id);
          return (
            <Table.Tr key={m.item.id} data-testid={`fulfil-material-${p.item.sku}-${m.item.sku}`} data-short={short && !covered ? 'true' : undefined}>
              <Table.Td>
                <Text size="sm" span>
                  {m.item.name}
                </Text>{' '}
                <Text size="xs" c="dimmed" span ff="monospace">
                  {m.item.sku}
                </Text>
              </Table.Td>
              <Table.Td ta="right" className="num">{fmt.qty(m.neededMilli, m.item.unit)}</Table.Td>
              <Table.Td ta="right" className="num">{fmt.qty(m.availableMilli, m.item.unit)}</Table.Td>
              <Table.Td ta="right" className="num">
                {short ? (
                  <>
                    <Text span size="sm" fw={600} c={covered ? 'orange.7' : 'red.7'}>
                      {fmt.qty(m.shortMilli, m.item.unit)}
                    </Text>
                    {covered ? (
                      <Text size="xs" c="orange.7" lh={1.2}>
                        {t('orders.fulfil.mat.madeBelow')}
                      </Text>
                    ) : null}
                  </>
                ) : (
                  <Text span c="dimmed" size="sm">—</Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function ProposalCard({ p, depth }: { p: ProposalOut; depth: number }) {
  const { t, fmt } = useI18n();
  return (
    <Box ml={depth * 28}>
      <Paper
        withBorder
        radius="md"
        p="sm"
        data-testid={`fulfil-proposal-${p.item.sku}`}
        style={{ borderLeft: `4px solid var(--mantine-color-${p.materialsShort ? 'red' : depth > 0 ? 'orange' : 'teal'}-6)` }}
      >
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Group gap={8} wrap="nowrap">
              <Text fw={600} truncate>
                {p.item.name}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {p.item.sku}
              </Text>
              {depth > 0 ? (
                <Badge size="xs" color="orange" variant="light">
                  {t('orders.fulfil.madeFirst')}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm" c="dimmed">
              {t('orders.fulfil.batches', { count: p.batches })} · <span className="num">{fmt.qty(p.qtyMilli, p.item.unit)}</span> · {t('orders.fulfil.recipe', { version: p.recipeVersion })}
            </Text>
            {p.lines.length > 0 ? (
              <Text size="xs" c="dimmed">
                {t('orders.fulfil.serves')}: {p.lines.map((l) => `${l.orderNumber} (${fmt.qty(l.qtyMilli, p.item.unit)})`).join(', ')}
              </Text>
            ) : null}
          </div>
          <Badge color={p.materialsShort ? 'red' : 'teal'} variant="light" size="sm" style={{ flex: 'none' }}>
            {p.materialsShort ? t('orders.fulfil.materialsShort') : t('orders.fulfil.materialsOk')}
          </Badge>
        </Group>
        {p.materials.length > 0 ? <MaterialsTable p={p} /> : null}
      </Paper>
      {p.children.length > 0 ? (
        <Stack gap="xs" mt="xs">
          {p.children.map((c) => (
            <ProposalCard key={c.key} p={c} depth={depth + 1} />
          ))}
        </Stack>
      ) : null}
    </Box>
  );
}

function PlanView({ plan, multi }: { plan: Plan; multi: boolean }) {
  const { t, fmt } = useI18n();
  return (
    <Stack gap="md">
      <div>
        <Group gap={6} mb={6}>
          <IconInventory size={16} />
          <Title order={4} fz="md">
            {t('orders.fulfil.fromStock')}
          </Title>
        </Group>
        {plan.reservations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('orders.fulfil.fromStock.none')}
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={4} withTableBorder data-testid="fulfil-reservations">
            <Table.Thead>
              <Table.Tr>
                {multi ? <Table.Th>{t('orders.fulfil.col.order')}</Table.Th> : null}
                <Table.Th>{t('orders.fulfil.col.item')}</Table.Th>
                <Table.Th>{t('orders.fulfil.col.lot')}</Table.Th>
                <Table.Th ta="right">{t('orders.fulfil.col.qty')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.reservations.map((r, i) => (
                <Table.Tr key={i}>
                  {multi ? <Table.Td ff="monospace">{r.orderNumber}</Table.Td> : null}
                  <Table.Td>
                    {r.item.name}{' '}
                    <Text span size="xs" c="dimmed" ff="monospace">
                      {r.item.sku}
                    </Text>
                  </Table.Td>
                  <Table.Td ff="monospace">{r.lotCode}</Table.Td>
                  <Table.Td ta="right" className="num">
                    {fmt.qty(r.qtyMilli, r.item.unit)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </div>
      <div>
        <Group gap={6} mb={6}>
          <IconProduction size={16} />
          <Title order={4} fz="md">
            {t('orders.fulfil.production')}
          </Title>
        </Group>
        {plan.proposals.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('orders.fulfil.production.none')}
          </Text>
        ) : (
          <Stack gap="sm">
            {plan.proposals.map((p) => (
              <ProposalCard key={p.key} p={p} depth={0} />
            ))}
          </Stack>
        )}
      </div>
      {plan.unmakeable.length > 0 ? (
        <Alert color="red" variant="light" icon={<IconAlert />} title={t('orders.fulfil.unmakeable')} data-testid="fulfil-unmakeable">
          <Text size="sm" mb={4}>
            {t('orders.fulfil.unmakeable.body')}
          </Text>
          {plan.unmakeable.map((u) => (
            <Text size="sm" key={u.orderLineId}>
              {multi ? `${u.orderNumber} · ` : ''}
              {u.item.name} ({u.item.sku}): {t('orders.fulfil.unmakeable.missing', { qty: fmt.qty(u.missingMilli, u.item.unit) })}
            </Text>
          ))}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** A refusal because some orders are drafts or cancelled names them. */
function PreviewError({ error }: { error: unknown }) {
  const { t } = useI18n();
  const orders = error instanceof ApiError && error.code === 'CONFLICT' && Array.isArray(error.details.orders) ? (error.details.orders as { number: string; state: string }[]) : null;
  if (orders) {
    return (
      <Alert color="red" variant="light" icon={<IconAlert />} data-testid="fulfil-error">
        {t('orders.fulfil.notConfirmed', { list: orders.map((o) => `${o.number} (${t(`orders.status.${o.state === 'draft' ? 'draft' : 'cancelled'}`)})`).join(', ') })}
      </Alert>
    );
  }
  return <ErrorAlert error={error} testId="fulfil-error" />;
}

export function FulfilDialog({ orderIds, label, opened, onClose, onDone }: { orderIds: number[]; label: string; opened: boolean; onClose(): void; onDone?(): void }) {
  const { t } = useI18n();
  const [group, setGroup] = useState(true);
  const preview = useApiQuery('orders.fulfilPreview', { orderIds, group }, { enabled: opened && orderIds.length > 0, placeholderData: (p) => p });
  const fulfil = useApiCommand('orders.fulfil', {
    onSuccess: (out) => {
      notifySaved(t('orders.fulfil.done', { reserved: out.reservations.length, production: out.productionOrderIds.length }));
      onDone?.();
    },
  });
  const plan = preview.data;
  const nothing = plan && plan.reservations.length === 0 && plan.proposals.length === 0;

  return (
    <Modal
      opened={opened}
      onClose={() => {
        fulfil.reset();
        onClose();
      }}
      size="xl"
      title={<Text fw={650}>{t('orders.fulfil.title', { what: label })}</Text>}
      scrollAreaComponent={ScrollArea.Autosize}
      data-testid="fulfil-dialog"
    >
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" c="dimmed">
            {t('orders.fulfil.intro')}
          </Text>
          <Switch
            checked={group}
            onChange={(e) => setGroup(e.currentTarget.checked)}
            label={t('orders.fulfil.group')}
            description={t('orders.fulfil.group.hint')}
            style={{ flex: 'none' }}
            data-testid="fulfil-group"
          />
        </Group>
        {preview.error ? <PreviewError error={preview.error} /> : null}
        {!plan && !preview.error ? (
          <Center py="xl">
            <Loader />
          </Center>
        ) : null}
        {plan && !preview.error ? (
          nothing && plan.unmakeable.length === 0 ? (
            <Alert color="teal" variant="light" icon={<IconCheck />} data-testid="fulfil-nothing">
              {t('orders.fulfil.nothing')}
            </Alert>
          ) : (
            <div style={{ opacity: preview.isFetching ? 0.6 : 1 }}>
              <PlanView plan={plan} multi={orderIds.length > 1} />
            </div>
          )
        ) : null}
        {fulfil.error ? <ErrorAlert error={fulfil.error} testId="fulfil-command-error" /> : null}
        <DialogFooter
          onClose={onClose}
          onSubmit={() => fulfil.mutate({ orderIds, group })}
          label={t('orders.fulfil.confirm')}
          loading={fulfil.isPending}
          disabled={!plan || !!nothing || !!preview.error || preview.isFetching}
          testId="fulfil-confirm"
        />
      </Stack>
    </Modal>
  );
}
