import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import { initialBounds, readWindowState, writeWindowState, type Rect } from './windowState';
import { RENDERER_URL } from './protocol';

/**
 * The window's options: Electron's security checklist (isolated, sandboxed, no Node, web
 * security on, no spell-checker downloads, no webviews), and the last size and position.
 */
export function windowOptions(bounds: Partial<Rect> & { width: number; height: number }, paths: { preload: string; icon: string }): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    title: 'Bottega',
    icon: paths.icon,
    show: false,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

/** Opens the window where it was last closed and remembers its bounds when it closes. */
export function createMainWindow(paths: { preload: string; icon: string; stateFile: string }): BrowserWindow {
  const saved = readWindowState(paths.stateFile);
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  const win = new BrowserWindow(windowOptions(initialBounds(saved, areas), paths));
  if (saved?.maximized) win.maximize();
  win.on('close', () => {
    const b = win.getNormalBounds();
    writeWindowState(paths.stateFile, { ...b, maximized: win.isMaximized() });
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(RENDERER_URL);
  return win;
}
