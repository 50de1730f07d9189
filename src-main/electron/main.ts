import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openLiveApp, type LiveApp } from '../api/liveApp';
import { fail } from '../api/envelope';
import { checkoutLayout, packagedLayout, resolveDbPath, useLayout, type AppLayout } from '../db/paths';
import { SQLITE_BINDING_ENV } from '../db/sqliteBinding';
import { careForLiveApp, type LiveCare } from '../modules/backups/liveCare';
import { setSecretKeeper } from '../secrets/secretKeeper';
import { safeStorageKeeper } from '../secrets/safeStorageKeeper';
import { setSystemViewer } from '../documents/systemViewer';
import { createTranslator, pickLanguage, type Translator } from '../../src-shared/i18n';
import { installSecurity, isTrustedSender } from './security';
import { registerAppScheme, serveRenderer } from './protocol';
import { notForTheWindow, windowMayInvoke } from './windowGate';
import { createMainWindow } from './window';
import { menuTemplate } from './menu';
import { checkForUpdates, loadAutoUpdater, type BuildInfo, type UpdateDeps } from './updates';
import { openPdfDownloadsInViewer } from './pdfViewer';
import { createLog } from './log';
import { lanControl, type LanControl } from '../api/lanControl';

/** the database as the window sees it: the open app, or the recovery state of a damaged file */
let bottega: LiveApp | null = null;
let win: BrowserWindow | null = null;
let t: Translator = createTranslator('en');
const log = (line: string) => createLog(app.getPath('logs'))(line);
let openWindow: () => void = () => undefined;
let care: LiveCare | null = null;
/** Settings → Other devices: the HTTPS door for the workshop's network (off until switched on; off again at every start) */
let lan: LanControl | null = null;

// before 'ready': app:// is a standard, secure scheme
registerAppScheme(protocol);

function layout(): AppLayout {
  return app.isPackaged ? packagedLayout({ resourcesPath: process.resourcesPath, appPath: app.getAppPath() }) : checkoutLayout();
}

function buildInfo(l: AppLayout): BuildInfo {
  try {
    const info = JSON.parse(readFileSync(join(app.getAppPath(), 'out', 'build-info.json'), 'utf8')) as { signed?: unknown };
    return { packaged: l.packaged, signed: info.signed === true };
  } catch {
    return { packaged: l.packaged, signed: false };
  }
}

/** The only ipcMain.handle of the app: sender and allow-list checked, then the same registry as every door. */
function registerIpc(onSettingsChanged: () => void): void {
  ipcMain.handle('bottega:invoke', async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) return fail('FORBIDDEN', 'Untrusted sender');
    if (!windowMayInvoke(name)) return notForTheWindow(name);
    if (!bottega) return fail('INTERNAL', 'Database not open');
    // lan.* are answered by the LAN door's control, the rest by the registry
    const result = lan ? await lan.wrap(bottega.invoke)(name, input) : await bottega.invoke(name, input);
    if (name === 'settings.update' && result.ok) onSettingsChanged();
    return result;
  });
}

/** A second launch (a double-click while Bottega runs) brings the running window forward. */
function focusWindow(): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

async function say(message: string, buttons: string[], type: 'info' | 'error' = 'info'): Promise<number> {
  const opts = { type, title: 'Bottega', message, buttons, defaultId: 0, cancelId: buttons.length - 1, noLink: true };
  return (win ? await dialog.showMessageBox(win, opts) : await dialog.showMessageBox(opts)).response;
}

async function start(): Promise<void> {
  const l = layout();
  useLayout(l);
  // better-sqlite3 compiled for Electron, never the Node build in node_modules (paths.ts)
  if (!process.env[SQLITE_BINDING_ENV] && existsSync(l.electronSqlite)) process.env[SQLITE_BINDING_ENV] = l.electronSqlite;
  const dbPath = resolveDbPath(process.env.BOTTEGA_DB ?? join(app.getPath('userData'), 'bottega.db'));
  try {
    // a damaged file opens too, in recovery: the window shows the recovery screen
    bottega = openLiveApp(dbPath, { program: 'app' });
  } catch (err) {
    // a database written by a newer Bottega, or open in another Bottega: say so and stop, touching nothing
    log(`cannot open ${dbPath}: ${(err as Error).message}`);
    dialog.showErrorBox('Bottega', `${(err as Error).message}\n\n${dbPath}`);
    app.quit();
    return;
  }
  log(`started ${app.getVersion()} on ${dbPath}`);
  // the SMTP password sealed with the OS keychain; without one, the key file in the app-data folder
  if (safeStorage.isEncryptionAvailable()) setSecretKeeper(safeStorageKeeper(safeStorage));
  // missing DDT copies re-made, clear secrets sealed, the backup schedule (daily, on quit)
  care = careForLiveApp(bottega);
  // the devices on the network get the same built renderer the window shows; the certificate lives in userData/lan
  lan = lanControl(bottega, { staticDir: l.renderer, dataFolder: app.getPath('userData') });

  installSecurity(app, session.defaultSession, (url) => shell.openExternal(url));
  serveRenderer(protocol, l.renderer);
  // saved documents (the DDT copies) and every PDF the window downloads open in the system viewer
  setSystemViewer((path) => shell.openPath(path));
  openPdfDownloadsInViewer(session.defaultSession, { dir: join(app.getPath('temp'), 'Bottega documents'), open: (p) => shell.openPath(p), log });

  const build = buildInfo(l);
  const updateDeps: UpdateDeps = { build, currentVersion: app.getVersion(), updater: loadAutoUpdater, ask: (m, b) => say(m, b), t: () => t, log };

  const applySettings = () => {
    const settings = bottega?.current()?.call('settings.get', {});
    t = createTranslator(pickLanguage(settings?.language ?? null, app.getLocale()));
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(t, { platform: process.platform, packaged: l.packaged }, menuActions(dbPath, updateDeps))));
    return settings;
  };
  registerIpc(applySettings);
  const settings = applySettings();

  openWindow = () => {
    win = createMainWindow({ preload: join(import.meta.dirname, '../preload/index.cjs'), icon: join(l.icons, '512x512.png'), stateFile: join(app.getPath('userData'), 'window-state.json') });
    win.on('closed', () => (win = null));
  };
  openWindow();
  // asked only when the user turned it on (Settings → Updates), never for unsigned builds
  if (settings?.updates.check) win?.once('ready-to-show', () => void checkForUpdates(updateDeps, { interactive: false }));
}

function menuActions(dbPath: string, updateDeps: UpdateDeps) {
  return {
    backup: () => {
      void bottega?.invoke('system.makeBackup', {}).then(async (r) => {
        if (r.ok) {
          const path = (r.data as { path: string }).path;
          shell.showItemInFolder(path);
          await say(t('desktop.backup.done', { path }), [t('desktop.ok')]);
        } else await say(t('desktop.backup.failed', { message: r.error.message }), [t('desktop.ok')], 'error');
      });
    },
    // the Settings screen's restore card does the work (checks, lock, confirmation)
    restore: () => void win?.webContents.executeJavaScript("location.hash = '#/settings'"),
    openDataFolder: () => void shell.openPath(dirname(dbPath)),
    openLogs: () => void shell.openPath(app.getPath('logs')),
    about: () => void say(`Bottega\n\n${t('desktop.about.detail', { version: app.getVersion(), dbPath })}`, [t('desktop.ok')]),
    checkUpdates: () => void checkForUpdates(updateDeps, { interactive: true }),
  };
}

if (!app.requestSingleInstanceLock()) {
  // another Bottega has the database: it gets the focus (second-instance below), this one leaves
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  void app.whenReady().then(start);
  app.on('activate', () => {
    // macOS: the dock icon reopens the window; the database stayed open
    if (bottega && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

app.on('window-all-closed', () => {
  // the on-quit backup (when set) finishes before the database closes
  void Promise.all([care?.quit(), lan?.close()]).finally(() => {
    lan = null;
    bottega?.close();
    bottega = null;
    if (process.platform !== 'darwin') app.quit();
  });
});

app.on('will-quit', () => {
  bottega?.close();
  bottega = null;
});
