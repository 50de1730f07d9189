import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveApp } from '../api/liveApp';
import { startHttpDoor, type HttpDoor } from '../api/http';
import { appLayout } from '../db/paths';
import { careForLiveApp } from '../modules/backups/liveCare';
import { backupFileFor } from '../modules/channels/fileHandlers';
import { lanControl, type LanControl } from '../api/lanControl';

/** The built renderer (out/renderer in a checkout). */
export function rendererDir(): string | undefined {
  const dir = appLayout().renderer;
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

/**
 * Browser mode: the local door on 127.0.0.1 (per-launch token), and the LAN door for other
 * devices, off until Settings → Other devices (or `--lan`) switches it on.
 */
export async function serve(live: LiveApp, opts: { port?: number; token?: string; lan?: { port?: number } }): Promise<HttpDoor & { lan: LanControl }> {
  const staticDir = rendererDir();
  if (!staticDir) process.stderr.write('The screens are not built (no out/renderer): run npm run build, then bottega serve again. The API answers meanwhile.\n');
  const care = careForLiveApp(live);
  const fileFor = (name: string) => backupFileFor(live.dbPath, name);
  const lan = lanControl(live, { staticDir, fileFor, port: opts.lan?.port });
  const door = await startHttpDoor({
    // every call through this door is recorded as the browser's (openLiveApp's door in run.ts)
    invoke: lan.wrap(live.invoke),
    staticDir,
    // with --lan, --port is the LAN door's; the local one takes any free port
    port: opts.lan ? undefined : opts.port,
    token: opts.token,
    fileFor,
  });
  if (opts.lan) await lan.setEnabled(true);
  const stop = async () => {
    // the background check's worker does not hold the process open: this does, until the end
    const keepAlive = setInterval(() => undefined, 1000);
    await door.close();
    await lan.close();
    await care.quit();
    live.close();
    clearInterval(keepAlive);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return { ...door, lan };
}
