import type { MenuItemConstructorOptions } from 'electron';
import type { Translator } from '../../src-shared/i18n';

export interface MenuActions {
  backup(): void;
  restore(): void;
  openDataFolder(): void;
  about(): void;
  openLogs(): void;
  checkUpdates(): void;
}

/**
 * The application menu in the app's language. Edit and View use Electron's roles (copy,
 * paste, zoom, full screen: the OS's own words where it has them); the rest are ours.
 * Reload and developer tools stay out of packaged builds.
 */
export function menuTemplate(t: Translator, opts: { platform: NodeJS.Platform; packaged: boolean }, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: t('desktop.menu.file'),
    submenu: [
      { id: 'backup', label: t('desktop.menu.backup'), accelerator: 'CmdOrCtrl+Shift+B', click: () => actions.backup() },
      { id: 'restore', label: t('desktop.menu.restore'), click: () => actions.restore() },
      { type: 'separator' },
      { id: 'openDataFolder', label: t('desktop.menu.openDataFolder'), click: () => actions.openDataFolder() },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: t('desktop.menu.quit') } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: t('desktop.menu.edit'),
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const view: MenuItemConstructorOptions = {
    label: t('desktop.menu.view'),
    submenu: [
      ...(opts.packaged ? [] : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: t('desktop.menu.help'),
    submenu: [
      { id: 'checkUpdates', label: t('desktop.menu.checkUpdates'), click: () => actions.checkUpdates() },
      { id: 'openLogs', label: t('desktop.menu.openLogs'), click: () => actions.openLogs() },
      ...(mac ? [] : [{ type: 'separator' } as const, { id: 'about', label: t('desktop.menu.about'), click: () => actions.about() }]),
    ],
  };
  const appMenu: MenuItemConstructorOptions = {
    label: 'Bottega',
    submenu: [
      { id: 'about', label: t('desktop.menu.about'), click: () => actions.about() },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit', label: t('desktop.menu.quit') },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu', label: t('desktop.menu.window') };
  return mac ? [appMenu, file, edit, view, windowMenu, help] : [file, edit, view, help];
}
