/**
 * Accounts: users are created, changed, disabled through the registry (owner only); no
 * answer carries a password hash; the last active owner cannot be disabled or demoted;
 * a login checks the password and the active flag; an account's command is logged under
 * its login; the CLI adds, lists and disables users.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { checkLogin } from '../../src-main/modules/accounts/login';
import { callerOf } from '../support/roleMatrix';
import { bundledCli } from '../support/bundledCli';
import { fixedClock, tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;

beforeAll(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-12-05T09:00:00.000Z') });
});
afterAll(() => {
  app.close();
  t.cleanup();
});

const issuesOf = (res: ReturnType<BottegaApp['invoke']>) => (res.ok ? [] : ((res.error.details?.issues ?? []) as { path: (string | number)[] }[]));

describe('accounts through the registry', () => {
  it('adds a user, keeps only a salted hash, and never answers with it', () => {
    const anna = app.call('accounts.create', { login: 'Anna', name: 'Anna Rossi', role: 'office', password: 'sapone-2026' });
    expect(anna).toEqual({ id: anna.id, login: 'Anna', name: 'Anna Rossi', role: 'office', active: true, createdAt: '2026-12-05T09:00:00.000Z', updatedAt: '2026-12-05T09:00:00.000Z' });
    const stored = app.ctx.sqlite.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(anna.id) as string;
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain('sapone-2026');
    expect(JSON.stringify(app.call('accounts.list', {}))).not.toContain('scrypt');
  });

  it('refuses a login taken with another case, a role that is none and a short password, naming the field', () => {
    expect(issuesOf(app.invoke('accounts.create', { login: 'ANNA', role: 'office', password: 'long-enough' }))).toMatchObject([{ path: ['login'], key: 'login_taken' }]);
    expect(issuesOf(app.invoke('accounts.create', { login: 'bob', role: 'boss', password: 'long-enough' }))[0]?.path).toEqual(['role']);
    expect(issuesOf(app.invoke('accounts.create', { login: 'bob', role: 'office', password: 'short' }))[0]?.path).toEqual(['password']);
    expect(issuesOf(app.invoke('accounts.create', { login: 'bob smith', role: 'office', password: 'long-enough' }))[0]?.path).toEqual(['login']);
    expect(app.call('accounts.list', {}).rows.map((r) => r.login)).toEqual(['Anna']);
  });

  it('checks a login: right password of an active user only, login case aside', () => {
    expect(checkLogin(app.ctx, 'anna', 'sapone-2026')).toMatchObject({ kind: 'account', login: 'Anna', role: 'office' });
    expect(checkLogin(app.ctx, 'anna', 'sapone-2027')).toBeNull();
    expect(checkLogin(app.ctx, 'nobody', 'sapone-2026')).toBeNull();
    const anna = app.call('accounts.list', {}).rows[0]!;
    app.call('accounts.disable', { id: anna.id });
    expect(checkLogin(app.ctx, 'anna', 'sapone-2026')).toBeNull();
    app.call('accounts.enable', { id: anna.id });
    app.call('accounts.setPassword', { id: anna.id, password: 'nuova-password' });
    expect(checkLogin(app.ctx, 'anna', 'sapone-2026')).toBeNull();
    expect(checkLogin(app.ctx, 'anna', 'nuova-password')).not.toBeNull();
  });

  it('keeps the last active owner: disabling or demoting it is refused until another owner exists', () => {
    const marco = app.call('accounts.create', { login: 'marco', name: 'Marco', role: 'owner', password: 'titolare-1' });
    const disable = app.invoke('accounts.disable', { id: marco.id });
    expect(disable.ok ? null : disable.error.code).toBe('CONFLICT');
    expect(issuesOf(disable)[0]?.path).toEqual(['active']);
    const demote = app.invoke('accounts.update', { id: marco.id, role: 'office' });
    expect(issuesOf(demote)[0]?.path).toEqual(['role']);
    expect(app.call('accounts.list', {}).rows.find((r) => r.id === marco.id)).toMatchObject({ role: 'owner', active: true });
    // a disabled owner does not count; an active second one does
    const lucia = app.call('accounts.create', { login: 'lucia', role: 'owner', password: 'titolare-2' });
    app.call('accounts.disable', { id: lucia.id });
    expect(app.invoke('accounts.update', { id: marco.id, role: 'office' }).ok).toBe(false);
    app.call('accounts.enable', { id: lucia.id });
    expect(app.call('accounts.update', { id: marco.id, role: 'office' }).role).toBe('office');
    expect(app.invoke('accounts.disable', { id: lucia.id }).ok).toBe(false);
  });

  it("logs an account's command under its login, with the password masked, and tells the caller who it is", async () => {
    const lucia = app.call('accounts.list', {}).rows.find((r) => r.login === 'lucia')!;
    const as = { caller: { kind: 'account' as const, userId: lucia.id, login: 'lucia', name: 'lucia', role: 'owner' as const } };
    const res = await app.invokeAsync('accounts.create', { login: 'giulia', role: 'packing', password: 'imballo-123' }, as);
    expect(res.ok).toBe(true);
    const entry = app.call('audit.list', { limit: 1 }).rows[0]!;
    expect(entry).toMatchObject({ actor: { kind: 'account', name: 'lucia' }, operation: 'accounts.create', input: { login: 'giulia', password: '***' } });
    expect(entry.docs).toEqual([`users/${(res as { data: { id: number } }).data.id}`]);
    expect(await app.invokeAsync('accounts.me', {}, { caller: callerOf('packing', 7) })).toEqual({
      ok: true,
      data: { caller: callerOf('packing', 7), role: 'packing' },
    });
    expect(app.call('accounts.me', {})).toEqual({ caller: { kind: 'local_owner' }, role: 'owner' });
  });
});

describe('bottega user', () => {
  it('adds a user with the password from stdin, lists it, disables it; a bad role is refused', () => {
    const c = tempDir();
    const cli = (args: string[], input = '') => spawnSync(process.execPath, [bundledCli(), '--db', c.dbPath, ...args], { encoding: 'utf8', input });
    try {
      const added = cli(['user', 'add', 'Paolo', '--role', 'production', '--name', 'Paolo Bianchi', '--password-stdin'], 'laboratorio-1\n');
      expect(added.stderr).toBe('');
      expect(added.stdout).toMatch(/^User added: Paolo +production +active +Paolo Bianchi/);
      const bad = cli(['user', 'add', 'x', '--role', 'chef', '--password-stdin'], 'laboratorio-1\n');
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('"role"');
      expect(cli(['user', 'list']).stdout).toMatch(/^Paolo +production +active +Paolo Bianchi\n$/);
      expect(cli(['user', 'disable', 'paolo']).status).toBe(0);
      const listed = JSON.parse(cli(['--json', 'user', 'list']).stdout) as { rows: { login: string; active: boolean }[] };
      expect(listed.rows).toMatchObject([{ login: 'Paolo', active: false }]);
      const check = createApp(c.dbPath, { access: 'read' });
      try {
        expect(checkLogin(check.ctx, 'paolo', 'laboratorio-1')).toBeNull();
        expect(check.call('audit.list', {}).rows.map((r) => `${r.door} ${r.operation}`)).toEqual(['cli accounts.disable', 'cli accounts.create']);
      } finally {
        check.close();
      }
    } finally {
      c.cleanup();
    }
  });
});
