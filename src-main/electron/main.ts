import { app, BrowserWindow, dialog, ipcMain, safeStorage, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp, type BottegaApp } from '../api/app';
import { fail } from '../api/envelope';
import { resolveDbPath } from '../db/paths';
import { startDataCare, type DataCare } from '../modules/backups/lifecycle';
import { setSecretKeeper } from '../secrets/secretKeeper';
import { safeStorageKeeper } from '../secrets/safeStorageKeeper';
import { isTrustedSender, lockDown } from './security';
import { setSystemViewer } from '../documents/systemViewer';

let bottega: BottegaApp | null = null;
let care: DataCare | null = null;

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'Bottega',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  const rendererUrl = pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
  lockDown(win, rendererUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl);
}

/** The only ipcMain.handle of the app: sender checked, then the same registry as every door. */
function registerIpc(): void {
  const rendererUrl = pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
  ipcMain.handle('bottega:invoke', (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.sender, event.senderFrame?.url, rendererUrl)) return fail('FORBIDDEN', 'Untrusted sender');
    if (typeof name !== 'string') return fail('VALIDATION', 'Operation name must be a string');
    if (!bottega) return fail('INTERNAL', 'Database not open');
    return bottega.invokeAsync(name, input);
  });
}

void app.whenReady().then(async () => {
  const dbPath = resolveDbPath(process.env.BOTTEGA_DB ?? join(app.getPath('userData'), 'bottega.db'));
  try {
    bottega = createApp(dbPath);
  } catch (err) {
    // e.g. a database written by a newer Bottega: say so and stop, touching nothing
    dialog.showErrorBox('Bottega', `${(err as Error).message}\n\n${dbPath}`);
    app.quit();
    return;
  }
  // the SMTP password sealed with the OS keychain; without one, the key file in the app-data folder
  if (safeStorage.isEncryptionAvailable()) setSecretKeeper(safeStorageKeeper(safeStorage));
  care = startDataCare(bottega);
  // saved documents (the DDT copies) open in the system PDF viewer
  setSystemViewer((path) => shell.openPath(path));
  registerIpc();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  // the on-quit backup (when set) finishes before the database closes
  void (care?.quit() ?? Promise.resolve()).finally(() => {
    bottega?.close();
    bottega = null;
    if (process.platform !== 'darwin') app.quit();
  });
});
