/**
 * FEFO: for a quantity (and the day it is needed) the lots it would come from, first
 * expiry first, and what is missing. Lots that cannot be used are named with the reason.
 */
import { useState } from 'react';
import { Alert, Badge, Card, Grid, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Lot } from '../../../src-shared/contract/inventory';
import { lotUnusableReason } from '../../../src-shared/domain/fefo';
import type { Out } from '../../api/hooks';
import { useApiQuery } from '../../api/hooks';
import { IconAlert, IconCheck } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { CardTitle, today } from './common';
import { parseTypedDate } from './dates';
import { invErrorText, invFieldErrors } from './invErrors';

type ItemDetail = Out<'catalog.getItem'>;

export function FefoPanel({ item, lots }: { item: ItemDetail; lots: Lot[] }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const [qty, setQty] = useState('');
  const [dateText, setDateText] = useState('');
  const [debouncedQty] = useDebouncedValue(qty.trim(), 250);
  const needDate = parseTypedDate(dateText);
  const dateError = needDate === undefined ? t('inventory.date.invalid') : undefined;
  const enabled = debouncedQty !== '' && needDate !== undefined;
  const fefo = useApiQuery(
    'inventory.fefo',
    { itemId: item.id, quantity: debouncedQty, needDate: needDate ?? undefined },
    { enabled, placeholderData: (prev) => prev, retry: false },
  );
  const errors = invFieldErrors(fefo.error, i18n, () => ({ unit: item.unit }));
  const result = enabled && !fefo.error ? fefo.data : undefined;
  const day = needDate ?? today();
  const skipped = lots
    .filter((l) => l.onHandMilli > 0)
    .map((l) => ({ lot: l, why: lotUnusableReason({ ...l, lotId: l.id }, day) }))
    .filter((s) => s.why !== null);
  const unitTag = /\p{L}/u.test(qty) ? null : (
    <Text size="xs" c="dimmed" fw={600}>
      {fmt.unit(item.unit)}
    </Text>
  );

  return (
    <Card withBorder radius="md" padding="md" data-testid="fefo-panel">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <CardTitle>{t('inventory.fefo.title')}</CardTitle>
          <Text size="xs" c="dimmed" mb="xs">
            {t('inventory.fefo.hint')}
          </Text>
          <Group grow align="flex-start" gap="xs">
            <TextInput
              label={t('inventory.fefo.quantity')}
              value={qty}
              onChange={(e) => setQty(e.currentTarget.value)}
              rightSection={unitTag}
              inputMode="decimal"
              error={errors.quantity ?? (fefo.error && !errors.quantity ? invErrorText(fefo.error, i18n) : undefined)}
              data-testid="fefo-quantity"
            />
            <TextInput
              label={t('inventory.fefo.needDate')}
              placeholder={t('inventory.date.placeholder')}
              value={dateText}
              onChange={(e) => setDateText(e.currentTarget.value)}
              error={dateError ?? errors.needDate}
              data-testid="fefo-date"
            />
          </Group>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {result ? (
            <Stack gap={6} data-testid="fefo-result">
              {result.picks.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('inventory.fefo.nothing')}
                </Text>
              ) : (
                <Table verticalSpacing={3} horizontalSpacing="xs" fz="sm">
                  <Table.Tbody>
                    {result.picks.map((p, n) => (
                      <Table.Tr key={p.lotId} data-testid={`fefo-pick-${p.code}`} data-order={n + 1}>
                        <Table.Td w={32}>
                          <Badge variant="light" color="gray" size="sm" circle>
                            {n + 1}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Link to={`/inventory/lots/${p.lotId}`} size="sm" ff="monospace" fw={600}>
                            {p.code}
                          </Link>
                        </Table.Td>
                        <Table.Td c="dimmed">{p.expiresOn ? t('inventory.fefo.expires', { date: fmt.date(p.expiresOn) }) : t('inventory.fefo.noExpiry')}</Table.Td>
                        <Table.Td ta="right" fw={600} className="num">
                          {fmt.qty(p.qtyMilli, item.unit)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {result.shortMilli > 0 ? (
                <Alert color="red" variant="light" icon={<IconAlert size={16} />} py={6} data-testid="fefo-short">
                  {t('inventory.fefo.short', { short: fmt.qty(result.shortMilli, item.unit), requested: fmt.qty(result.requestedMilli, item.unit) })}
                </Alert>
              ) : (
                <Alert color="teal" variant="light" icon={<IconCheck size={16} />} py={6} data-testid="fefo-covered">
                  {t('inventory.fefo.covered', { requested: fmt.qty(result.requestedMilli, item.unit), date: fmt.date(result.needDate) })}
                </Alert>
              )}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed" mt={28}>
              {t('inventory.fefo.empty')}
            </Text>
          )}
          {skipped.length > 0 ? (
            <Text size="xs" c="dimmed" mt="xs" data-testid="fefo-skipped">
              {t('inventory.fefo.skipped')}:{' '}
              {skipped.map(({ lot, why }, n) => (
                <span key={lot.id}>
                  {n > 0 ? ', ' : ''}
                  <Text span ff="monospace" size="xs">
                    {lot.code}
                  </Text>{' '}
                  ({t(`inventory.fefo.why.${why!}`)})
                </span>
              ))}
            </Text>
          ) : null}
        </Grid.Col>
      </Grid>
    </Card>
  );
}
