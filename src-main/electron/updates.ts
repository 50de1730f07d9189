import type { Translator } from '../../src-shared/i18n';

/** The part of electron-updater's autoUpdater we use (a stand-in in tests). */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  checkForUpdates(): Promise<{ isUpdateAvailable?: boolean; updateInfo: { version: string } } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
}

export interface BuildInfo {
  packaged: boolean;
  /** written by the beforePack hook: true when the installer was code-signed */
  signed: boolean;
}

/**
 * Updates come only to signed, installed builds: macOS refuses to update an unsigned app
 * and Windows warns (SmartScreen) on every unsigned installer. A checkout never updates.
 */
export function updatesPossible(build: BuildInfo): boolean {
  return build.packaged && build.signed;
}

export interface UpdateDeps {
  build: BuildInfo;
  currentVersion: string;
  updater: () => Promise<UpdaterLike>;
  /** a question with buttons; resolves to the index of the button chosen */
  ask: (message: string, buttons: string[]) => Promise<number>;
  t: () => Translator;
  log: (line: string) => void;
}

/**
 * Never silent, never in the middle of work: a check finds a version, the user is asked
 * before it downloads, and the download installs when the user quits Bottega (or at once
 * if they choose). Older versions are never offered (allowDowngrade off): an older
 * Bottega refuses a database a newer one has migrated.
 */
export async function checkForUpdates(deps: UpdateDeps, opts: { interactive: boolean }): Promise<'unavailable' | 'none' | 'declined' | 'downloaded' | 'failed'> {
  const t = deps.t();
  if (!updatesPossible(deps.build)) {
    if (opts.interactive) await deps.ask(t('desktop.updates.unavailable'), [t('desktop.ok')]);
    return 'unavailable';
  }
  try {
    const updater = await deps.updater();
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = true;
    updater.allowDowngrade = false;
    const result = await updater.checkForUpdates();
    const version = result?.updateInfo.version;
    if (!result || !version || result.isUpdateAvailable === false || version === deps.currentVersion) {
      if (opts.interactive) await deps.ask(t('desktop.updates.none', { version: deps.currentVersion }), [t('desktop.ok')]);
      return 'none';
    }
    const download = await deps.ask(t('desktop.updates.available', { version }), [t('desktop.updates.download'), t('desktop.updates.later')]);
    if (download !== 0) return 'declined';
    await updater.downloadUpdate();
    const now = await deps.ask(t('desktop.updates.downloaded', { version }), [t('desktop.updates.later'), t('desktop.updates.restartNow')]);
    if (now === 1) updater.quitAndInstall();
    return 'downloaded';
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    deps.log(`update check failed: ${message}`);
    if (opts.interactive) await deps.ask(t('desktop.updates.failed', { message }), [t('desktop.ok')]);
    return 'failed';
  }
}

/** electron-updater, loaded only when a check is due (it reads app-update.yml of the installed app). */
export async function loadAutoUpdater(): Promise<UpdaterLike> {
  const mod = (await import('electron-updater')) as unknown as { autoUpdater?: UpdaterLike; default?: { autoUpdater: UpdaterLike } };
  const updater = mod.autoUpdater ?? mod.default?.autoUpdater;
  if (!updater) throw new Error('electron-updater has no autoUpdater');
  return updater;
}
