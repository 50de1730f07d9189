import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface BottegaServer {
  /** the page URL, token included */
  url: string;
  origin: string;
  token: string;
  dbPath: string;
}

/**
 * Starts the built CLI in browser mode on a fresh database; resolves when it prints its URL.
 * `nodeArgs` go before the script (the visual set preloads a fixed clock), `env` on top of ours.
 */
export async function startServer(dbPath: string, opts: { nodeArgs?: string[]; env?: Record<string, string> } = {}): Promise<{ server: BottegaServer; child: ChildProcess }> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), 'out/main/cli.js', '--db', dbPath, '--json', 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const server = await new Promise<BottegaServer>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      const info = JSON.parse(line) as { url: string; port: number; token: string };
      resolve({ url: info.url, origin: `http://127.0.0.1:${info.port}`, token: info.token, dbPath });
    });
  });
  return { server, child };
}

export const test = base.extend<{ app: BottegaServer }>({
  app: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'bottega-e2e-'));
    const { server, child } = await startServer(join(dir, 'bottega.db'));
    await use(server);
    // kill the process we started, by its handle (STACK.md)
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };
