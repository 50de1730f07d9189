/**
 * The role matrix at the registry, on a real database: for every operation and every
 * role, a role the operation declares (or the owner) is not refused; any other role gets
 * FORBIDDEN, and nothing is written — no change on the connection, no activity entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { openLiveApp } from '../../src-main/api/liveApp';
import { callerOf, NOT_RUN_WHEN_ALLOWED, roleMatrix } from '../support/roleMatrix';
import { fixedClock, tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;

beforeAll(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock() });
});
afterAll(() => {
  app.close();
  t.cleanup();
});

const changes = () => app.ctx.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
const entries = () => app.ctx.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

describe('role matrix through the registry', () => {
  it('refuses every role an operation does not declare with FORBIDDEN, writing nothing; lets every declared role (and the owner) in', async () => {
    const cases = roleMatrix();
    expect(new Set(cases.map((c) => c.operation)).size).toBeGreaterThan(190);
    const wrong: string[] = [];
    for (const c of cases) {
      if (c.allowed && NOT_RUN_WHEN_ALLOWED.has(c.operation)) continue;
      const before = { changes: changes(), entries: entries() };
      const res = await app.invokeAsync(c.operation, {}, { caller: callerOf(c.role) });
      const forbidden = !res.ok && res.error.code === 'FORBIDDEN';
      if (c.allowed && forbidden) wrong.push(`${c.operation} refused to ${c.role}`);
      if (!c.allowed) {
        if (!forbidden) wrong.push(`${c.operation} not refused to ${c.role}: ${JSON.stringify(res).slice(0, 120)}`);
        if (changes() !== before.changes || entries() !== before.entries) wrong.push(`${c.operation} refused to ${c.role} but wrote`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('names the role and the operation in the refusal, and acts as the owner when no caller is given', async () => {
    const res = await app.invokeAsync('settings.update', { language: 'en' }, { caller: callerOf('office') });
    expect(res).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'The role office may not use settings.update', details: { operation: 'settings.update', role: 'office' } } });
    expect(app.call('settings.get', {}).language).toBeNull();
    expect((await app.invokeAsync('settings.update', { language: 'en' })).ok).toBe(true);
  });

  it('refuses a forbidden caller before reading the input: bad input still answers FORBIDDEN', async () => {
    const res = await app.invokeAsync('accounts.create', { login: 12 }, { caller: callerOf('viewer') });
    expect(!res.ok && res.error.code).toBe('FORBIDDEN');
  });

  it('refuses the recovery operations the live door runs outside the registry (restore, backups found) to any role but the owner', async () => {
    const d = tempDir();
    const live = openLiveApp(d.dbPath, { checkIntegrity: false });
    try {
      for (const name of ['system.restore', 'system.restorePreview', 'system.backupsFound']) {
        const res = await live.invoke(name, { path: join(d.dir, 'absent.db') }, { caller: callerOf('office') });
        expect(!res.ok && res.error.code, name).toBe('FORBIDDEN');
      }
      expect((await live.invoke('system.backupsFound', {})).ok).toBe(true);
      expect(await live.invoke('accounts.me', {}, { caller: callerOf('viewer') })).toMatchObject({ ok: true, data: { role: 'viewer' } });
    } finally {
      live.close();
      d.cleanup();
    }
  });
});
