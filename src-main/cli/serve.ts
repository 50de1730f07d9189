import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BottegaApp } from '../api/app';
import { startHttpDoor, type HttpDoor } from '../api/http';
import { resourcesDir } from '../db/paths';
import { automaticBackup, hasBackupToday } from '../db/backup';
import { backupFileFor } from '../modules/channels/fileHandlers';

/** The built renderer sits beside resources/ in out/renderer. */
export function rendererDir(): string | undefined {
  const dir = join(resourcesDir(), '..', 'out', 'renderer');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

export async function serve(app: BottegaApp, opts: { port?: number; token?: string }): Promise<HttpDoor> {
  const staticDir = rendererDir();
  const now = app.ctx.now();
  if (app.ctx.dbPath !== ':memory:' && !hasBackupToday(app.ctx.dbPath, now)) {
    await automaticBackup(app.ctx.sqlite, app.ctx.dbPath, 'daily', now);
  }
  const door = await startHttpDoor({
    // every call through this door is recorded as the browser's
    invoke: (name, input) => app.invokeAsync(name, input, 'browser'),
    staticDir,
    port: opts.port,
    token: opts.token,
    fileFor: (name) => backupFileFor(app.ctx.dbPath, name),
  });
  const stop = async () => {
    await door.close();
    app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return door;
}
