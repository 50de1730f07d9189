import { session, shell, type BrowserWindow, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../api/csp';

/** Only our own renderer may talk to the main process. */
export function isTrustedSender(wc: WebContents | null | undefined, senderUrl: string | undefined, rendererUrl: string): boolean {
  if (!wc || !senderUrl) return false;
  try {
    const u = new URL(senderUrl);
    const r = new URL(rendererUrl);
    return u.protocol === r.protocol && u.host === r.host && u.pathname === r.pathname;
  } catch {
    return false;
  }
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

/** Electron's checklist: the window never leaves the app, opens nothing, is granted nothing. */
export function lockDown(win: BrowserWindow, rendererUrl: string): void {
  const wc = win.webContents;
  wc.on('will-navigate', (event, url) => {
    if (url !== rendererUrl) event.preventDefault();
  });
  wc.on('will-redirect', (event) => event.preventDefault());
  wc.on('will-attach-webview', (event) => event.preventDefault());
  wc.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
