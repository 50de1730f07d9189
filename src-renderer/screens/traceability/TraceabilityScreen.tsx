/**
 * #/traceability?lot=CODE&dir=backward|forward|both — the call from the supplier: type
 * or scan the lot, see what it is made of and where it went (trees), who received it,
 * what is still on the shelf and who holds it; recall it and print the report.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Center, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { TraceDirection } from '../../../src-shared/contract/trace';
import { customersToContact } from '../../../src-shared/domain/traceGraph';
import { lotCodeFromScan } from '../../../src-shared/domain/lotScan';
import { useApiQuery } from '../../api/hooks';
import { EmptyScreen } from '../../components/EmptyScreen';
import { IconSearch, IconTrace } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate, useRoute } from '../../router';
import { Stat } from '../inventory/common';
import { useScannerCapture } from '../inventory/scan';
import { LotSummary } from './LotSummary';
import { RecallDialog } from './RecallDialog';
import { ReportActions } from './ReportActions';
import { TraceTree } from './TraceTree';
import { AffectedLots, CustomersCard, ReservationsCard, ShipmentsCard } from './TraceTables';
import { QueryError } from '../../components/QueryState';

const DIRECTIONS: TraceDirection[] = ['backward', 'forward', 'both'];

function go(code: string, dir: TraceDirection) {
  navigate(`/traceability?lot=${encodeURIComponent(code)}&dir=${dir}`);
}

export function TraceabilityScreen() {
  const { t } = useI18n();
  const { query } = useRoute();
  const code = query.get('lot') ?? '';
  const dirParam = query.get('dir') as TraceDirection | null;
  const direction: TraceDirection = dirParam && DIRECTIONS.includes(dirParam) ? dirParam : 'both';
  const [text, setText] = useState(code);
  const [shown, setShown] = useState(code);
  if (shown !== code) {
    // a link or a scan changed the lot: the field follows
    setShown(code);
    setText(code);
  }
  useScannerCapture((scanned) => go(scanned, direction));

  return (
    <>
      <PageHeader title={t('trace.title')} subtitle={t('trace.subtitle')} />
      <Group align="flex-end" mb="md" gap="sm" wrap="wrap">
        <TextInput
          style={{ flex: '1 1 360px' }}
          leftSection={<IconSearch size={16} />}
          placeholder={t('trace.search.placeholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && text.trim()) go(lotCodeFromScan(text), direction);
          }}
          data-autofocus
          autoFocus
          data-testid="trace-search"
        />
        <Button onClick={() => text.trim() && go(lotCodeFromScan(text), direction)} data-testid="trace-go">
          {t('trace.search.button')}
        </Button>
        <SegmentedControl
          value={direction}
          onChange={(v) => (code ? go(code, v as TraceDirection) : navigate(`/traceability?dir=${v}`))}
          data={DIRECTIONS.map((d) => ({ value: d, label: t(`trace.direction.${d}`) }))}
          data-testid="trace-direction"
        />
      </Group>
      {code ? <TraceView key={`${code}|${direction}`} code={code} direction={direction} /> : <EmptyScreen icon={<IconTrace size={28} />} title={t('trace.start.title')} description={t('trace.start.body')} testId="trace-start" />}
    </>
  );
}

function TraceView({ code, direction }: { code: string; direction: TraceDirection }) {
  const { t } = useI18n();
  const trace = useApiQuery('trace.lot', { code, direction }, { retry: false });
  const [recalling, setRecalling] = useState(false);
  const lots = useMemo(() => new Map((trace.data?.lots ?? []).map((l) => [l.id, l])), [trace.data]);
  const customers = useMemo(() => customersToContact(trace.data?.shipments ?? []), [trace.data]);

  if (trace.error) {
    const suggestions = (trace.error.details.suggestions ?? trace.error.details.lots) as { id: number; code: string; sku: string; itemName: string }[] | undefined;
    if (trace.error.code === 'NOT_FOUND' || trace.error.code === 'CONFLICT') {
      return (
        <Alert color={trace.error.code === 'NOT_FOUND' ? 'orange' : 'blue'} title={t(trace.error.code === 'NOT_FOUND' ? 'trace.notFound' : 'trace.several', { code })} data-testid="trace-not-found">
          <Text size="sm" mb={6}>
            {suggestions && suggestions.length > 0 ? t('trace.suggestions') : t('trace.noSuggestions')}
          </Text>
          <Group gap="xs">
            {(suggestions ?? []).map((s) => (
              <Button key={s.id} size="compact-sm" variant="light" onClick={() => go(s.code, direction)} data-testid={`trace-suggestion-${s.code}`}>
                {s.code} · {s.itemName}
              </Button>
            ))}
          </Group>
        </Alert>
      );
    }
    return <QueryError query={trace} />;
  }
  if (!trace.data) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  const tr = trace.data;
  const root = lots.get(tr.lotId)!;
  const forward = direction !== 'backward';
  const affected = forward ? tr.lots.filter((l) => l.depth === 0 || tr.forwardEdges.some((e) => e.outputLotId === l.id)) : [];
  return (
    <Stack gap="md">
      <LotSummary
        lot={root}
        recalls={tr.recalls}
        actions={
          <>
            <ReportActions lotId={root.id} />
            <Button color="grape" onClick={() => setRecalling(true)} data-testid="trace-recall">
              {t('trace.recall.button')}
            </Button>
          </>
        }
      />
      {forward ? (
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Stat label={t('trace.stat.affected')} value={affected.length} testId="trace-stat-affected" />
          <Stat label={t('trace.stat.onHand')} value={affected.filter((l) => l.onHandMilli > 0).length} testId="trace-stat-onhand" />
          <Stat label={t('trace.stat.customers')} value={customers.length} testId="trace-stat-customers" />
          <Stat label={t('trace.stat.shipments')} value={tr.shipments.length} testId="trace-stat-shipments" />
        </SimpleGrid>
      ) : null}
      {direction !== 'forward' ? <TraceTree rootId={tr.lotId} edges={tr.backwardEdges} direction="backward" lots={lots} testId="trace-tree-backward" /> : null}
      {forward ? <TraceTree rootId={tr.lotId} edges={tr.forwardEdges} direction="forward" lots={lots} testId="trace-tree-forward" /> : null}
      {forward ? (
        <>
          <CustomersCard customers={customers} lots={lots} />
          <ShipmentsCard shipments={tr.shipments} lots={lots} />
          <ReservationsCard reservations={tr.reservations} lots={lots} />
          <AffectedLots lots={affected} />
        </>
      ) : (
        <AffectedLots lots={tr.lots} />
      )}
      <RecallDialog lotId={root.id} code={root.code} opened={recalling} onClose={() => setRecalling(false)} />
    </Stack>
  );
}
