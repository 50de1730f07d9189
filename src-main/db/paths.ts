import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding `resources/` (migrations, fonts). Found by walking up from this
 * module, so it is the same whether the code runs from source (tsx, vitest) or bundled
 * (out/main, inside a packaged app).
 */
export function resourcesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'migrations'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('resources/migrations not found next to the application');
}

/** The OS app-data folder, as Electron's app.getPath('userData') would give for "Bottega". */
export function defaultDataDir(): string {
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Bottega');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Bottega');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Bottega');
}

/** --db beats BOTTEGA_DB beats the app-data folder. */
export function resolveDbPath(explicit?: string): string {
  if (explicit) return explicit;
  if (process.env.BOTTEGA_DB) return process.env.BOTTEGA_DB;
  return join(defaultDataDir(), 'bottega.db');
}
