/**
 * Barcode scanners type like a very fast keyboard and end with Enter. A scan may be our
 * plain lot code, a human-readable GS1 line "(01)…(10)L26251-1", or the raw GS1-128
 * data (AIs one after the other, variable fields ended by the GS character).
 */
import { useEffect, useRef } from 'react';
import { lotCodeFromScan } from '../../../src-shared/domain/lotScan';

// the code inside a scan is read the same way by the server (trace.findLot, the CLI)
export { lotCodeFromScan };

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Keys closer than this are swallowed as part of a scan (a person is slower). */
const SCAN_GAP_MS = 50;
/** A pause this long starts a new sequence. */
const PAUSE_MS = 300;
/** On average a scanner types a key at least this often, even with a hiccup in between. */
const SCAN_AVG_MS = 45;

/**
 * Calls `onScan` when a scanner types a code while no field has the focus. The fast keys
 * are swallowed, so a code containing "g" then "i" does not jump to another screen.
 */
export function useScannerCapture(onScan: (code: string) => void, enabled = true): void {
  const cb = useRef(onScan);
  useEffect(() => {
    cb.current = onScan;
  }, [onScan]);
  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let first = 0;
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const now = e.timeStamp || performance.now();
      const gap = now - last;
      last = now;
      if (e.key === 'Enter') {
        // judged on the whole sequence: one slow key (a busy moment) does not break a scan
        const avg = (now - first) / Math.max(1, buffer.length);
        if (buffer.length >= 3 && gap < PAUSE_MS && avg < SCAN_AVG_MS) {
          e.preventDefault();
          e.stopPropagation();
          cb.current(lotCodeFromScan(buffer));
        }
        buffer = '';
        return;
      }
      if (e.key.length !== 1) return;
      if (buffer.length > 0 && gap < PAUSE_MS) {
        buffer += e.key;
        if (gap < SCAN_GAP_MS) {
          e.preventDefault();
          e.stopPropagation();
        }
      } else {
        buffer = e.key;
        first = now;
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
