import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveApp } from '../api/liveApp';
import { startHttpDoor, type HttpDoor } from '../api/http';
import { appLayout } from '../db/paths';
import type { BottegaApp } from '../api/app';
import { startDataCare, type DataCare } from '../modules/backups/lifecycle';
import { backupFileFor } from '../modules/channels/fileHandlers';

/** The built renderer (out/renderer in a checkout). */
export function rendererDir(): string | undefined {
  const dir = appLayout().renderer;
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

/**
 * Data care (missing DDT copies re-made, clear secrets sealed, the backup schedule) for the
 * app the door holds, started once the background check found the file sound — a backup of
 * a damaged file would rotate the good ones away — and restarted when a restore swaps it.
 */
function careForLiveApp(live: LiveApp): { quit(): Promise<void> } {
  let care: DataCare | null = null;
  let starting: Promise<void> = Promise.resolve();
  const startFor = (app: BottegaApp | null) => {
    const old = care;
    care = null;
    if (old) void old.stop();
    if (!app) return;
    // on the next turn: a restore sets the outcome of its own check right after reopening
    starting = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => live.integrity())
      .then((outcome) => {
        if (outcome.state === 'ok' && live.current() === app && app.ctx.sqlite.open) care = startDataCare(app);
      });
  };
  live.onSwap(startFor);
  startFor(live.current());
  // a stop right after the start waits for the check, so copies are re-made and the on-quit backup made
  return { quit: async () => starting.then(() => care?.quit()) };
}

export async function serve(live: LiveApp, opts: { port?: number; token?: string }): Promise<HttpDoor> {
  const staticDir = rendererDir();
  const care = careForLiveApp(live);
  const door = await startHttpDoor({
    invoke: live.invoke,
    staticDir,
    port: opts.port,
    token: opts.token,
    fileFor: (name) => backupFileFor(live.dbPath, name),
  });
  const stop = async () => {
    // the background check's worker does not hold the process open: this does, until the end
    const keepAlive = setInterval(() => undefined, 1000);
    await door.close();
    await care.quit();
    live.close();
    clearInterval(keepAlive);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return door;
}
