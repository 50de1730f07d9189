/**
 * A device as the LAN door sees it, for tests and the bench: HTTPS through an agent that
 * trusts exactly one certificate fingerprint (the one the office PC shows) instead of a
 * certificate authority, keep-alive, and a cookie jar (device token, session).
 */
import { Agent, request, type RequestOptions } from 'node:https';
import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import type { Duplex } from 'node:stream';
import { fingerprintOfDer } from '../../src-main/api/lanCertificate';

/** Opens each TLS connection itself and hands it over only when the server's certificate has the pinned fingerprint. */
export class PinnedAgent extends Agent {
  constructor(
    readonly fingerprint: string,
    opts: { keepAlive?: boolean; maxSockets?: number } = {},
  ) {
    super({ keepAlive: opts.keepAlive ?? true, maxSockets: opts.maxSockets ?? 4 });
  }

  override createConnection(options: RequestOptions, done?: (err: Error | null, stream: Duplex) => void): undefined {
    // the chain of a self-signed certificate cannot verify: the fingerprint is the check
    const socket: TLSSocket = connect({ ...(options as ConnectionOptions), rejectUnauthorized: false });
    socket.once('secureConnect', () => {
      const got = fingerprintOfDer(socket.getPeerCertificate().raw);
      if (got === this.fingerprint) return done?.(null, socket);
      socket.destroy();
      done?.(new Error(`Certificate fingerprint ${got} is not the pinned ${this.fingerprint}`), socket);
    });
    socket.once('error', (err) => done?.(err, socket));
    return undefined;
  }
}

export interface LanAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: { ok: boolean; data?: unknown; error?: { code: string; message: string; details: Record<string, unknown> } };
}

export class LanDevice {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly port: number,
    readonly agent: PinnedAgent,
    readonly host = '127.0.0.1',
  ) {}

  send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<LanAnswer> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.host,
          port: this.port,
          path,
          method,
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...(cookie ? { cookie } : {}), ...headers },
        },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (data += c));
          res.on('end', () => {
            for (const line of res.headers['set-cookie'] ?? []) {
              const [pair] = line.split(';');
              const eq = pair!.indexOf('=');
              const name = pair!.slice(0, eq);
              const value = pair!.slice(eq + 1);
              if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
              else this.cookies.set(name, value);
            }
            try {
              resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(data) as LanAnswer['json'] });
            } catch {
              reject(new Error(`HTTP ${res.statusCode}: not JSON: ${data.slice(0, 200)}`));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  }

  pair(code: string, name = 'Test tablet') {
    return this.send('POST', '/auth/pair', { code, name });
  }
  login(login: string, password: string) {
    return this.send('POST', '/auth/login', { login, password });
  }
  logout() {
    return this.send('POST', '/auth/logout');
  }
  call(name: string, input: unknown = {}, headers: Record<string, string> = {}) {
    return this.send('POST', `/api/${encodeURIComponent(name)}`, input, headers);
  }
}
