import { describe, expect, it, vi } from 'vitest';
import { createTranslator } from '../../../src-shared/i18n';
import { checkForUpdates, updatesPossible, type UpdateDeps, type UpdaterLike } from '../../../src-main/electron/updates';

function setup(opts: { signed?: boolean; packaged?: boolean; latest?: string; answers?: number[]; fail?: string }) {
  const questions: string[] = [];
  const answers = [...(opts.answers ?? [])];
  const updater: UpdaterLike = {
    autoDownload: true,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    checkForUpdates: vi.fn(async () => {
      if (opts.fail) throw new Error(opts.fail);
      return { isUpdateAvailable: opts.latest !== '0.1.0', updateInfo: { version: opts.latest ?? '0.1.0' } };
    }),
    downloadUpdate: vi.fn(async () => []),
    quitAndInstall: vi.fn(),
  };
  const deps: UpdateDeps = {
    build: { packaged: opts.packaged ?? true, signed: opts.signed ?? true },
    currentVersion: '0.1.0',
    updater: vi.fn(async () => updater),
    ask: async (message) => (questions.push(message), answers.shift() ?? 0),
    t: () => createTranslator('en'),
    log: () => undefined,
  };
  return { deps, updater, questions };
}

describe('updates', () => {
  it('are possible only for installed, signed builds', () => {
    expect(updatesPossible({ packaged: true, signed: true })).toBe(true);
    expect(updatesPossible({ packaged: true, signed: false })).toBe(false);
    expect(updatesPossible({ packaged: false, signed: true })).toBe(false);
  });

  it('never load the updater in an unsigned build; asked from the menu, they say why', async () => {
    const quiet = setup({ signed: false });
    expect(await checkForUpdates(quiet.deps, { interactive: false })).toBe('unavailable');
    expect(quiet.deps.updater).not.toHaveBeenCalled();
    expect(quiet.questions).toEqual([]);
    const asked = setup({ signed: false });
    await checkForUpdates(asked.deps, { interactive: true });
    expect(asked.questions[0]).toMatch(/only in signed builds/);
  });

  it('ask before downloading, never downgrade, and install on quit unless the user chooses now', async () => {
    const s = setup({ latest: '0.2.0', answers: [0, 0] });
    expect(await checkForUpdates(s.deps, { interactive: false })).toBe('downloaded');
    expect(s.updater).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: true, allowDowngrade: false });
    expect(s.questions[0]).toMatch(/Bottega 0\.2\.0 is available\. Download it now\?/);
    expect(s.updater.downloadUpdate).toHaveBeenCalledOnce();
    expect(s.questions[1]).toMatch(/installed when you quit/);
    expect(s.updater.quitAndInstall).not.toHaveBeenCalled();

    const now = setup({ latest: '0.2.0', answers: [0, 1] });
    await checkForUpdates(now.deps, { interactive: false });
    expect(now.updater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it('download nothing when the user says later, and stay quiet at start-up when there is nothing new', async () => {
    const later = setup({ latest: '0.2.0', answers: [1] });
    expect(await checkForUpdates(later.deps, { interactive: false })).toBe('declined');
    expect(later.updater.downloadUpdate).not.toHaveBeenCalled();
    const none = setup({ latest: '0.1.0' });
    expect(await checkForUpdates(none.deps, { interactive: false })).toBe('none');
    expect(none.questions).toEqual([]);
  });

  it('report a failed check only when the user asked for it', async () => {
    const s = setup({ fail: 'net::ERR_INTERNET_DISCONNECTED' });
    expect(await checkForUpdates(s.deps, { interactive: true })).toBe('failed');
    expect(s.questions).toEqual(['Could not check for updates: net::ERR_INTERNET_DISCONNECTED']);
  });
});
