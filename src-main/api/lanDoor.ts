/**
 * The door for other devices on the workshop's network: HTTPS on every interface, with
 * the same API, files and screens as the local door (http.ts's doorListener), but a
 * person instead of a per-launch token:
 *
 * 1. a new device types the pairing code shown on the office PC (POST /auth/pair) and
 *    gets a device token, kept as an HttpOnly cookie (only its hash is stored: devices);
 * 2. a person logs in on a paired device (POST /auth/login {login, password}) and gets a
 *    session cookie (HttpOnly, Secure, SameSite=Strict) that ends after an idle time;
 * 3. every POST /api/<operation> carries both; the registry gets the logged-in user as
 *    the caller and enforces the roles.
 *
 * Failed logins and pairing codes are counted per device/address and per login, and
 * answered 429 with Retry-After past the limit.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Envelope } from '../../src-shared/contract/errors';
import type { Caller } from '../../src-shared/contract/accounts';
import type { Ctx } from './context';
import { fail, ok } from './envelope';
import { closeServer, doorListener, listenOn, readBody, sendEnvelope, type Admission } from './http';
import type { LanCertificate, LanIdentity } from './lanCertificate';
import { attemptCounter, type AttemptLimits } from './lanAttempts';
import { sessionStore } from './lanSessions';
import { checkPairingCode, newPairingCode, type PairingCode } from './lanPairing';
import { deviceByToken, deviceSeen, pairDevice } from '../modules/devices/store';
import { checkLogin, currentCaller } from '../modules/accounts/login';
import { writeEntry } from '../modules/audit/record';

export type AccountCaller = Extract<Caller, { kind: 'account' }>;

export interface LanDoorOptions {
  certificate: LanCertificate;
  /** the open database's context (null while the file is damaged: the door then refuses) */
  ctx: () => Ctx | null;
  invoke: (name: string, input: unknown, caller: AccountCaller) => Envelope<unknown> | Promise<Envelope<unknown>>;
  staticDir?: string;
  fileFor?: (name: string) => string | null;
  /** 0: any free port (tests); the app uses a fixed one so a device's bookmark keeps working */
  port?: number;
  /** '::' (every interface, IPv4 too) unless a test narrows it */
  host?: string;
  now?: () => number;
  idleMs?: number;
  pairingValidMs?: number;
  loginLimits?: AttemptLimits;
  pairingLimits?: AttemptLimits;
}

export interface LanDoor {
  server: Server;
  port: number;
  /** https://host:port/ for each name and address in the certificate */
  urls: string[];
  fingerprint: string;
  pairing(): PairingCode;
  newPairing(): PairingCode;
  /** ends the sessions of a device the owner revoked (its next call is refused anyway) */
  forgetDevice(deviceId: number): void;
  close(): Promise<void>;
}

export const SESSION_COOKIE = '__Host-bottega_session';
export const DEVICE_COOKIE = '__Host-bottega_device';
export const DEFAULT_LAN_PORT = 47443;
const DEVICE_COOKIE_DAYS = 400;

const pairInput = z.object({ code: z.string().max(40), name: z.string().trim().min(1).max(60).default('Device') });
const loginInput = z.object({ login: z.string().max(200), password: z.string().max(400) });

function cookiesOf(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

const cookie = (name: string, value: string, maxAgeSeconds?: number) =>
  `${name}=${value}; Path=/; HttpOnly; Secure; SameSite=Strict${maxAgeSeconds !== undefined ? `; Max-Age=${maxAgeSeconds}` : ''}`;

/** host:port as a browser writes it in Host and Origin (IPv6 in brackets). */
export function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The addresses to show, the ones a device can use first: hostname, LAN addresses, then loopback. */
export function lanUrls(identity: LanIdentity, port: number): string[] {
  const loop = (h: string) => h === 'localhost' || h === '127.0.0.1' || h === '::1';
  const names = identity.names.filter((n) => !loop(n));
  const ips = [...identity.ips.filter((i) => !loop(i) && !i.includes(':')), ...identity.ips.filter((i) => !loop(i) && i.includes(':'))];
  return [...names, ...ips, '127.0.0.1'].map((h) => `https://${hostPort(h, port)}/`);
}

export async function startLanDoor(opts: LanDoorOptions): Promise<LanDoor> {
  const now = opts.now ?? (() => Date.now());
  const pairingValidMs = opts.pairingValidMs ?? 10 * 60 * 1000;
  const sessions = sessionStore(opts.idleMs ?? 30 * 60 * 1000, now);
  const loginAttempts = attemptCounter(opts.loginLimits ?? { max: 5, windowMs: 5 * 60 * 1000 }, now);
  const pairAttempts = attemptCounter(opts.pairingLimits ?? { max: 5, windowMs: 5 * 60 * 1000 }, now);
  let pairing = newPairingCode(now(), pairingValidMs);
  let port = opts.port ?? DEFAULT_LAN_PORT;
  // every request checks its Host (and Origin) against these: made once per port, not per request
  let hostsFor = { port: -1, hosts: new Set<string>(), origins: new Set<string>() };
  const allowed = () => {
    if (hostsFor.port !== port) {
      const hosts = [...opts.certificate.identity.names, ...opts.certificate.identity.ips].map((h) => hostPort(h, port));
      hostsFor = { port, hosts: new Set(hosts), origins: new Set(hosts.map((h) => `https://${h}`)) };
    }
    return hostsFor;
  };

  const addressOf = (req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown';
  const tooMany = (res: ServerResponse, seconds: number, what: string) =>
    sendEnvelope(res, fail('RATE_LIMITED', `Too many wrong ${what}: try again in ${seconds} s`, { retryAfterSeconds: seconds }), 429, { 'Retry-After': String(seconds) });

  /** The paired device the request comes from, or null. */
  const deviceOf = (req: IncomingMessage, cookies = cookiesOf(req)) => {
    const ctx = opts.ctx();
    const token = cookies.get(DEVICE_COOKIE) ?? '';
    return ctx && token ? deviceByToken(ctx, token) : null;
  };

  const jsonBody = async <T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.output<T> | null> => {
    const text = await readBody(req, 16 * 1024);
    try {
      const parsed = schema.safeParse(JSON.parse(text ?? ''));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };

  const pair = async (req: IncomingMessage, res: ServerResponse) => {
    const ip = `ip:${addressOf(req)}`;
    const wait = pairAttempts.retryAfter(ip);
    if (wait > 0) return tooMany(res, wait, 'pairing codes');
    const input = await jsonBody(req, pairInput);
    if (!input) return sendEnvelope(res, fail('VALIDATION', 'Send JSON {code, name}', { field: 'code' }));
    const verdict = checkPairingCode(pairing, input.code, now());
    if (verdict !== 'ok') {
      pairAttempts.failed(ip);
      const message =
        verdict === 'expired'
          ? 'This pairing code has expired: make a new one on the office PC (Settings → Other devices)'
          : 'Wrong pairing code: type the code shown on the office PC (Settings → Other devices)';
      return sendEnvelope(res, fail('UNAUTHORIZED', message, { field: 'code', reason: verdict === 'expired' ? 'pairing_expired' : 'wrong_pairing_code' }));
    }
    const ctx = opts.ctx();
    if (!ctx) return sendEnvelope(res, fail('DB_DAMAGED', 'The database is not open on the office PC'));
    pairAttempts.succeeded(ip);
    // a code pairs one device: the next device needs the next code
    pairing = newPairingCode(now(), pairingValidMs);
    const { token, device } = ctx.sqlite
      .transaction(() => {
        const made = pairDevice(ctx, input.name);
        writeEntry(ctx, 'lan', 'devices.pair', { name: input.name }, [`devices/${made.device.id}`]);
        return made;
      })
      .immediate();
    sendEnvelope(res, ok({ device }), 200, { 'Set-Cookie': cookie(DEVICE_COOKIE, token, DEVICE_COOKIE_DAYS * 24 * 3600) });
  };

  const login = async (req: IncomingMessage, res: ServerResponse) => {
    const device = deviceOf(req);
    if (!device) return sendEnvelope(res, fail('UNAUTHORIZED', 'This device is not paired: type the pairing code first', { reason: 'not_paired' }));
    const input = await jsonBody(req, loginInput);
    if (!input) return sendEnvelope(res, fail('VALIDATION', 'Send JSON {login, password}', { field: 'login' }));
    const keys = [`device:${device.id}`, `ip:${addressOf(req)}`, `login:${input.login.trim().toLowerCase()}`];
    const wait = Math.max(...keys.map((k) => loginAttempts.retryAfter(k)));
    if (wait > 0) return tooMany(res, wait, 'logins');
    const ctx = opts.ctx();
    if (!ctx) return sendEnvelope(res, fail('DB_DAMAGED', 'The database is not open on the office PC'));
    const caller = checkLogin(ctx, input.login, input.password);
    if (!caller) {
      for (const k of keys) loginAttempts.failed(k);
      return sendEnvelope(res, fail('UNAUTHORIZED', 'Wrong login or password', { field: 'password', reason: 'wrong_login' }));
    }
    for (const k of keys) loginAttempts.succeeded(k);
    ctx.sqlite.transaction(() => deviceSeen(ctx, device.id)).immediate();
    const id = sessions.open(caller.userId, device.id);
    sendEnvelope(res, ok({ user: { login: caller.login, name: caller.name, role: caller.role } }), 200, { 'Set-Cookie': cookie(SESSION_COOKIE, id) });
  };

  const logout = (req: IncomingMessage, res: ServerResponse) => {
    const id = cookiesOf(req).get(SESSION_COOKIE);
    if (id) sessions.close(id);
    sendEnvelope(res, ok({ loggedOut: true }), 200, { 'Set-Cookie': cookie(SESSION_COOKIE, '', 0) });
  };

  /** Who calls: a live session on a paired device of a user still active. */
  const callerOf = (req: IncomingMessage): Admission<AccountCaller> => {
    const cookies = cookiesOf(req);
    const device = deviceOf(req, cookies);
    if (!device) return { ok: false, envelope: fail('UNAUTHORIZED', 'This device is not paired (or was revoked): pair it again', { reason: 'not_paired' }) };
    const session = sessions.touch(cookies.get(SESSION_COOKIE) ?? '');
    const ctx = opts.ctx();
    const caller = session && session.deviceId === device.id && ctx ? currentCaller(ctx, session.userId) : null;
    if (!caller) return { ok: false, envelope: fail('UNAUTHORIZED', 'Not logged in, or the session ended: log in again', { reason: 'no_session' }) };
    return { ok: true, who: caller };
  };

  const me = (req: IncomingMessage, res: ServerResponse) => {
    const device = deviceOf(req);
    const who = device ? callerOf(req) : null;
    const user = who?.ok ? { login: who.who.login, name: who.who.name, role: who.who.role } : null;
    sendEnvelope(res, ok({ paired: device !== null, deviceName: device?.name ?? null, user }));
  };

  const server = createServer(
    { cert: opts.certificate.cert, key: opts.certificate.key, minVersion: 'TLSv1.2' },
    doorListener<AccountCaller>({
      invoke: opts.invoke,
      staticDir: opts.staticDir,
      fileFor: opts.fileFor,
      hostAllowed: (host) => host !== undefined && allowed().hosts.has(host.toLowerCase()),
      originAllowed: (origin) => origin === undefined || allowed().origins.has(origin.toLowerCase()),
      admit: (req, route) => {
        const who = callerOf(req);
        // /files/ hands out backups of the whole database: the owner's only
        if (route === 'file' && who.ok && who.who.role !== 'owner') return { ok: false, envelope: fail('FORBIDDEN', `The role ${who.who.role} may not download backups`, { role: who.who.role }) };
        return who;
      },
      before: async (req, res, pathname) => {
        if (!pathname.startsWith('/auth/')) return false;
        const route = `${req.method} ${pathname}`;
        if (route === 'GET /auth/me') me(req, res);
        else if (route === 'POST /auth/pair') await pair(req, res);
        else if (route === 'POST /auth/login') await login(req, res);
        else if (route === 'POST /auth/logout') logout(req, res);
        else sendEnvelope(res, fail('NOT_FOUND', `No such route: ${route}`));
        return true;
      },
    }),
  );
  // keep-alive devices (the bench's, a tablet's) reuse their TLS connection
  server.keepAliveTimeout = 65_000;

  port = await listenOn(server, opts.host ?? '::', port);
  return {
    server,
    port,
    urls: lanUrls(opts.certificate.identity, port),
    fingerprint: opts.certificate.fingerprint,
    pairing: () => {
      if (now() > pairing.expiresAt) pairing = newPairingCode(now(), pairingValidMs);
      return pairing;
    },
    newPairing: () => (pairing = newPairingCode(now(), pairingValidMs)),
    forgetDevice: (deviceId) => sessions.closeDevice(deviceId),
    close: () => closeServer(server),
  };
}
