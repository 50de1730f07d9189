/**
 * #/packing: the orders ready to ship as big rows a finger can hit on a tablet — order
 * number, customer, lines ready, the date asked for — soonest requested first.
 */
import { useState } from 'react';
import { Badge, Group, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useApiQuery, type Out } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconArchive, IconChevronRight, IconSearch } from '../../components/icons';
import { CountBadge, PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';

type Ready = Out<'shipping.readyOrders'>[number];

function OrderRow({ o }: { o: Ready }) {
  const { t, fmt } = useI18n();
  return (
    <UnstyledButton onClick={() => navigate(`/packing/${o.orderId}`)} data-testid={`pack-order-${o.number}`} style={{ display: 'block' }}>
      <Paper withBorder radius="md" px="lg" py="md" mih={76} className="packing-row">
        <Group justify="space-between" wrap="nowrap" gap="md">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="sm" wrap="nowrap">
              <Text fz={20} fw={700} ff="monospace">
                {o.number}
              </Text>
              <Badge variant="light" size="lg">
                {t('packing.list.readyLines', { count: o.readyLines })}
              </Badge>
            </Group>
            <Text fz={17} truncate>
              {o.customerName}
            </Text>
            <Text size="sm" c="dimmed">
              {o.requestedOn ? t('packing.list.requested', { date: fmt.date(o.requestedOn) }) : t('packing.list.ordered', { date: fmt.date(o.orderedOn) })}
            </Text>
          </Stack>
          <IconChevronRight size={28} />
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

export function ReadyOrderList() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 150);
  const ready = useApiQuery('shipping.readyOrders', { q });
  return (
    <>
      <PageHeader title={t('packing.list.title')} subtitle={t('packing.list.subtitle')} badge={<CountBadge count={ready.data?.length ?? null} />} />
      <TextInput
        size="lg"
        mb="md"
        leftSection={<IconSearch size={20} />}
        placeholder={t('packing.list.search')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid="packing-search"
      />
      <QueryState
        query={ready}
        isEmpty={(rows) => rows.length === 0}
        empty={
          q ? (
            <Text c="dimmed" data-testid="packing-no-match">{t('packing.list.noMatch')}</Text>
          ) : (
            <EmptyScreen icon={<IconArchive size={28} />} title={t('packing.list.empty.title')} description={t('packing.list.empty.body')} testId="packing-empty" />
          )
        }
      >
        {(rows) => (
          <Stack gap="sm" data-testid="packing-orders">
            {rows.map((o) => (
              <OrderRow key={o.orderId} o={o} />
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
