import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../api/csp';

/**
 * The renderer is served from app://bottega/ rather than file://: a real origin (so the
 * IPC sender check and navigation guards compare origins), no access to the rest of the
 * disk, and the CSP sent as a real response header on every file.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://bottega';
export const RENDERER_URL = `${APP_ORIGIN}/index.html`;

/**
 * True for app://bottega/… (URL.origin is "null" for a scheme WHATWG does not know, so
 * scheme and host are compared instead).
 */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'bottega';
  } catch {
    return false;
  }
}

/** Must run before app 'ready': a standard, secure scheme, like https for the renderer. */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** A file of the built renderer for an app:// URL, or a 404: never anything outside rendererDir. */
export async function rendererResponse(url: string, rendererDir: string): Promise<Response> {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  const notFound = () => new Response('Not found', { status: 404, headers });
  try {
    if (!isAppUrl(url)) return notFound();
    const u = new URL(url);
    const relative = normalize(decodeURIComponent(u.pathname)).replace(/^[/\\]+/, '') || 'index.html';
    const file = join(rendererDir, relative);
    if (!file.startsWith(rendererDir + sep)) return notFound();
    const body = await readFile(file);
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' } });
  } catch {
    // a missing file, a folder, a malformed URL: the same answer
    return notFound();
  }
}

export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(request.url, rendererDir));
}
