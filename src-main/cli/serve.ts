import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BottegaApp } from '../api/app';
import { startHttpDoor, type HttpDoor } from '../api/http';
import { resourcesDir } from '../db/paths';
import { startDataCare } from '../modules/backups/lifecycle';
import { backupFileFor } from '../modules/channels/fileHandlers';

/** The built renderer sits beside resources/ in out/renderer. */
export function rendererDir(): string | undefined {
  const dir = join(resourcesDir(), '..', 'out', 'renderer');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

export async function serve(app: BottegaApp, opts: { port?: number; token?: string }): Promise<HttpDoor> {
  const staticDir = rendererDir();
  // missing DDT copies re-made, clear secrets sealed, the daily backup scheduled
  const care = startDataCare(app);
  const door = await startHttpDoor({
    invoke: app.invokeAsync,
    staticDir,
    port: opts.port,
    token: opts.token,
    fileFor: (name) => backupFileFor(app.ctx.dbPath, name),
  });
  const stop = async () => {
    await door.close();
    await care.quit();
    app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return door;
}
