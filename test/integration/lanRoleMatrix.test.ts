/**
 * The role matrix through the LAN door, over HTTPS: one paired, logged-in device per role,
 * every operation of the contract called by each. A role the operation declares (or the
 * owner) is not refused; any other role gets 403 FORBIDDEN and nothing is written — no
 * change on the connection, no activity entry. The same list as the registry's own test
 * (test/support/roleMatrix.ts), here with the user coming from the session cookie.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLiveApp, type LiveApp } from '../../src-main/api/liveApp';
import { lanControl, type LanControl } from '../../src-main/api/lanControl';
import { ROLES, type Role } from '../../src-shared/contract/accounts';
import { LanDevice, PinnedAgent } from '../support/lanClient';
import { addTestUser } from '../support/lanUsers';
import { NOT_RUN_WHEN_ALLOWED, roleMatrix } from '../support/roleMatrix';
import { tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let live: LiveApp;
let control: LanControl;
const devices = new Map<Role, LanDevice>();

beforeAll(async () => {
  t = tempDir();
  live = openLiveApp(t.dbPath, { program: 'serve', door: 'browser', checkIntegrity: false });
  for (const role of ROLES) addTestUser(live.current()!.ctx.sqlite, `${role}-user`, `${role}-password`, role);
  control = lanControl(live, { port: 0, host: '127.0.0.1', dataFolder: t.dir });
  const status = await control.setEnabled(true);
  for (const role of ROLES) {
    const d = new LanDevice(status.port!, new PinnedAgent(status.fingerprint!, { keepAlive: true, maxSockets: 1 }));
    expect((await d.pair(control.status().pairingCode!, `${role} device`)).json.ok).toBe(true);
    expect((await d.login(`${role}-user`, `${role}-password`)).json.ok).toBe(true);
    devices.set(role, d);
  }
});

afterAll(async () => {
  for (const d of devices.values()) d.agent.destroy();
  await control.close();
  live.close();
  t.cleanup();
});

const sqlite = () => live.current()!.ctx.sqlite;
const changes = () => sqlite().prepare('SELECT total_changes()').pluck().get() as number;
const entries = () => sqlite().prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

describe('role matrix through the HTTPS LAN door', () => {
  it('refuses every role an operation does not declare with 403 FORBIDDEN, writing nothing; lets every declared role (and the owner) in', async () => {
    const cases = roleMatrix();
    const wrong: string[] = [];
    for (const c of cases) {
      if (c.allowed && NOT_RUN_WHEN_ALLOWED.has(c.operation)) continue;
      const before = { changes: changes(), entries: entries() };
      const res = await devices.get(c.role)!.call(c.operation, {});
      const forbidden = res.status === 403 && res.json.error?.code === 'FORBIDDEN';
      if (c.allowed && forbidden) wrong.push(`${c.operation} refused to ${c.role}`);
      if (!c.allowed) {
        if (!forbidden) wrong.push(`${c.operation} not refused to ${c.role}: ${res.status} ${JSON.stringify(res.json).slice(0, 120)}`);
        if (changes() !== before.changes || entries() !== before.entries) wrong.push(`${c.operation} refused to ${c.role} but wrote`);
      }
    }
    expect(wrong).toEqual([]);
    expect(cases.filter((c) => !c.allowed).length).toBeGreaterThan(100);
  });
});
