/**
 * Opening a saved document with the system's PDF viewer. Only the Electron shell can do
 * it (shell.openPath); it registers itself at start-up. Browser mode and the CLI have no
 * viewer: the renderer then opens the PDF in a new tab instead.
 */
type Viewer = (path: string) => Promise<string>;

let viewer: Viewer | null = null;

/** Electron's main process passes `shell.openPath` (which answers '' on success, else the error). */
export function setSystemViewer(open: Viewer | null): void {
  viewer = open;
}

export async function openInSystemViewer(path: string): Promise<boolean> {
  if (!viewer) return false;
  return (await viewer(path)) === '';
}
