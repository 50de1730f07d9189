import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { existsSync } from 'node:fs';
import { tempDir } from '../../support/tempDir';

/**
 * src-main/electron/main.ts run for real against a minimal stand-in for the `electron`
 * module (Electron's binary cannot run here): the test asserts on the options passed and
 * the handlers installed, not on what Electron itself does with them. The database behind
 * the IPC handler is a real file in a temp folder.
 */
type Handler = (...args: unknown[]) => unknown;
const calls = vi.hoisted(() => ({
  appOn: new Map<string, Handler>(),
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, Handler>(),
  ipc: new Map<string, Handler>(),
  windows: [] as { options: Record<string, unknown>; url?: string; events: Map<string, Handler>; focused: number; restored: number; scripts: string[] }[],
  permissionRequest: null as Handler | null,
  permissionCheck: null as Handler | null,
  spellChecker: [] as boolean[],
  sessionOn: new Map<string, Handler>(),
  menus: [] as unknown[],
  singleInstance: 0,
  quit: 0,
  dirs: { userData: '', logs: '', temp: '' },
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => calls.windows;
    record: (typeof calls.windows)[number];
    webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn(), executeJavaScript: async (code: string) => void this.record.scripts.push(code) };
    constructor(options: Record<string, unknown>) {
      this.record = { options, events: new Map(), focused: 0, restored: 0, scripts: [] };
      calls.windows.push(this.record);
    }
    loadURL = async (url: string) => void (this.record.url = url);
    on = (e: string, h: Handler) => void this.record.events.set(e, h);
    once = (e: string, h: Handler) => void this.record.events.set(e, h);
    maximize = vi.fn();
    isMinimized = () => true;
    restore = () => void this.record.restored++;
    show = vi.fn();
    focus = () => void this.record.focused++;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1200, height: 800 });
    isMaximized = () => false;
  }
  const app = {
    isPackaged: false,
    getPath: (name: 'userData' | 'logs' | 'temp') => calls.dirs[name],
    getAppPath: () => process.cwd(),
    getVersion: () => '0.1.0',
    getLocale: () => 'it-IT',
    requestSingleInstanceLock: () => (calls.singleInstance++, true),
    quit: () => void calls.quit++,
    on: (e: string, h: Handler) => void calls.appOn.set(e, h),
    whenReady: () => Promise.resolve(),
  };
  return {
    app,
    BrowserWindow,
    dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })), showErrorBox: vi.fn() },
    ipcMain: { handle: (channel: string, h: Handler) => void calls.ipc.set(channel, h) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void calls.menus.push(m) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => void calls.schemes.push(...s),
      handle: (scheme: string, h: Handler) => void calls.protocolHandlers.set(scheme, h),
    },
    // no OS keychain in the stand-in: the key-file keeper stays in use
    safeStorage: { isEncryptionAvailable: () => false },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Handler) => void (calls.permissionRequest = h),
        setPermissionCheckHandler: (h: Handler) => void (calls.permissionCheck = h),
        setSpellCheckerEnabled: (on: boolean) => void calls.spellChecker.push(on),
        on: (e: string, h: Handler) => void calls.sessionOn.set(e, h),
      },
    },
    shell: { openPath: vi.fn(async () => ''), openExternal: vi.fn(async () => undefined), showItemInFolder: vi.fn() },
  };
});

const t = tempDir('bottega-electron-');
const trusted = { senderFrame: { url: 'app://bottega/index.html' } };
const invoke = (event: unknown, name: unknown, input: unknown = {}) => calls.ipc.get('bottega:invoke')!(event, name, input) as Promise<{ ok: boolean; error?: { code: string } }>;

beforeAll(async () => {
  calls.dirs = { userData: t.dir, logs: `${t.dir}/logs`, temp: `${t.dir}/tmp` };
  process.env.BOTTEGA_DB = t.dbPath;
  await import('../../../src-main/electron/main');
  await vi.waitFor(() => expect(calls.windows.length).toBe(1));
});
afterAll(async () => {
  // quit the way the app does: the last window closes, the background integrity check, the
  // on-quit care and the LAN door finish, the database closes, then the app quits. Removing the
  // folder before that finished raced with their files (ENOTEMPTY on bottega.db-wal under load).
  calls.appOn.get('window-all-closed')?.();
  if (process.platform !== 'darwin') await vi.waitFor(() => expect(calls.quit).toBe(1), { timeout: 20_000, interval: 20 });
  calls.appOn.get('will-quit')?.();
  delete process.env.BOTTEGA_DB;
  t.cleanup();
});

describe('Electron main process (against a stand-in for electron)', () => {
  it('takes the single-instance lock and focuses the running window on a second launch', () => {
    expect(calls.singleInstance).toBe(1);
    expect(calls.quit).toBe(0);
    calls.appOn.get('second-instance')!();
    expect(calls.windows[0]!.restored).toBe(1);
    expect(calls.windows[0]!.focused).toBe(1);
  });

  it('registers app:// as a standard secure scheme and loads the renderer from it', () => {
    expect(calls.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(calls.protocolHandlers.has('app')).toBe(true);
    expect(calls.windows[0]!.url).toBe('app://bottega/index.html');
  });

  it('opens a sandboxed, context-isolated window without Node, webviews or spell-checker', () => {
    const o = calls.windows[0]!.options as { webPreferences: Record<string, unknown>; width: number; height: number };
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(String(o.webPreferences.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect([o.width, o.height]).toEqual([1360, 860]);
  });

  it('guards every web contents created: navigation away, redirects, webviews and new windows (http links go to the browser)', async () => {
    const on = vi.fn();
    const setWindowOpenHandler = vi.fn();
    const downloadURL = vi.fn();
    calls.appOn.get('web-contents-created')!({}, { on, setWindowOpenHandler, downloadURL });
    const events = new Map(on.mock.calls.map(([e, h]) => [e as string, h as Handler]));
    expect([...events.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    const away = { preventDefault: vi.fn() };
    events.get('will-navigate')!(away, 'https://example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    events.get('will-navigate')!(inside, 'app://bottega/index.html#/orders');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    events.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    const open = setWindowOpenHandler.mock.calls[0]![0] as (d: { url: string }) => { action: string };
    const { shell } = await import('electron');
    expect(open({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(vi.mocked(shell.openExternal).mock.calls).toEqual([['https://example.com/help']]);
    // a PDF the window opens as a blob is downloaded (then shown by the system viewer)
    expect(open({ url: 'blob:app://bottega/5f1c' })).toEqual({ action: 'deny' });
    expect(downloadURL.mock.calls).toEqual([['blob:app://bottega/5f1c']]);
  });

  it('grants no permission, whether requested or checked, and turns the spell-checker off', () => {
    const answer = vi.fn();
    calls.permissionRequest!({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(calls.permissionCheck!({}, 'notifications')).toBe(false);
    expect(calls.spellChecker).toEqual([false]);
  });

  it('answers only its own renderer, only for operations on the window allow-list', async () => {
    expect((await invoke({ senderFrame: { url: 'https://evil.example/' } }, 'system.status')).error?.code).toBe('FORBIDDEN');
    expect((await invoke({ senderFrame: { url: 'file:///tmp/x.html' } }, 'system.status')).error?.code).toBe('FORBIDDEN');
    expect((await invoke(trusted, 'inventory.consume')).error?.code).toBe('FORBIDDEN');
    const status = (await invoke(trusted, 'system.status')) as { ok: boolean; data: { dbPath: string } };
    expect(status.ok).toBe(true);
    expect(status.data.dbPath).toBe(t.dbPath);
  });

  it('builds the menu in the system language (Italian here) and rebuilds it in English when the setting changes', async () => {
    const labels = (m: unknown) => (m as MenuItemConstructorOptions[]).map((x) => x.label);
    expect(labels(calls.menus.at(-1))).toEqual(['File', 'Modifica', 'Vista', 'Aiuto']);
    expect((await invoke(trusted, 'settings.update', { language: 'en' })).ok).toBe(true);
    expect(labels(calls.menus.at(-1))).toEqual(['File', 'Edit', 'View', 'Help']);
    const file = (calls.menus.at(-1) as MenuItemConstructorOptions[])[0]!.submenu as MenuItemConstructorOptions[];
    expect(file.filter((i) => i.id).map((i) => i.id)).toEqual(['backup', 'restore', 'openDataFolder']);
  });

  it('opens PDF downloads in the system viewer and saves them without a dialog', async () => {
    expect(calls.sessionOn.has('will-download')).toBe(true);
    let savedTo = '';
    const item = { getFilename: () => 'DDT-2026-0001.pdf', getMimeType: () => 'application/pdf', setSavePath: (p: string) => void (savedTo = p), getSavePath: () => savedTo, once: vi.fn() };
    calls.sessionOn.get('will-download')!({}, item);
    expect(savedTo).toBe(`${t.dir}/tmp/Bottega documents/DDT-2026-0001.pdf`);
    const { shell } = await import('electron');
    (item.once.mock.calls[0]![1] as Handler)({}, 'completed');
    expect(vi.mocked(shell.openPath).mock.calls).toContainEqual([savedTo]);
    const blob = { getFilename: () => '5f1c', getMimeType: () => 'application/pdf', setSavePath: (p: string) => void (savedTo = p), getSavePath: () => savedTo, once: vi.fn() };
    calls.sessionOn.get('will-download')!({}, blob);
    expect(savedTo).toBe(`${t.dir}/tmp/Bottega documents/5f1c.pdf`);
    const other = { getFilename: () => 'orders.csv', getMimeType: () => 'text/csv', setSavePath: vi.fn(), once: vi.fn() };
    calls.sessionOn.get('will-download')!({}, other);
    expect(other.setSavePath).not.toHaveBeenCalled();
  });

  it('File menu: "Back up now" makes a real backup and shows it; "Restore" opens the Settings restore card', async () => {
    const { shell, dialog } = await import('electron');
    const file = (calls.menus.at(-1) as MenuItemConstructorOptions[])[0]!.submenu as MenuItemConstructorOptions[];
    (file.find((i) => i.id === 'backup')!.click as () => void)();
    await vi.waitFor(() => expect(vi.mocked(shell.showItemInFolder)).toHaveBeenCalledOnce());
    const backup = vi.mocked(shell.showItemInFolder).mock.calls[0]![0];
    expect(existsSync(backup)).toBe(true);
    expect(backup.startsWith(t.dir)).toBe(true);
    await vi.waitFor(() => expect(JSON.stringify(vi.mocked(dialog.showMessageBox).mock.calls.at(-1))).toContain('Backup saved in'));
    (file.find((i) => i.id === 'restore')!.click as () => void)();
    expect(calls.windows[0]!.scripts).toEqual(["location.hash = '#/settings'"]);
  });

  it('remembers the window bounds when it closes', async () => {
    calls.windows[0]!.events.get('close')!();
    const { readWindowState } = await import('../../../src-main/electron/windowState');
    expect(readWindowState(`${t.dir}/window-state.json`)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
  });
});
