import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

/**
 * Sends a file the app made (a database backup) as a download. The caller has checked the
 * token; `path` comes from the app's own resolver, never from the request as such.
 */
export function sendFile(res: ServerResponse, path: string | null, downloadName: string): void {
  if (!path || !existsSync(path) || !statSync(path).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
    res.end('Not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(statSync(path).size),
    'Content-Disposition': `attachment; filename="${downloadName.replace(/[^\w.-]/g, '_')}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  createReadStream(path).pipe(res);
}
