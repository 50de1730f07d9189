/**
 * What a benchmark figure is and how it is timed. A figure file in ./figures exports
 * `figures: BenchFigure[]`; run.ts finds every such file, so an issue adds its figures
 * by adding a file.
 */
import type { BottegaApp } from '../../src-main/api/app';
import type { DemoScale } from '../../src-main/demo/types';
import type { Rng } from '../../src-main/demo/rng';

export interface BenchEnv {
  app: BottegaApp;
  scale: DemoScale;
  seed: number;
  /** the bench's own generator (seeded by the demo seed and the figure's name) */
  rng: Rng;
  dataset: Record<string, number>;
  /** progress and choices, to stderr (never stdout: --json owns it) */
  log(line: string): void;
}

export interface BenchFigure<S = unknown, P = unknown> {
  /** the key in BENCH.md, e.g. 'catalog.explode' */
  name: string;
  /** what is timed, in a few words, for the table */
  what: string;
  /** timed runs */
  n: number;
  /** untimed runs first (default: a tenth of n, at least 1) */
  warmup?: number;
  /** units of work per run, for throughput figures: per_s = perRun / median seconds */
  perRun?: number;
  /** the goal, for the table only (the JSON reports numbers, never verdicts) */
  goal?: { median_ms?: number; p95_ms?: number; per_s?: number };
  scales?: DemoScale[];
  /** once, untimed: find the records the runs use (may be async: a figure that starts a server) */
  setup?(env: BenchEnv): S | Promise<S>;
  /** before each run, untimed: e.g. create the order the run confirms */
  prepare?(env: BenchEnv, state: S, i: number): P;
  /** the timed work; throw to report the figure as failed. A promise is awaited inside the timing (a call through the HTTP door). */
  run(env: BenchEnv, state: S, i: number, prepared: P): void | Promise<void>;
  /**
   * Instead of n timed runs: a load the figure drives itself for a bounded time (many
   * clients at once), answering each unit's time and how many units it did in how long:
   * median and p95 come from the units' times, per_s from units ÷ seconds.
   */
  load?(env: BenchEnv, state: S): Promise<{ samples: number[]; units: number; seconds: number }>;
  /** once at the end, whatever happened: close what setup opened */
  teardown?(env: BenchEnv, state: S): void | Promise<void>;
}

/** Keeps a figure's own state type while letting lists hold figures of any state. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function defineFigure<S, P = undefined>(f: BenchFigure<S, P>): BenchFigure<any, any> {
  return f;
}

export interface FigureResult {
  median_ms: number;
  p95_ms: number;
  n: number;
  per_s?: number;
  error?: string;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Runs a figure: setup, warm-up, n timed runs, teardown; an exception becomes `error`, never a crash. */
export async function measure(env: BenchEnv, f: BenchFigure): Promise<FigureResult> {
  const samples: number[] = [];
  let state: unknown;
  let error: string | undefined;
  let loaded: FigureResult | undefined;
  try {
    state = await f.setup?.(env);
    if (f.load) {
      const load = await f.load(env, state);
      const out = summarize(load.samples, f);
      loaded = { ...out, per_s: Math.round(load.units / load.seconds) };
    }
    const warmup = f.warmup ?? Math.max(1, Math.round(f.n / 10));
    for (let i = 0; !f.load && i < warmup + f.n; i++) {
      const prepared = f.prepare?.(env, state, i);
      const t0 = performance.now();
      const pending = f.run(env, state, i, prepared);
      if (pending) await pending;
      const ms = performance.now() - t0;
      if (i >= warmup) samples.push(ms);
    }
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  } finally {
    try {
      await f.teardown?.(env, state);
    } catch (err) {
      error ??= `teardown: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  const result = loaded ?? summarize(samples, f);
  return error === undefined ? result : { ...result, error };
}

function summarize(samples: number[], f: BenchFigure): FigureResult {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const out: FigureResult = { median_ms: round3(median), p95_ms: round3(percentile(sorted, 95)), n: samples.length };
  if (f.perRun !== undefined && median > 0) out.per_s = Math.round((f.perRun * 1000) / median);
  return out;
}

/** 'ok' / 'MISS' against the figure's goal, or '' when it has none. */
export function verdict(f: BenchFigure, r: FigureResult): string {
  if (r.error) return 'ERROR';
  const g = f.goal;
  if (!g) return '';
  const miss =
    (g.median_ms !== undefined && !(r.median_ms < g.median_ms)) ||
    (g.p95_ms !== undefined && !(r.p95_ms < g.p95_ms)) ||
    (g.per_s !== undefined && !((r.per_s ?? 0) > g.per_s));
  return miss ? 'MISS' : 'ok';
}
