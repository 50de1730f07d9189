import { Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { ProductionOrder } from '../../../src-shared/contract/production';
import { Fact } from '../../components/Fact';
import { useI18n } from '../../i18n/I18nProvider';

/** What a completed production order made (lot, quantity, yield variance, dates) and which lots it consumed. */
export function OutputCard({ po }: { po: ProductionOrder }) {
  const { t, fmt } = useI18n();
  if (!po.outputLot) return null;
  const v = po.yieldVarianceBp ?? 0;
  return (
    <Card withBorder radius="md" padding="md" mb="md" data-testid="po-output">
      <Title order={4} fz="md" mb="sm">
        {t('production.page.output')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="md" mb="sm">
        <Fact label={t('production.page.outputLot')}>
          <Text ff="monospace" fw={700} data-testid="po-output-lot">
            {po.outputLot.code}
          </Text>
        </Fact>
        <Fact label={t('production.page.actual')}>
          <Text size="sm" className="num">
            {po.actualQtyMilli !== null ? fmt.qty(po.actualQtyMilli, po.item.unit) : '—'}
          </Text>
        </Fact>
        <Fact label={t('production.page.variance')}>
          <Text size="sm" className="num" c={v < 0 ? 'orange.8' : v > 0 ? 'teal.8' : undefined}>
            {`${v > 0 ? '+' : ''}${fmt.number(v / 100)} %`}
          </Text>
        </Fact>
        <Fact label={t('production.page.producedOn')}>
          <Text size="sm">{po.producedOn ? fmt.date(po.producedOn) : '—'}</Text>
        </Fact>
        <Fact label={t('production.page.expiresOn')}>
          <Text size="sm">{po.outputLot.expiresOn ? fmt.date(po.outputLot.expiresOn) : '—'}</Text>
        </Fact>
      </SimpleGrid>
      {po.consumed.length > 0 ? (
        <>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
            {t('production.page.consumed')}
          </Text>
          <Table fz="sm" verticalSpacing={4} withTableBorder>
            <Table.Tbody>
              {po.consumed.map((c) => (
                <Table.Tr key={c.lotId}>
                  <Table.Td>
                    {c.item.name}{' '}
                    <Text span size="xs" c="dimmed" ff="monospace">
                      {c.item.sku}
                    </Text>
                  </Table.Td>
                  <Table.Td ff="monospace">{c.lotCode}</Table.Td>
                  <Table.Td ta="right" className="num">
                    {fmt.qty(c.qtyMilli, c.item.unit)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Card>
  );
}
