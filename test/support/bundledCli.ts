/**
 * The real `bottega` command bundled once per test file with esbuild (the same bundling
 * the build does, minus Electron), so tests that start it many times — the crash drills —
 * spend a node start, not a TypeScript compile, on each run. It sits under .cache/ in the
 * checkout so it finds resources/ (migrations) the way the built CLI does.
 */
import { buildSync } from 'esbuild';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

let built: string | null = null;

export function bundledCli(): string {
  if (built) return built;
  const root = resolve(import.meta.dirname, '..', '..');
  const dir = join(root, '.cache', `test-cli-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'cli.mjs');
  buildSync({ entryPoints: [join(root, 'src-main', 'cli', 'main.ts')], bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', logLevel: 'warning' });
  built = outfile;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return outfile;
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
