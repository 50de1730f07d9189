/**
 * The benchmark's database: made once by the demo generator and kept in .cache/bench/,
 * keyed by scale, seed, generator version and a hash of the generator's and the
 * migrations' sources (so a forgotten version bump still rebuilds); a new migration alone
 * migrates a copy instead of generating again. Each run works on a
 * copy, so figures that write leave the cached one as it was.
 */
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { DEMO_GENERATOR_VERSION, generateDemo } from '../../src-main/demo/generate';
import type { DemoScale } from '../../src-main/demo/types';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = join(REPO, '.cache', 'bench');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

function hashFiles(files: string[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort()) h.update(relative(REPO, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 12);
}

/** What the generator writes: its own sources and the modules' bulk loaders it writes through. */
function generatorHash(): string {
  const loaders = filesUnder(join(REPO, 'src-main', 'modules')).filter((f) => /[\\/]bulkLoad\.ts$/.test(f));
  return hashFiles([...filesUnder(join(REPO, 'src-main', 'demo')), ...loaders]);
}

/** The dataset's family: one generator run; its members differ only by the migrations applied since. */
function familyKey(scale: DemoScale, seed: number): string {
  return `${scale}-seed${seed}-g${DEMO_GENERATOR_VERSION}-${generatorHash()}`;
}

export function cacheKey(scale: DemoScale, seed: number): string {
  return `${familyKey(scale, seed)}-m${hashFiles(filesUnder(join(REPO, 'resources', 'migrations')))}`;
}

export interface BuildInfo {
  key: string;
  path: string;
  reused: boolean;
  /** seconds the generator took (now or when the cached file was made) */
  buildSeconds: number;
  counts: Record<string, number>;
}

function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** The cached database for (scale, seed), built if missing or stale. Progress goes to `log`. */
export function ensureDataset(scale: DemoScale, seed: number, opts: { rebuild?: boolean; log: (line: string) => void }): BuildInfo {
  mkdirSync(CACHE, { recursive: true });
  const key = cacheKey(scale, seed);
  const path = join(CACHE, `${key}.db`);
  const meta = join(CACHE, `${key}.json`);
  const family = familyKey(scale, seed);
  const sameFamily = (f: string) => f.startsWith(`${family}-m`) && f.endsWith('.db') && !f.includes('.building.');
  for (const f of readdirSync(CACHE)) {
    if (f.startsWith(`${scale}-seed${seed}-`) && !f.startsWith(family)) {
      opts.log(`removing stale ${f}`);
      rmSync(join(CACHE, f), { force: true });
    }
  }
  if (!opts.rebuild && existsSync(path) && existsSync(meta)) {
    const m = JSON.parse(readFileSync(meta, 'utf8')) as { buildSeconds: number; counts: Record<string, number> };
    return { key, path, reused: true, ...m };
  }
  // Same generator, other migrations (a new table or index): copy the dataset and let the app
  // migrate the copy, as a user's file would be on upgrade, instead of generating it again.
  // The source is never opened for writing: in worktrees it may be a hard link shared by others.
  const source = opts.rebuild ? undefined : readdirSync(CACHE).find((f) => sameFamily(f) && existsSync(join(CACHE, f.replace(/\.db$/, '.json'))));
  if (source) {
    const building = join(CACHE, `${key}.building.db`);
    removeDb(building);
    opts.log(`migrating a copy of ${source} …`);
    const t0 = performance.now();
    copyFileSync(join(CACHE, source), building);
    const app = createApp(building, { now: () => new Date('2026-01-01T00:00:00Z') });
    app.ctx.sqlite.pragma('optimize');
    app.close();
    // the app's pre-migration backup of the copy is of no use here (the source is kept)
    rmSync(join(CACHE, 'backups'), { recursive: true, force: true });
    renameSync(building, path);
    const m = JSON.parse(readFileSync(join(CACHE, source.replace(/\.db$/, '.json')), 'utf8')) as { buildSeconds: number; counts: Record<string, number> };
    writeFileSync(meta, JSON.stringify(m, null, 2));
    opts.log(`migrated in ${Math.round(performance.now() - t0) / 1000} s`);
    return { key, path, reused: true, ...m };
  }
  removeDb(path);
  const building = join(CACHE, `${key}.building.db`);
  removeDb(building);
  opts.log(`building the ${scale} demo database (seed ${seed}) …`);
  const app = createApp(building, { now: () => new Date('2026-01-01T00:00:00Z') });
  const t0 = performance.now();
  const counts = app.ctx.sqlite.transaction(() => generateDemo(app.ctx, { scale, seed }))();
  const buildSeconds = Math.round((performance.now() - t0) / 10) / 100;
  app.ctx.sqlite.pragma('optimize');
  app.close(); // checkpoints the WAL into the file
  renameSync(building, path);
  writeFileSync(meta, JSON.stringify({ buildSeconds, counts }, null, 2));
  opts.log(`built in ${buildSeconds} s (${(statSync(path).size / 1e6).toFixed(1)} MB): ${JSON.stringify(counts)}`);
  return { key, path, reused: false, buildSeconds, counts };
}

/** A database given with --db (e.g. a run's kept copy) in place of the generated one: only copied, never written. */
export function givenDatabase(path: string): BuildInfo {
  if (!existsSync(path)) throw new Error(`--db ${path}: no such file`);
  // the working copy takes the main file only: commits still in a -wal beside it would be lost
  if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) throw new Error(`--db ${path}: its -wal holds commits not yet in the file; open and close it once (a checkpoint) first`);
  return { key: resolve(path), path, reused: true, buildSeconds: 0, counts: {} };
}

/** A working copy of the cached database in a temp folder, and how to drop it. */
export function workingCopy(info: BuildInfo): { app: BottegaApp; path: string; dispose(opts?: { keep?: boolean }): void } {
  const dir = join(tmpdir(), `bottega-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'bench.db');
  removeDb(path);
  copyFileSync(info.path, path);
  // the copy on disk before the first figure: else the kernel writes its gigabytes back while
  // the first figures run, and their disk and CPU time is shared with that writeback
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const app = createApp(path);
  return {
    app,
    path,
    dispose(opts) {
      app.close();
      if (!opts?.keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * What the database holds, for the report. An issue whose tables come later adds its line
 * here; a line whose table does not exist yet is left out.
 */
export const DATASET_COUNTERS: { key: string; table: string; sql: string }[] = [
  { key: 'items', table: 'items', sql: 'SELECT count(*) FROM items' },
  { key: 'recipes', table: 'recipes', sql: 'SELECT count(*) FROM recipes WHERE active = 1' },
  { key: 'recipe_versions', table: 'recipes', sql: 'SELECT count(*) FROM recipes' },
  { key: 'customers', table: 'customers', sql: 'SELECT count(*) FROM customers' },
  { key: 'suppliers', table: 'suppliers', sql: 'SELECT count(*) FROM suppliers' },
];

export function datasetCounts(app: BottegaApp): Record<string, number> {
  const tables = new Set(
    (app.ctx.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name),
  );
  const out: Record<string, number> = {};
  for (const c of DATASET_COUNTERS) {
    if (tables.has(c.table)) out[c.key] = app.ctx.sqlite.prepare(c.sql).pluck().get() as number;
  }
  return out;
}
