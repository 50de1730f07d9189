import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveApp } from '../api/liveApp';
import { startHttpDoor, type HttpDoor } from '../api/http';
import { appLayout } from '../db/paths';
import { careForLiveApp } from '../modules/backups/liveCare';
import { backupFileFor } from '../modules/channels/fileHandlers';

/** The built renderer (out/renderer in a checkout). */
export function rendererDir(): string | undefined {
  const dir = appLayout().renderer;
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

export async function serve(live: LiveApp, opts: { port?: number; token?: string }): Promise<HttpDoor> {
  const staticDir = rendererDir();
  if (!staticDir) process.stderr.write('The screens are not built (no out/renderer): run npm run build, then bottega serve again. The API answers meanwhile.\n');
  const care = careForLiveApp(live);
  const door = await startHttpDoor({
    // every call through this door is recorded as the browser's (openLiveApp's door in run.ts)
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
