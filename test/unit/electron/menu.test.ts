import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { createTranslator } from '../../../src-shared/i18n';
import { menuTemplate, type MenuActions } from '../../../src-main/electron/menu';

const actions = (): MenuActions => ({ backup: vi.fn(), restore: vi.fn(), openDataFolder: vi.fn(), about: vi.fn(), openLogs: vi.fn(), checkUpdates: vi.fn() });
const sub = (m: MenuItemConstructorOptions) => m.submenu as MenuItemConstructorOptions[];

describe('application menu', () => {
  it('has File (backup, restore, data folder), Edit, View and Help (updates, logs, about) in Italian and English', () => {
    const it_ = menuTemplate(createTranslator('it'), { platform: 'win32', packaged: true }, actions());
    expect(it_.map((m) => m.label)).toEqual(['File', 'Modifica', 'Vista', 'Aiuto']);
    expect(sub(it_[0]!).filter((i) => i.label).map((i) => i.label)).toEqual(['Backup adesso', 'Ripristina da un backup…', 'Apri la cartella dei dati', 'Esci']);
    expect(sub(it_[3]!).filter((i) => i.id).map((i) => i.label)).toEqual(['Cerca aggiornamenti…', 'Apri i log', 'Informazioni su Bottega']);
    const en = menuTemplate(createTranslator('en'), { platform: 'win32', packaged: true }, actions());
    expect(sub(en[3]!).filter((i) => i.id).map((i) => i.label)).toEqual(['Check for updates…', 'Open logs', 'About Bottega']);
  });

  it('runs the matching action for each item', () => {
    const a = actions();
    const menu = menuTemplate(createTranslator('en'), { platform: 'linux', packaged: true }, a);
    const all = menu.flatMap(sub);
    for (const id of ['backup', 'restore', 'openDataFolder', 'about', 'openLogs', 'checkUpdates'] as const) {
      const item = all.find((i) => i.id === id)!;
      (item.click as () => void)();
      expect(a[id]).toHaveBeenCalledOnce();
    }
  });

  it('keeps reload and developer tools out of installed builds', () => {
    const roles = (packaged: boolean) => sub(menuTemplate(createTranslator('en'), { platform: 'win32', packaged }, actions())[2]!).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('on macOS puts About and Quit in the Bottega menu and adds the Window menu', () => {
    const mac = menuTemplate(createTranslator('en'), { platform: 'darwin', packaged: true }, actions());
    expect(mac.map((m) => m.label)).toEqual(['Bottega', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(sub(mac[0]!).map((i) => i.id ?? i.role).filter(Boolean)).toEqual(['about', 'hide', 'hideOthers', 'unhide', 'quit']);
  });
});
