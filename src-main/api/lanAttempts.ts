/**
 * Counts failed attempts (a wrong password, a wrong pairing code) per key — a device or
 * an address, a login — in a sliding window. Past the limit the key waits until its
 * oldest failure leaves the window: the door answers 429 with Retry-After. A success
 * clears the key. The clock is passed in, so tests move time instead of waiting.
 */
export interface AttemptLimits {
  /** failures allowed in the window */
  max: number;
  windowMs: number;
}

export interface Attempts {
  /** seconds to wait before trying again, or 0 when the key may try now */
  retryAfter(key: string): number;
  failed(key: string): void;
  succeeded(key: string): void;
}

export function attemptCounter(limits: AttemptLimits, now: () => number): Attempts {
  const failures = new Map<string, number[]>();
  const recent = (key: string): number[] => {
    const since = now() - limits.windowMs;
    const kept = (failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length > 0) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  return {
    retryAfter: (key) => {
      const list = recent(key);
      if (list.length < limits.max) return 0;
      return Math.max(1, Math.ceil((list[list.length - limits.max]! + limits.windowMs - now()) / 1000));
    },
    failed: (key) => {
      const list = recent(key);
      list.push(now());
      failures.set(key, list);
    },
    succeeded: (key) => {
      failures.delete(key);
    },
  };
}
