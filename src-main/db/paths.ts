import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * Where the files that ship beside the code are: the one module that knows the two
 * layouts, so nothing else walks folders.
 *
 * - **checkout** (tsx, vitest, the CLI, `npm start`): `<repo>/resources/{migrations,icons}`,
 *   `<repo>/out/renderer`, Electron's better-sqlite3 in `<repo>/.electron-native/<platform>-<arch>/`
 *   (scripts/electron-native.mjs).
 * - **packaged** (electron-builder, see electron-builder.yml): migrations and icons are
 *   extraResources in `process.resourcesPath`; the renderer is inside `app.asar`
 *   (`app.getAppPath()`); Electron's better-sqlite3 is unpacked next to it in
 *   `app.asar.unpacked/native/`.
 *
 * PDFs need no font file: pdfkit's built-in Helvetica data travels inside app.asar with
 * pdfkit itself (see documents/pdfDocument.ts).
 */
export interface AppLayout {
  packaged: boolean;
  /** the folder holding migrations/ and icons/ */
  resources: string;
  migrations: string;
  icons: string;
  /** the built renderer (index.html, assets/) */
  renderer: string;
  /** better-sqlite3 compiled for Electron's ABI (never the Node build tests and the CLI load) */
  electronSqlite: string;
}

/** The checkout's layout, found by walking up from this module (source or bundled in out/main). */
export function checkoutLayout(from: string = dirname(fileURLToPath(import.meta.url))): AppLayout {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    const resources = join(dir, 'resources');
    if (existsSync(join(resources, 'migrations'))) {
      return {
        packaged: false,
        resources,
        migrations: join(resources, 'migrations'),
        icons: join(resources, 'icons'),
        renderer: join(dir, 'out', 'renderer'),
        electronSqlite: join(dir, '.electron-native', `${process.platform}-${process.arch}`, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
      };
    }
    dir = dirname(dir);
  }
  throw new Error('resources/migrations not found next to the application');
}

/** An installed app: `resourcesPath` is process.resourcesPath, `appPath` is app.getAppPath() (…/app.asar). */
export function packagedLayout(roots: { resourcesPath: string; appPath: string }): AppLayout {
  // native modules cannot be loaded from inside an asar archive: electron-builder's
  // asarUnpack puts them in the sibling folder "app.asar.unpacked"
  const unpacked = roots.appPath.endsWith('.asar') ? `${roots.appPath}.unpacked` : roots.appPath;
  return {
    packaged: true,
    resources: roots.resourcesPath,
    migrations: join(roots.resourcesPath, 'migrations'),
    icons: join(roots.resourcesPath, 'icons'),
    renderer: join(roots.appPath, 'out', 'renderer'),
    electronSqlite: join(unpacked, 'native', 'better_sqlite3.node'),
  };
}

let current: AppLayout | null = null;

/** Electron's main process sets the packaged layout at start-up (it alone knows app.isPackaged). */
export function useLayout(layout: AppLayout | null): void {
  current = layout;
}

export function appLayout(): AppLayout {
  current ??= checkoutLayout();
  return current;
}

/** The folder holding `resources/` content (migrations, icons), in either layout. */
export function resourcesDir(): string {
  return appLayout().resources;
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
