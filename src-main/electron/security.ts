// types only: this module runs in tests without Electron (main.ts passes shell.openExternal)
import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './protocol';

/** Only our own renderer (app://bottega/…) may talk to the main process. */
export function isTrustedSender(senderUrl: string | undefined): boolean {
  return senderUrl !== undefined && isAppUrl(senderUrl);
}

/** http(s) links open in the user's browser; anything else (file:, javascript:, custom schemes) is dropped. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Every web contents the app ever creates (the window, a PDF viewer frame, anything a
 * library opens): it never leaves app://bottega, opens no window of its own (links go to
 * the system browser) and attaches no webview.
 */
export function guardContents(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedSender(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedSender(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openExternal(url);
    // a document the window made (blob:app://bottega/…) is downloaded instead, and the
    // download handler (pdfViewer.ts) opens it in the system's PDF viewer
    else if (url.startsWith('blob:app://bottega/')) contents.downloadURL(url);
    return { action: 'deny' };
  });
}

/**
 * Electron's security checklist, app-wide: the guard above on every contents, no
 * permission granted (camera, notifications, geolocation, …) whether asked or merely
 * checked, and no spell-checker (it would download dictionaries from Google).
 */
export function installSecurity(app: App, session: Session, openExternal: (url: string) => Promise<void>): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, openExternal));
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setSpellCheckerEnabled(false);
}
