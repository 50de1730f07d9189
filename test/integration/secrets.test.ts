import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { keyFileKeeper, setSecretKeeper, type SecretKeeper } from '../../src-main/secrets/secretKeeper';
import { safeStorageKeeper, type SafeStorageLike } from '../../src-main/secrets/safeStorageKeeper';
import { readNotificationSettings, sealClearSecrets } from '../../src-main/modules/notifications/settings';
import { runBackup } from '../../src-main/modules/backups/run';
import { tempDir } from '../support/tempDir';

const PASSWORD = 'Sup3r-Segreta!àè';

/**
 * A stand-in with the contract of Electron's safeStorage (which cannot run here): what one
 * "OS account" encrypts, only it decrypts; another throws, as safeStorage does.
 */
function fakeKeychain(account: string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.from(`${account}|${Buffer.from(plain).toString('hex')}`),
    decryptString: (enc) => {
      const [who, hex] = enc.toString().split('|');
      if (who !== account) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(hex!, 'hex').toString();
    },
  };
}

const dirs: string[] = [];
const keyDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'bottega-key-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  setSecretKeeper(null);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe.each([
  ['the key file', () => [keyFileKeeper(keyDir()), keyFileKeeper(keyDir())] as [SecretKeeper, SecretKeeper]],
  ['the OS keychain (safeStorage)', () => [safeStorageKeeper(fakeKeychain('anna')), safeStorageKeeper(fakeKeychain('other-pc'))] as [SecretKeeper, SecretKeeper]],
])('a secret keeper: %s', (_name, make) => {
  it('opens what it sealed; the sealed text does not show the secret', () => {
    const [k] = make();
    const sealed = k.seal(PASSWORD);
    expect(sealed.startsWith(k.tag)).toBe(true);
    expect(sealed).not.toContain(PASSWORD);
    expect(k.open(sealed)).toBe(PASSWORD);
  });

  it('what another PC sealed, or a damaged value, opens as null (never throws)', () => {
    const [here, elsewhere] = make();
    expect(here.open(elsewhere.seal(PASSWORD))).toBeNull();
    expect(here.open(`${here.tag}AAAA`)).toBeNull();
    expect(here.open('not sealed at all')).toBeNull();
  });
});

describe('the SMTP password in the database', () => {
  let t: ReturnType<typeof tempDir>;
  let app: BottegaApp;
  beforeEach(() => {
    t = tempDir();
    app = createApp(t.dbPath);
  });
  afterEach(() => {
    if (app.ctx.sqlite.open) app.close();
    t.cleanup();
  });
  /** every byte SQLite keeps for this database: the file and its write-ahead log */
  const fileBytes = () => Buffer.concat([readFileSync(t.dbPath), ...(existsSync(`${t.dbPath}-wal`) ? [readFileSync(`${t.dbPath}-wal`)] : [])]);

  it('the key file is readable by its owner only', () => {
    const dir = keyDir();
    keyFileKeeper(dir).seal('x');
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('is saved sealed: neither the database file, its WAL nor a backup holds it in clear; it opens back for sending', async () => {
    setSecretKeeper(keyFileKeeper(keyDir()));
    app.call('notifications.saveSettings', { host: 'smtp.example.com', user: 'anna', password: PASSWORD });
    expect(app.call('notifications.settings', {})).toMatchObject({ passwordSet: true, passwordLost: false });
    expect(readNotificationSettings(app.ctx).password).toBe(PASSWORD);
    expect(fileBytes().includes(Buffer.from(PASSWORD))).toBe(false);
    const backup = await runBackup(app.ctx, 'manual');
    expect(readFileSync(backup.path).includes(Buffer.from(PASSWORD))).toBe(false);
    // a host change leaves the password as it was
    app.call('notifications.saveSettings', { host: 'smtp2.example.com' });
    expect(readNotificationSettings(app.ctx).password).toBe(PASSWORD);
  });

  it('a password an older version stored in clear is sealed at the first start, and its clear bytes are gone from the file', () => {
    setSecretKeeper(keyFileKeeper(keyDir()));
    // as the older version wrote it
    app.ctx.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('notifications', ?)").run(JSON.stringify({ host: 'smtp.example.com', user: 'anna', password: PASSWORD }));
    app.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileBytes().includes(Buffer.from(PASSWORD))).toBe(true);
    expect(sealClearSecrets(app.ctx)).toBe(true);
    expect(fileBytes().includes(Buffer.from(PASSWORD))).toBe(false);
    expect(readNotificationSettings(app.ctx).password).toBe(PASSWORD);
    expect(sealClearSecrets(app.ctx)).toBe(false);
  });

  it('moved to a new PC (another key): the password is absent and Settings asks for it again', () => {
    setSecretKeeper(keyFileKeeper(keyDir()));
    app.call('notifications.saveSettings', { host: 'smtp.example.com', user: 'anna', password: PASSWORD });
    setSecretKeeper(keyFileKeeper(keyDir()));
    expect(app.call('notifications.settings', {})).toMatchObject({ host: 'smtp.example.com', passwordSet: false, passwordLost: true });
    expect(readNotificationSettings(app.ctx).password).toBe('');
    app.call('notifications.saveSettings', { password: 'nuova' });
    expect(app.call('notifications.settings', {})).toMatchObject({ passwordSet: true, passwordLost: false });
    expect(readNotificationSettings(app.ctx).password).toBe('nuova');
  });
});
