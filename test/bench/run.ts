/**
 * `npm run bench -- [--scale small|large] [--seed N] [--only PREFIX[,PREFIX…]] [--json] [--rebuild] [--keep] [--db FILE]`
 *
 * Measures the figures of BENCH.md on the demo database of the given scale (large by
 * default: the one the goals refer to). A program that reports, never a test: it exits 0
 * whatever the numbers, and a figure that throws is reported with its error.
 * With --json, stdout carries exactly one JSON object; progress goes to stderr. With --keep the
 * run's working copy is left where it is (its path is logged), to profile the state the figures left.
 * With --db the figures run on a copy of that file (such a kept copy) instead of the generated
 * dataset: two versions of the code measured on the same later state. An --only entry ending
 * in `$` names one figure exactly (`planning.shortages$` without `planning.shortages_x2`).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Rng } from '../../src-main/demo/rng';
import { datasetCounts, ensureDataset, givenDatabase, workingCopy } from './dataset';
import { measure, verdict, type BenchEnv, type BenchFigure, type FigureResult } from './harness';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'large' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    db: { type: 'string' },
  },
  allowPositionals: false,
});

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function loadFigures(): Promise<BenchFigure[]> {
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'figures');
  const files = readdirSync(dir)
    .filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const all: BenchFigure[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { figures?: BenchFigure[] };
    if (!Array.isArray(mod.figures)) {
      log(`figures/${f} exports no \`figures\` list: skipped`);
      continue;
    }
    for (const fig of mod.figures) {
      if (all.some((x) => x.name === fig.name)) log(`figure ${fig.name} is defined twice: the second is skipped`);
      else all.push(fig);
    }
  }
  return all;
}

function fmt(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return '–';
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(3);
}

function goalText(f: BenchFigure): string {
  const g = f.goal;
  if (!g) return '';
  return [g.median_ms !== undefined && `< ${g.median_ms} ms`, g.p95_ms !== undefined && `p95 < ${g.p95_ms} ms`, g.per_s !== undefined && `> ${g.per_s}/s`]
    .filter(Boolean)
    .join(', ');
}

async function main(): Promise<void> {
  const scale = values.scale;
  const seed = Number(values.seed);
  if ((scale !== 'small' && scale !== 'large') || !Number.isInteger(seed)) {
    log('--scale must be small or large, --seed a whole number');
    process.exitCode = 2;
    return;
  }
  const chosen = (name: string, o: string) => (o.endsWith('$') ? name === o.slice(0, -1) : name.startsWith(o));
  const figures = (await loadFigures()).filter((f) => (!values.only || values.only.split(',').some((o) => chosen(f.name, o))) && (!f.scales || f.scales.includes(scale)));
  const info = values.db ? givenDatabase(values.db) : ensureDataset(scale, seed, { rebuild: values.rebuild, log });
  log(`${info.reused ? 'reusing' : 'using'} ${info.key}`);
  const work = workingCopy(info);
  const results: Record<string, FigureResult> = {};
  let dataset: Record<string, number> = {};
  try {
    dataset = datasetCounts(work.app);
    for (const f of figures) {
      const env: BenchEnv = { app: work.app, scale, seed, rng: Rng.forStep(seed, `bench:${f.name}`), dataset, log: (l) => log(`  ${l}`) };
      log(`${f.name} …`);
      const r = await measure(env, f);
      results[f.name] = r;
      log(`${f.name}: median ${fmt(r.median_ms)} ms, p95 ${fmt(r.p95_ms)} ms${r.per_s !== undefined ? `, ${r.per_s}/s` : ''}${r.error ? ` — ERROR ${r.error}` : ''}`);
    }
  } finally {
    work.dispose({ keep: values.keep });
    if (values.keep) log(`working copy kept: ${work.path}`);
  }

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ scale, dataset, figures: results })}\n`);
    return;
  }
  const out: string[] = [];
  out.push(`Bottega benchmark — scale ${scale}, seed ${seed}, database ${info.key} (generated in ${info.buildSeconds} s)`);
  out.push(`dataset: ${Object.entries(dataset).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}`);
  out.push('');
  const rows = figures.map((f) => {
    const r = results[f.name]!;
    return [f.name, fmt(r.median_ms), fmt(r.p95_ms), String(r.n), r.per_s !== undefined ? String(r.per_s) : '', goalText(f), verdict(f, r), r.error ?? f.what];
  });
  const head = ['figure', 'median ms', 'p95 ms', 'n', 'per s', 'goal', '', 'what'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 1 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  out.push(line(head));
  out.push(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) out.push(line(r));
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err: unknown) => {
  // a benchmark reports; it does not fail a build
  log(`could not run: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  if (values.json) process.stdout.write(`${JSON.stringify({ scale: values.scale, dataset: {}, figures: {}, error: String(err) })}\n`);
});
