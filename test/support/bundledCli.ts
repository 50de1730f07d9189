/**
 * The real `bottega` command bundled once per test file with esbuild (the same bundling
 * the build does, minus Electron), so tests that start it many times — the crash drills —
 * spend a node start, not a TypeScript compile, on each run. It sits under .cache/ in the
 * checkout so it finds resources/ (migrations) the way the built CLI does.
 */
import { buildSync } from 'esbuild';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const built = new Map<string, string>();

/**
 * A TypeScript entry of this checkout (relative to its root) bundled into one .mjs, once
 * per test file: a child process that starts in a fraction of a second, where tsx would
 * compile for seconds on each start.
 */
export function bundledScript(entry: string): string {
  const done = built.get(entry);
  if (done) return done;
  const root = resolve(import.meta.dirname, '..', '..');
  const dir = join(root, '.cache', `test-cli-${process.pid}`);
  if (built.size === 0) {
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    // a test worker ended by its pool never runs 'exit': sweep the bundles of processes gone
    sweepBundlesOfDeadProcesses(join(root, '.cache'));
  }
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${basename(entry).replace(/\.ts$/, '')}.mjs`);
  buildSync({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', logLevel: 'warning' });
  built.set(entry, outfile);
  return outfile;
}

function sweepBundlesOfDeadProcesses(cache: string): void {
  if (!existsSync(cache)) return;
  for (const name of readdirSync(cache)) {
    const pid = Number(/^test-cli-(\d+)$/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(cache, name), { recursive: true, force: true });
    }
  }
}

export function bundledCli(): string {
  return bundledScript(join('src-main', 'cli', 'main.ts'));
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bottega --db <dbPath> ...args` to its end. */
export function runCli(dbPath: string, args: string[]): CliRun {
  const r = spawnSync(process.execPath, [bundledCli(), '--db', dbPath, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `bottega --db <dbPath> ...args` and leaves it running (serve, or a process to kill). */
export function startCli(dbPath: string, args: string[]): ChildProcess {
  return spawn(process.execPath, [bundledCli(), '--db', dbPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}
