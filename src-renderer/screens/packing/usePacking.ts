/**
 * What the bench has packed of one order, scan by scan: each scan goes through the pure
 * rules (matchScan) against what is packed so far; an accepted one counts, a refused one
 * changes nothing. A ref holds the counts too, so two scans faster than a render (a
 * scanner types fast) are both checked against the true totals.
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

export function usePacking(lines: readonly StationLine[]) {
  const packedRef = useRef<Packed>({});
  const logRef = useRef<Accepted[]>([]);
  const [packed, setPacked] = useState<Packed>({});
  const [last, setLast] = useState<LastScan | null>(null);
  const [canUndo, setCanUndo] = useState(false);

  const commit = (next: Packed) => {
    packedRef.current = next;
    setPacked(next);
    setCanUndo(logRef.current.length > 0);
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
    [lines],
  );

  /** takes back the last counted scan (a label read twice by mistake) */
  const undo = useCallback(() => {
    const lastOk = logRef.current.at(-1);
    if (!lastOk) return;
    logRef.current = logRef.current.slice(0, -1);
    const key = packKey(lastOk.orderLineId, lastOk.lotId);
    commit({ ...packedRef.current, [key]: (packedRef.current[key] ?? 0) - lastOk.addMilli });
    setLast(null);
  }, []);

  const reset = useCallback(() => {
    logRef.current = [];
    commit({});
    setLast(null);
  }, []);

  return { packed, last, scan, undo, reset, canUndo };
}
