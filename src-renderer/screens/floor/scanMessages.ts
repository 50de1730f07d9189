/**
 * The words and sound for what a scan meant. Refusals are red and buzz; nothing is
 * recorded for them. An unreserved lot of the right material is refused as scanned but
 * carries the offer to use it instead (production.complete accepts it, if it is usable).
 */
import type { ProductionOrder } from '../../../src-shared/contract/production';
import type { FloorScanMatch } from '../../../src-shared/domain/floorScan';
import type { Translator } from '../../../src-shared/i18n';
import type { Formatters } from '../../i18n/format';
import { beep } from './beep';
import type { ScanMessage } from './ScanBox';

export function okMessage(text: string): ScanMessage {
  return { tone: 'ok', lines: [text], sound: beep('ok') ? 'ok' : null };
}

export function refusal(t: Translator, lines: string[], action?: ScanMessage['action']): ScanMessage {
  return { tone: 'refused', title: t('floor.scan.refused'), lines, sound: beep('error') ? 'error' : null, ...(action ? { action } : {}) };
}

type NotReserved = Extract<FloorScanMatch, { kind: 'substitute' | 'unusable' }>;

/** "Lot X · wax is not one of the lots reserved (reserved: A, B)." */
export function notReservedLine(t: Translator, po: ProductionOrder, m: NotReserved): string {
  const c = po.components.find((x) => x.item.id === m.itemId);
  return t('floor.scan.notReserved', { lot: m.lotCode, item: c?.item.name ?? '', reserved: c?.reservations.map((r) => r.lotCode).join(', ') || '—' });
}

export function refusedLines(t: Translator, fmt: Formatters, po: ProductionOrder, m: Exclude<FloorScanMatch, { kind: 'reserved' }>): string[] {
  switch (m.kind) {
    case 'wrong_material':
      return [t('floor.scan.wrongMaterial', { lot: m.lotCode, item: m.itemName, sku: m.sku })];
    case 'unknown':
      return [t('floor.scan.unknown', { code: m.code })];
    case 'unusable':
      return [notReservedLine(t, po, m), t('floor.scan.unusable', { reason: t(`floor.reason.${m.reason}`) })];
    case 'substitute': {
      const unit = po.components.find((x) => x.item.id === m.itemId)?.item.unit ?? 'pcs';
      return [notReservedLine(t, po, m), t('floor.scan.substitute', { available: fmt.qty(m.availableMilli, unit) })];
    }
  }
}
