/**
 * What the bench has packed of one order, scan by scan: each scan goes through the pure
 * rules (matchScan) against what is packed so far; an accepted one counts, a refused one
 * changes nothing. A ref holds the counts too, so two scans faster than a render (a
 * scanner types fast) are both checked against the true totals. The scans are kept in the
 * tab's session storage per order: a tablet that reloads, or a packer who looks at another
 * order and comes back, finds the box as it was (until it is shipped or started over).
 */
import { useCallback, useRef, useState } from 'react';
import { matchScan, packKey, type Packed, type ScanVerdict } from '../../../src-shared/domain/packScan';
import { beep } from './beep';
import type { StationLine } from './packLines';

type Accepted = Extract<ScanVerdict, { ok: true }>;

export interface LastScan {
  verdict: ScanVerdict;
  /** counts up on every scan, so the same message twice still flashes anew */
  seq: number;
}

const storageKey = (orderId: number) => `bottega.packing.${orderId}`;

/** The saved scans, only those still valid for these lines (a line shipped meanwhile drops out). */
function restore(orderId: number, lines: readonly StationLine[]): Accepted[] {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey(orderId)) ?? '[]') as Accepted[];
    if (!Array.isArray(saved)) return [];
    const replayed: Accepted[] = [];
    let packed: Packed = {};
    // replayed through the rules: what no longer fits (less ready now) is not counted
    for (const a of saved) {
      const line = lines.find((l) => l.orderLineId === a.orderLineId);
      const lot = line?.lots.find((x) => x.lotId === a.lotId);
      if (!line || !lot || typeof a.addMilli !== 'number') continue;
      const key = packKey(a.orderLineId, a.lotId);
      if ((packed[key] ?? 0) + a.addMilli > lot.qtyMilli) continue;
      packed = { ...packed, [key]: (packed[key] ?? 0) + a.addMilli };
      replayed.push(a);
    }
    return replayed;
  } catch {
    return [];
  }
}

function totals(log: readonly Accepted[]): Packed {
  const out: Record<string, number> = {};
  for (const a of log) out[packKey(a.orderLineId, a.lotId)] = (out[packKey(a.orderLineId, a.lotId)] ?? 0) + a.addMilli;
  return out;
}

export function usePacking(orderId: number, lines: readonly StationLine[]) {
  const [initial] = useState(() => restore(orderId, lines));
  const packedRef = useRef<Packed>(totals(initial));
  const logRef = useRef<Accepted[]>(initial);
  const [packed, setPacked] = useState<Packed>(packedRef.current);
  const [last, setLast] = useState<LastScan | null>(null);
  const [canUndo, setCanUndo] = useState(initial.length > 0);

  const commit = (next: Packed) => {
    packedRef.current = next;
    setPacked(next);
    setCanUndo(logRef.current.length > 0);
    try {
      if (logRef.current.length > 0) sessionStorage.setItem(storageKey(orderId), JSON.stringify(logRef.current));
      else sessionStorage.removeItem(storageKey(orderId));
    } catch {
      // storage full or refused: the scans still count on this page
    }
  };

  const scan = useCallback(
    (raw: string): ScanVerdict => {
      const verdict = matchScan(raw, lines, packedRef.current);
      if (verdict.ok) {
        const key = packKey(verdict.orderLineId, verdict.lotId);
        logRef.current = [...logRef.current, verdict];
        commit({ ...packedRef.current, [key]: (packedRef.current[key] ?? 0) + verdict.addMilli });
      }
      setLast((l) => ({ verdict, seq: (l?.seq ?? 0) + 1 }));
      beep(verdict.ok ? 'ok' : 'error');
      return verdict;
    },
    [lines, orderId],
  );

  /** takes back the last counted scan (a label read twice by mistake) */
  const undo = useCallback(() => {
    const lastOk = logRef.current.at(-1);
    if (!lastOk) return;
    logRef.current = logRef.current.slice(0, -1);
    const key = packKey(lastOk.orderLineId, lastOk.lotId);
    commit({ ...packedRef.current, [key]: (packedRef.current[key] ?? 0) - lastOk.addMilli });
    setLast(null);
  }, [orderId]);

  const reset = useCallback(() => {
    logRef.current = [];
    commit({});
    setLast(null);
  }, [orderId]);

  return { packed, last, scan, undo, reset, canUndo };
}
