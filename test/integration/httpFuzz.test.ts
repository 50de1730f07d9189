/**
 * The browser-mode door against whatever a client may send: a real `bottega serve`
 * process, raw sockets, request lines and headers made by fast-check. The server must
 * answer every request with a well-formed HTTP status (never 500: garbage is the
 * client's fault) and must still be there afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import fc from 'fast-check';
import { tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let server: ChildProcess;
let port = 0;
const token = 'fuzz-token-0123456789';

beforeAll(async () => {
  t = tempDir();
  server = spawn(process.execPath, ['bin/bottega.mjs', '--db', t.dbPath, '--json', 'serve', '--port', '0'], {
    env: { ...process.env, BOTTEGA_FROM_SOURCE: '1', BOTTEGA_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  port = await new Promise<number>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}, 60_000);

afterAll(() => {
  server.kill('SIGTERM');
  t.cleanup();
});

/**
 * Sends raw bytes, returns the first response line ('' when the server closed the socket
 * without one); a server that no longer accepts connections fails the test.
 */
function raw(bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1');
    let got = '';
    let connected = false;
    sock.on('connect', () => (connected = true));
    sock.on('data', (c: Buffer) => {
      got += c.toString('latin1');
      if (got.includes('\r\n')) sock.destroy();
    });
    sock.on('close', () => (connected ? resolve(got.split('\r\n', 1)[0] ?? '') : reject(new Error('the server is gone'))));
    sock.on('error', () => undefined);
    sock.write(bytes);
    // half-close: a request that waits for more bytes is then answered or dropped
    setTimeout(() => sock.end(), 50);
  });
}

const request = (target: string, headers: string[] = [], method = 'GET', body = '') =>
  raw(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headers.map((h) => `${h}\r\n`).join('')}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);

function statusOf(line: string): number {
  const m = /^HTTP\/1\.[01] (\d{3}) /.exec(line);
  return m ? Number(m[1]) : 0;
}

async function stillServes(): Promise<void> {
  expect(statusOf(await request('/api/system.status', [`Authorization: Bearer ${token}`], 'POST', '{}'))).toBe(200);
}

describe('HTTP door under malformed requests', () => {
  it('answers 400 to URLs whose percent-escapes do not decode, with or without the token, and stays up', async () => {
    for (const target of ['/%', '/%E0%A4%A', '//[', '/files/%E0%A4%A']) {
      expect(statusOf(await request(target)), target).toBe(400);
    }
    expect(statusOf(await request('/api/%E0%A4%A', [`Authorization: Bearer ${token}`], 'POST', '{}'))).toBe(400);
    await stillServes();
  });

  it('never dies and always answers a well-formed non-500 status, whatever the request line and headers', async () => {
    const urlChar = fc.constantFrom(...'/%[]{}?#.:@!$&\'()*+,;=-_~aZ09 \u00e0\u0000\t\\'.split(''), '%E0', '%A4', '%2F', '%00', '%ZZ', 'api/', 'files/');
    const target = fc.oneof(
      fc.array(urlChar, { maxLength: 24 }).map((cs) => `/${cs.join('')}`),
      fc.array(urlChar, { maxLength: 24 }).map((cs) => `/api/${cs.join('')}`),
      fc.string({ maxLength: 30 }),
    );
    const method = fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'BREW', 'get', '');
    const headerName = fc.constantFrom('Authorization', 'Origin', 'Content-Type', 'Content-Length', 'Transfer-Encoding', 'X-Bottega-Token', 'Cookie', 'Accept', 'X');
    const headerValue = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(`Bearer ${token}`, 'Bearer ', 'chunked', '-1', '99999999999999999999', `http://127.0.0.1:${port}`));
    const headers = fc.array(fc.tuple(headerName, headerValue).map(([n, v]) => `${n}: ${v}`), { maxLength: 4 });
    const body = fc.oneof(fc.constant(''), fc.string({ maxLength: 60 }), fc.json());

    await fc.assert(
      fc.asyncProperty(method, target, headers, body, async (m, tg, hs, b) => {
        const line = await raw(`${m} ${tg} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${hs.map((h) => `${h}\r\n`).join('')}\r\n${b}`);
        // a request the HTTP parser rejects may be answered 400 by Node itself, or the socket dropped: never a 500
        if (line !== '') {
          const status = statusOf(line);
          expect(status, `${JSON.stringify(line)} for ${m} ${JSON.stringify(tg)} ${JSON.stringify(hs)}`).toBeGreaterThanOrEqual(200);
          expect(status).not.toBe(500);
        }
        expect(server.exitCode).toBeNull();
      }),
      { numRuns: 300 },
    );
    await stillServes();
    expect(server.exitCode).toBeNull();
  }, 120_000);

  it('answers a body over the limit with 413 and an envelope, not a reset', async () => {
    // the serve door's limit is 64 MB: a declared length over it is refused before a byte is read
    const line = await raw(`POST /api/catalog.createItem HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${64 * 1024 * 1024 + 1}\r\n\r\n{"sku":`);
    expect(statusOf(line)).toBe(413);
    await stillServes();
  });
});
