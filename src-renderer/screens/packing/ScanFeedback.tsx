/**
 * What the last scan did, big enough to read from the bench: green with what was counted,
 * or red with what was scanned, what was expected and "nothing counted".
 */
import { Alert, Text } from '@mantine/core';
import { gs1FromScan } from '../../../src-shared/domain/lotScan';
import type { ScanVerdict } from '../../../src-shared/domain/packScan';
import type { Unit } from '../../../src-shared/domain/units';
import { useApiQuery } from '../../api/hooks';
import { IconAlert, IconCheck } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import type { LastScan } from './usePacking';

/** a raw GS1 scan (fields run together, invisible GS separators) shown as the label prints it: "(02)…(37)6(10)L…" */
function shown(code: string): string {
  const gs1 = code.startsWith('(') ? null : gs1FromScan(code);
  return gs1 ? Object.entries(gs1).map(([ai, v]) => `(${ai})${v}`).join('') : code.replace(/\u001d/g, ' ');
}

export function useVerdictText() {
  const { t, fmt } = useI18n();
  return (v: ScanVerdict, unitOf: (itemId: number) => Unit): string => {
    if (v.ok) {
      const params = { qty: fmt.qty(v.addMilli, unitOf(v.item.id)), name: v.item.name, lot: v.lotCode };
      return t(v.lotImplied ? 'packing.scan.okImplied' : 'packing.scan.ok', params);
    }
    switch (v.problem) {
      case 'unreadable':
        return t('packing.scan.unreadable');
      case 'unknown':
        return t('packing.scan.unknown');
      case 'wrong_item':
        return t('packing.scan.wrongItem', { gtin: v.gtin ?? '' });
      case 'wrong_lot':
        return t('packing.scan.wrongLot', { lot: v.lotCode, name: v.item.name, expected: v.expectedLots.join(', ') });
      case 'lot_missing':
        return t('packing.scan.lotMissing', { name: v.item.name, expected: v.expectedLots.join(', ') });
      case 'over': {
        const unit = unitOf(v.item.id);
        if (v.leftMilli === 0) return t('packing.scan.full', { name: v.item.name, lot: v.lotCode });
        return t('packing.scan.over', { qty: fmt.qty(v.addMilli, unit), name: v.item.name, lot: v.lotCode, left: fmt.qty(v.leftMilli, unit), ready: fmt.qty(v.readyMilli, unit) });
      }
    }
  };
}

/**
 * A code that is not this order's: the scan rules know only the order, so global search
 * (which reads GS1 labels and lot codes) says what the code is — "L26339-4 · Crema mani" —
 * and the packer sees which box was picked by mistake.
 */
function ScannedIdentity({ v }: { v: ScanVerdict }) {
  const { t } = useI18n();
  let q: string | null = null;
  if (!v.ok && v.problem === 'unknown') q = v.scanned;
  // a case label's lot names its item better than the GTIN; an EAN-13 is stored without the GTIN-14's leading 0
  else if (!v.ok && v.problem === 'wrong_item') q = v.lotCode ?? v.gtin?.replace(/^0(\d{13})$/, '$1') ?? null;
  // query-error: the identity is a hint under the red message; when search fails the message alone stands
  const found = useApiQuery('search.global', { q: q ?? '', limit: 5 }, { enabled: q !== null, staleTime: 60_000 });
  const hit = q === null ? undefined : found.data?.hits.find((h) => h.kind === 'lot' || h.kind === 'item');
  if (!hit) return null;
  return (
    <Text fz={15} mt={2} data-testid="scan-identity">
      {t('packing.scan.identity', { what: [hit.title, hit.subtitle].filter(Boolean).join(' · ') })}
    </Text>
  );
}

export function ScanFeedback({ last, unitOf }: { last: LastScan | null; unitOf: (itemId: number) => Unit }) {
  const { t } = useI18n();
  const text = useVerdictText();
  if (!last) return null;
  const v = last.verdict;
  const ok = v.ok;
  return (
    <Alert
      key={last.seq}
      color={ok ? 'green' : 'red'}
      variant={ok ? 'light' : 'filled'}
      radius="md"
      icon={ok ? <IconCheck size={26} /> : <IconAlert size={26} />}
      role={ok ? 'status' : 'alert'}
      data-testid="scan-feedback"
      data-state={ok ? 'ok' : 'refused'}
      className={ok ? undefined : 'packing-refused'}
    >
      <Text fz={20} fw={700} lh={1.3} data-testid="scan-message">
        {text(v, unitOf)}
      </Text>
      {!ok ? (
        <Text fz={15} mt={4} style={{ wordBreak: 'break-all' }}>
          {t('packing.scan.scanned', { code: shown(v.scanned) })} · {t('packing.scan.notCounted')}
        </Text>
      ) : null}
      <ScannedIdentity v={v} />
    </Alert>
  );
}
