import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveApp } from '../api/liveApp';
import { startHttpDoor, type HttpDoor } from '../api/http';
import { appLayout } from '../db/paths';
import { automaticBackup, hasBackupToday } from '../db/backup';
import { backupFileFor } from '../modules/channels/fileHandlers';

/** The built renderer (out/renderer in a checkout). */
export function rendererDir(): string | undefined {
  const dir = appLayout().renderer;
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

/**
 * The daily backup, once the background check found the file sound: a backup of a
 * damaged file would rotate the good ones away.
 */
async function dailyBackupWhenSound(live: LiveApp): Promise<void> {
  const outcome = await live.integrity();
  const app = live.current();
  if (outcome.state !== 'ok' || !app) return;
  const now = app.ctx.now();
  if (!hasBackupToday(live.dbPath, now)) await automaticBackup(app.ctx.sqlite, live.dbPath, 'daily', now);
}

export async function serve(live: LiveApp, opts: { port?: number; token?: string }): Promise<HttpDoor> {
  const staticDir = rendererDir();
  const door = await startHttpDoor({
    invoke: live.invoke,
    staticDir,
    port: opts.port,
    token: opts.token,
    fileFor: (name) => backupFileFor(live.dbPath, name),
  });
  void dailyBackupWhenSound(live).catch((err: unknown) => process.stderr.write(`Daily backup failed: ${String(err)}\n`));
  const stop = async () => {
    await door.close();
    live.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return door;
}
