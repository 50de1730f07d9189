import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Envelope } from '../../src-shared/contract/errors';
import { fail, httpStatusOf } from './envelope';
import { CONTENT_SECURITY_POLICY } from './csp';
import { sendFile } from './httpFiles';

/** The browser-mode door: the same registry as IPC, behind loopback, a token, and Host/Origin checks. */
export interface HttpDoorOptions {
  invoke: (name: string, input: unknown) => Envelope<unknown> | Promise<Envelope<unknown>>;
  /** the built renderer (out/renderer); absent means API only */
  staticDir?: string;
  token?: string;
  port?: number;
  /** request bodies larger than this are refused (imports of big files go through here) */
  maxBodyBytes?: number;
  /** files the app made that the page may download (POST /files/<name>, token required): name → path, null when not one */
  fileFor?: (name: string) => string | null;
}

export interface HttpDoor {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** What the browser shows when the screens are not built (out/renderer missing): the one command to run. */
export const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bottega: screens not built</title></head>
<body>
<h1>The screens are not built yet</h1>
<p>This checkout has no <code>out/renderer</code>. Stop this server, run <code>npm run build</code> in the project folder, then start <code>bottega serve</code> again.</p>
<p lang="it">Le schermate non sono ancora compilate: esegui <code>npm run build</code> nella cartella del progetto e riavvia <code>bottega serve</code>.</p>
</body></html>
`;

export function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  // the length said up front: without it the answer went out chunked (three writes, and
  // the client parsing chunk framing) on every call of a keep-alive connection
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...extra,
  });
  res.end(body);
}

export function sendEnvelope(res: ServerResponse, env: Envelope<unknown>, status?: number, extra: Record<string, string> = {}): void {
  send(res, status ?? (env.ok ? 200 : httpStatusOf(env.error.code)), JSON.stringify(env), 'application/json; charset=utf-8', extra);
}

/** A percent-escape that does not decode (`%`, `%E0%A4%A`) is the client's mistake: null, answered with 400. */
export function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export const badUrl = (res: ServerResponse) => sendEnvelope(res, fail('VALIDATION', 'Malformed URL'));

const API_PATH = /^\/api\/[A-Za-z0-9._-]+$/;

/** The path of a request target, or null when it is not one (`//[` reads as a host that is no host). */
export function pathOf(target: string | undefined): string | null {
  const path = (target ?? '/').split(/[?#]/, 1)[0]!;
  // an operation's path (/api/orders.create) is a valid URL path as it is: no URL to build on every call
  if (API_PATH.test(path)) return path;
  if (!path.startsWith('/')) return null;
  try {
    new URL(path, 'http://localhost');
  } catch {
    return null;
  }
  return path;
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The body as text, or null when it is over the limit. Past the limit the rest is read and
 * dropped rather than the socket destroyed, so the client gets its 413 instead of a reset.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else if (chunks.length > 0) chunks.length = 0;
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Who a request is, or the envelope refusing it (a missing or wrong secret, no session). */
export type Admission<W> = { ok: true; who: W } | { ok: false; envelope: Envelope<unknown>; headers?: Record<string, string> };

/**
 * What the two doors share (the local token door here, the LAN door in lanDoor.ts): Host
 * and Origin checks, POST /api/<operation> with a JSON body under a size limit, POST
 * /files/<name>, the built renderer with its CSP, and a guard so no request takes the
 * server down. Each door says who may call (`admit`) and adds its own routes (`before`).
 */
export interface DoorCore<W> {
  invoke: (name: string, input: unknown, who: W) => Envelope<unknown> | Promise<Envelope<unknown>>;
  staticDir?: string;
  maxBodyBytes?: number;
  fileFor?: (name: string) => string | null;
  hostAllowed: (host: string | undefined) => boolean;
  originAllowed: (origin: string | undefined) => boolean;
  admit: (req: IncomingMessage, route: 'api' | 'file') => Admission<W>;
  /** the door's own routes, tried first: true when it answered */
  before?: (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean | Promise<boolean>;
}

export function doorListener<W>(opts: DoorCore<W>): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  const refused = (res: ServerResponse, a: Admission<W>) => {
    if (!a.ok) sendEnvelope(res, a.envelope, undefined, a.headers);
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, name: string) => {
    if (req.method !== 'POST') return sendEnvelope(res, fail('VALIDATION', 'Use POST for /api/<name>'));
    const admitted = opts.admit(req, 'api');
    if (!admitted.ok) return refused(res, admitted);
    const opName = decoded(name);
    if (opName === null) return badUrl(res);
    const tooLarge = () => sendEnvelope(res, fail('VALIDATION', `Request body larger than ${limit} bytes`, { limitBytes: limit }), 413, { Connection: 'close' });
    // a declared length over the limit is answered at once; what the client still sends is read and dropped
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume();
      return tooLarge();
    }
    const body = await readBody(req, limit);
    if (body === null) return tooLarge();
    let input: unknown = {};
    if (body.trim() !== '') {
      try {
        input = JSON.parse(body);
      } catch {
        return sendEnvelope(res, fail('VALIDATION', 'The request body is not valid JSON'));
      }
    }
    sendEnvelope(res, await opts.invoke(opName, input, admitted.who));
  };

  const handleFile = (req: IncomingMessage, res: ServerResponse, name: string) => {
    if (req.method !== 'POST') return sendEnvelope(res, fail('VALIDATION', 'Use POST for /files/<name>'));
    const admitted = opts.admit(req, 'file');
    if (!admitted.ok) return refused(res, admitted);
    const fileName = decoded(name);
    if (fileName === null) return badUrl(res);
    sendFile(res, opts.fileFor?.(fileName) ?? null, fileName);
  };

  const handleStatic = (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const path = decoded(pathname);
    if (path === null) return badUrl(res);
    // a checkout that was never built: say how to build instead of a bare "Not found"
    if (!opts.staticDir) return send(res, 503, NOT_BUILT_PAGE, 'text/html; charset=utf-8', { 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
    const root = normalize(opts.staticDir);
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) return send(res, 403, 'Forbidden', 'text/plain');
    // a client-side route (/recipes/12) gets the app shell
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) return send(res, 503, NOT_BUILT_PAGE, 'text/html; charset=utf-8', { 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    send(res, 200, readFileSync(file), type, type.startsWith('text/html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {});
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!opts.hostAllowed(req.headers.host)) return sendEnvelope(res, fail('FORBIDDEN', 'Host not allowed'));
    if (!opts.originAllowed(req.headers.origin)) return sendEnvelope(res, fail('FORBIDDEN', 'Origin not allowed'));
    const pathname = pathOf(req.url);
    if (pathname === null) return badUrl(res);
    if (opts.before && (await opts.before(req, res, pathname))) return;
    const api = /^\/api\/([^/]+)$/.exec(pathname);
    const file = /^\/files\/([^/]+)$/.exec(pathname);
    if (api) return handleApi(req, res, api[1]!);
    if (file) return handleFile(req, res, file[1]!);
    return handleStatic(req, res, pathname);
  };

  // One request must never take the server down: whatever a handler throws is answered
  // (500: it is our bug, not the client's) and the server goes on.
  const answerFailure = (res: ServerResponse, err: unknown) => {
    if (!res.headersSent) sendEnvelope(res, fail('INTERNAL', err instanceof Error ? err.message : String(err)));
    else res.destroy();
  };
  return (req, res) => {
    route(req, res).catch((err: unknown) => answerFailure(res, err));
  };
}

/** Listens with a deep accept queue; resolves with the port the server got. */
export function listenOn(server: Server | HttpsServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // A deep accept queue: a script or a test firing a thousand calls at once must get
    // answers, not connection resets, while the event loop is busy with a long command.
    server.listen({ port, host, backlog: 4096 }, () => {
      server.off('error', reject);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

/** Closes a door's server, its open keep-alive connections too (an open browser tab would hold the close forever). */
export function closeServer(server: Server | HttpsServer): Promise<void> {
  return new Promise<void>((r) => {
    server.close(() => r());
    server.closeAllConnections();
  });
}

export function startHttpDoor(opts: HttpDoorOptions): Promise<HttpDoor> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = opts.port ?? 0;

  // A web page in the user's browser can reach 127.0.0.1 too: DNS rebinding is stopped by
  // the Host check, cross-site requests by the Origin check, and both by the token.
  const secretOf = (req: IncomingMessage, route: 'api' | 'file') => {
    const auth = req.headers.authorization ?? '';
    if (auth.startsWith('Bearer ')) return auth.slice(7);
    return route === 'api' ? String(req.headers['x-bottega-token'] ?? '') : '';
  };
  const server = createServer(
    doorListener<null>({
      invoke: (name, input) => opts.invoke(name, input),
      staticDir: opts.staticDir,
      maxBodyBytes: opts.maxBodyBytes,
      fileFor: opts.fileFor,
      hostAllowed: (host) => host === `127.0.0.1:${port}` || host === `localhost:${port}`,
      originAllowed: (origin) => origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`,
      admit: (req, route) => {
        const given = secretOf(req, route);
        return given && sameSecret(given, token) ? { ok: true, who: null } : { ok: false, envelope: fail('UNAUTHORIZED', 'Missing or wrong token') };
      },
    }),
  );

  return listenOn(server, '127.0.0.1', port).then((got) => {
    port = got;
    return { server, port, token, url: `http://127.0.0.1:${port}/?token=${token}`, close: () => closeServer(server) };
  });
}
