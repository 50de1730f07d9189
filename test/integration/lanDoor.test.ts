import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openLiveApp, type LiveApp } from '../../src-main/api/liveApp';
import { lanControl, type LanControl } from '../../src-main/api/lanControl';
import { DEVICE_COOKIE, SESSION_COOKIE } from '../../src-main/api/lanDoor';
import type { LanStatus } from '../../src-shared/contract/devices';
import { LanDevice, PinnedAgent } from '../support/lanClient';
import { addTestUser } from '../support/lanUsers';
import { tempDir } from '../support/tempDir';

/**
 * The LAN door end to end over real HTTPS on 127.0.0.1: a real database file, the real
 * certificate made in the temp folder, a client that pins its fingerprint. The door's
 * clock is a number the tests move (idle timeout, rate-limit windows) instead of waiting.
 */
let t: ReturnType<typeof tempDir>;
let live: LiveApp;
let control: LanControl;
let status: LanStatus;
let clock = Date.parse('2026-10-01T08:00:00Z');
const IDLE_MS = 10 * 60 * 1000;
let localInvoke: (name: string, input: unknown) => ReturnType<LiveApp['invoke']>;

const device = () => new LanDevice(status.port!, new PinnedAgent(status.fingerprint!));

async function pairedDevice(): Promise<LanDevice> {
  const d = device();
  const code = control.status().pairingCode!;
  const res = await d.pair(code);
  expect(res.status).toBe(200);
  return d;
}

async function loggedIn(login = 'anna', password = 'anna-password'): Promise<LanDevice> {
  const d = await pairedDevice();
  const res = await d.login(login, password);
  expect(res.json.ok).toBe(true);
  return d;
}

beforeAll(async () => {
  t = tempDir();
  live = openLiveApp(t.dbPath, { program: 'serve', door: 'browser', checkIntegrity: false });
  addTestUser(live.current()!.ctx.sqlite, 'anna', 'anna-password', 'office', 'Anna Rossi');
  addTestUser(live.current()!.ctx.sqlite, 'marco', 'marco-password', 'packing', 'Marco');
  control = lanControl(live, {
    port: 0,
    host: '127.0.0.1',
    dataFolder: t.dir,
    now: () => clock,
    idleMs: IDLE_MS,
    loginLimits: { max: 3, windowMs: 60_000 },
    pairingLimits: { max: 3, windowMs: 60_000 },
  });
  localInvoke = control.wrap(live.invoke);
  const on = await localInvoke('lan.setEnabled', { enabled: true });
  expect(on.ok).toBe(true);
  status = (on as { data: LanStatus }).data;
});

afterAll(async () => {
  await control.close();
  live.close();
  t.cleanup();
});

describe('certificate and HTTPS', () => {
  it('switching on answers the addresses, the SHA-256 fingerprint (text and QR) and a pairing code', () => {
    expect(status.enabled).toBe(true);
    expect(status.urls).toContain(`https://127.0.0.1:${status.port}/`);
    expect(status.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(status.fingerprintQrSvg).toMatch(/^<svg /);
    expect(status.pairingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it('keeps the key in the data folder readable by its owner only', () => {
    expect(statSync(join(t.dir, 'lan', 'key.pem')).mode & 0o777).toBe(0o600);
  });

  it('a client pinning the shown fingerprint talks to the door', async () => {
    const res = await device().send('GET', '/auth/me');
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual({ paired: false, deviceName: null, user: null });
  });

  it('a client pinning another fingerprint refuses the connection before sending anything', async () => {
    const other = new LanDevice(status.port!, new PinnedAgent(status.fingerprint!.replace(/^../, status.fingerprint!.startsWith('00') ? '11' : '00')));
    await expect(other.send('GET', '/auth/me')).rejects.toThrow(/is not the pinned/);
  });
});

describe('pairing', () => {
  it('a wrong code is refused with a clear message and pairs nothing', async () => {
    const res = await device().pair('WRONG-CODE');
    expect(res.status).toBe(401);
    expect(res.json.error!.message).toMatch(/Wrong pairing code/);
    expect(res.json.error!.details.reason).toBe('wrong_pairing_code');
    const list = await localInvoke('devices.list', {});
    expect(((list as { data: unknown }).data as { devices: unknown[] }).devices).toHaveLength(0);
  });

  it('after too many wrong codes the address waits (429, Retry-After) even with the right code, until the window passes', async () => {
    const d = device();
    await d.pair('NOPE-0002');
    await d.pair('NOPE-0003');
    const blocked = await d.pair(control.status().pairingCode!);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json.error!.code).toBe('RATE_LIMITED');
    clock += 61_000;
    const ok = await d.pair(control.status().pairingCode!);
    expect(ok.status).toBe(200);
    expect(d.cookies.has(DEVICE_COOKIE)).toBe(true);
  });

  it('the right code pairs once: the device gets an HttpOnly Secure SameSite=Strict token, the code is spent', async () => {
    const code = control.status().pairingCode!;
    const d = device();
    const res = await d.pair(code, 'Packing tablet');
    expect(res.json.ok).toBe(true);
    const set = String(res.headers['set-cookie']);
    expect(set).toMatch(new RegExp(`^${DEVICE_COOKIE}=`));
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/Secure/);
    expect(set).toMatch(/SameSite=Strict/);
    expect((await device().pair(code)).status).toBe(401);
    const me = await d.send('GET', '/auth/me');
    expect(me.json.data).toMatchObject({ paired: true, deviceName: 'Packing tablet', user: null });
  });
});

describe('login, session, logout', () => {
  it('an API call from a paired device without a login is refused', async () => {
    const d = await pairedDevice();
    const res = await d.call('system.status');
    expect(res.status).toBe(401);
    expect(res.json.error!.details.reason).toBe('no_session');
  });

  it('login sets a session cookie (HttpOnly, Secure, SameSite=Strict); the API then runs as that user and the log names them', async () => {
    const d = await pairedDevice();
    const res = await d.login('Anna', 'anna-password');
    expect(res.json.data).toEqual({ user: { login: 'anna', name: 'Anna Rossi', role: 'office' } });
    const set = String(res.headers['set-cookie']);
    expect(set).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(set).toMatch(/HttpOnly; Secure; SameSite=Strict/);
    expect((await d.call('system.status')).json.ok).toBe(true);
    const made = await d.call('parties.createCustomer', { name: 'Bar Centrale' });
    expect(made.json.ok).toBe(true);
    const log = await localInvoke('audit.list', {});
    const entry = ((log as { data: unknown }).data as { rows: { operation: string; door: string; actor: { kind: string; name: string } }[] }).rows.find((e) => e.operation === 'parties.createCustomer');
    expect(entry).toMatchObject({ door: 'lan', actor: { kind: 'account', name: 'anna' } });
  });

  it('a device without the pairing cannot log in at all', async () => {
    const res = await device().login('anna', 'anna-password');
    expect(res.status).toBe(401);
    expect(res.json.error!.details.reason).toBe('not_paired');
  });

  it('the session ends after the idle timeout, and lives on while used', async () => {
    const d = await loggedIn();
    clock += IDLE_MS - 1000;
    expect((await d.call('system.status')).status).toBe(200);
    clock += IDLE_MS - 1000;
    expect((await d.call('system.status')).status).toBe(200);
    clock += IDLE_MS + 1000;
    const res = await d.call('system.status');
    expect(res.status).toBe(401);
    expect(res.json.error!.details.reason).toBe('no_session');
  });

  it('logout ends the session: the next call is refused', async () => {
    const d = await loggedIn();
    expect((await d.logout()).json.ok).toBe(true);
    expect((await d.call('system.status')).status).toBe(401);
  });

  it('wrong passwords are rate-limited (per login, device and address): 429 with Retry-After, even for the right password from another device, until the window passes', async () => {
    const a = await pairedDevice();
    for (let i = 0; i < 3; i++) expect((await a.login('marco', `wrong-${i}`)).status).toBe(401);
    const b = await pairedDevice();
    const blocked = await b.login('marco', 'marco-password');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    clock += 61_000;
    expect((await b.login('marco', 'marco-password')).json.ok).toBe(true);
  });
});

describe('revoking and the origin check', () => {
  it('a revoked device is refused at its next call, and cannot log in again', async () => {
    const d = await loggedIn();
    const me = await d.send('GET', '/auth/me');
    expect(me.json.data).toMatchObject({ paired: true, user: { login: 'anna' } });
    const list = ((await localInvoke('devices.list', {})) as { data: unknown }).data as { devices: { id: number; lastSeenAt: string | null }[] };
    const newest = list.devices[0]!;
    expect(newest.lastSeenAt).not.toBeNull();
    const revoked = await localInvoke('devices.revoke', { id: newest.id });
    expect(revoked.ok).toBe(true);
    const res = await d.call('system.status');
    expect(res.status).toBe(401);
    expect(res.json.error!.details.reason).toBe('not_paired');
    expect((await d.login('anna', 'anna-password')).json.error!.details.reason).toBe('not_paired');
  });

  it("accepts the door's own HTTPS origin and refuses any other origin or host", async () => {
    const d = await loggedIn();
    expect((await d.call('system.status', {}, { origin: `https://127.0.0.1:${status.port}` })).status).toBe(200);
    const foreign = await d.call('system.status', {}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error!.message).toMatch(/Origin/);
    expect((await d.call('system.status', {}, { origin: `http://127.0.0.1:${status.port}` })).status).toBe(403);
    expect((await d.call('system.status', {}, { host: `evil.example:${status.port}` })).status).toBe(403);
  });

  it('a backup file is the owner\'s only: another role asking /files/ gets 403', async () => {
    const d = await loggedIn();
    const res = await d.send('POST', '/files/bottega-manual.db');
    expect(res.status).toBe(403);
    expect(res.json.error!.message).toMatch(/may not download backups/);
  });

  it('a tablet cannot read the pairing code or switch the door: lan.* through the LAN door are refused', async () => {
    const d = await loggedIn();
    const res = await d.call('lan.newPairingCode');
    expect(res.json.ok).toBe(false);
    expect((await d.call('lan.status')).json.data ?? null).not.toMatchObject({ pairingCode: expect.any(String) });
  });

  it('switching off closes the door', async () => {
    const off = await control.setEnabled(false);
    expect(off).toMatchObject({ enabled: false, pairingCode: null, urls: [] });
    await expect(device().send('GET', '/auth/me')).rejects.toThrow();
    status = await control.setEnabled(true);
    expect((await device().send('GET', '/auth/me')).status).toBe(200);
  });
});
