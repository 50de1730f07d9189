import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createApp, type BottegaApp } from '../../../src-main/api/app';
import { appLayout, checkoutLayout, packagedLayout, resourcesDir, useLayout } from '../../../src-main/db/paths';
import { openDatabase } from '../../../src-main/db/open';
import { SQLITE_BINDING_ENV, sqliteOptions } from '../../../src-main/db/sqliteBinding';
import { fixedClock, tempDir } from '../../support/tempDir';

const repo = resolve(import.meta.dirname, '../../..');
let t: ReturnType<typeof tempDir>;
let app: BottegaApp | null = null;

afterEach(() => {
  app?.close();
  app = null;
  useLayout(null);
  delete process.env[SQLITE_BINDING_ENV];
  t?.cleanup();
});

/**
 * What electron-builder.yml produces, minus Electron: <install>/resources/{migrations,icons}
 * as extraResources and the app itself in resources/app (asar off: the same paths, readable
 * by plain Node). The copied migrations get one extra probe migration, so a database that
 * has the probe table can only have been migrated from this tree.
 */
function simulatePackagedTree(dir: string): { resourcesPath: string; appPath: string } {
  const resourcesPath = join(dir, 'Bottega', 'resources');
  const appPath = join(resourcesPath, 'app');
  cpSync(join(repo, 'resources', 'migrations'), join(resourcesPath, 'migrations'), { recursive: true });
  cpSync(join(repo, 'resources', 'icons'), join(resourcesPath, 'icons'), { recursive: true });
  mkdirSync(join(appPath, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>Bottega</title>');
  const journalFile = join(resourcesPath, 'migrations', 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[] };
  const last = journal.entries.at(-1)!;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_packaged_probe' });
  writeFileSync(journalFile, JSON.stringify(journal));
  writeFileSync(join(resourcesPath, 'migrations', '9999_packaged_probe.sql'), 'CREATE TABLE `packaged_probe` (`id` integer PRIMARY KEY);');
  return { resourcesPath, appPath };
}

describe('checkout layout', () => {
  it('finds resources/, the built renderer folder and the Electron sqlite copy under the repository', () => {
    const l = checkoutLayout();
    expect(l.packaged).toBe(false);
    expect(l.resources).toBe(join(repo, 'resources'));
    expect(existsSync(join(l.migrations, 'meta', '_journal.json'))).toBe(true);
    for (const f of ['icon.ico', 'icon.icns', '256x256.png']) expect(existsSync(join(l.icons, f))).toBe(true);
    expect(l.renderer).toBe(join(repo, 'out', 'renderer'));
    expect(l.electronSqlite).toBe(join(repo, '.electron-native', `${process.platform}-${process.arch}`, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    expect(appLayout()).toEqual(l);
  });

  it('says clearly when there is no resources/ above the code', () => {
    t = tempDir();
    expect(() => checkoutLayout(t.dir)).toThrow(/resources\/migrations not found/);
  });
});

describe('packaged layout', () => {
  it('puts migrations and icons in process.resourcesPath, the renderer in app.asar and sqlite in app.asar.unpacked', () => {
    const l = packagedLayout({ resourcesPath: '/opt/Bottega/resources', appPath: '/opt/Bottega/resources/app.asar' });
    expect(l).toEqual({
      packaged: true,
      resources: '/opt/Bottega/resources',
      migrations: join('/opt/Bottega/resources', 'migrations'),
      icons: join('/opt/Bottega/resources', 'icons'),
      renderer: join('/opt/Bottega/resources/app.asar', 'out', 'renderer'),
      electronSqlite: join('/opt/Bottega/resources/app.asar.unpacked', 'native', 'better_sqlite3.node'),
    });
  });

  it('migrates a new database from the packaged tree and renders a PDF from it', async () => {
    t = tempDir();
    const roots = simulatePackagedTree(t.dir);
    useLayout(packagedLayout(roots));
    expect(resourcesDir()).toBe(roots.resourcesPath);

    const dbPath = join(t.dir, 'userData', 'bottega.db');
    app = createApp(dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
    const probe = app.ctx.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'packaged_probe'").get();
    expect(probe).toEqual({ name: 'packaged_probe' });

    app.call('settings.update', { company: { name: 'Candele di Lucia', vatNumber: 'IT01234567897', street: 'Via Roma 1', postcode: '40100', city: 'Bologna', province: 'BO' } });
    const wax = app.call('catalog.createItem', { sku: 'CERA', name: 'Cera di soia', kind: 'material', unit: 'kg' });
    const supplier = app.call('parties.createSupplier', { name: 'Cererie Unite', street: 'Via Api 3', postcode: '20100', city: 'Milano', province: 'MI', language: 'it' });
    const po = app.call('purchasing.create', { supplierId: supplier.id, expectedOn: '2026-10-30', lines: [{ itemId: wax.id, quantity: '20 kg', unitPrice: '4,10' }] });
    const pdf = await app.callAsync('purchasing.pdf', { id: po.id });
    const file = join(t.dir, pdf.fileName);
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of ['Candele di Lucia', 'Cererie Unite', 'Cera di soia', '20 kg', '82,00 €']) expect(text).toContain(s);
  });
});

describe('better-sqlite3 binding', () => {
  it('loads the binary named in BOTTEGA_SQLITE_BINDING, and fails on a missing one instead of falling back', () => {
    t = tempDir();
    // a copy of the Node build stands in for the Electron build: what matters is that the named file is the one loaded
    const nodeBuild = join(createRequire(import.meta.url).resolve('better-sqlite3/package.json'), '..', 'build', 'Release', 'better_sqlite3.node');
    const copy = join(t.dir, 'native', 'better_sqlite3.node');
    mkdirSync(join(t.dir, 'native'));
    cpSync(nodeBuild, copy);
    process.env[SQLITE_BINDING_ENV] = copy;
    expect(sqliteOptions({ readonly: true })).toEqual({ readonly: true, nativeBinding: copy });
    openDatabase(join(t.dir, 'a.db')).sqlite.close();

    process.env[SQLITE_BINDING_ENV] = join(t.dir, 'missing', 'better_sqlite3.node');
    expect(() => openDatabase(join(t.dir, 'b.db'))).toThrow(/missing/);
  });

  it('leaves better-sqlite3 on its own build when the variable is unset', () => {
    expect(sqliteOptions({ fileMustExist: true })).toEqual({ fileMustExist: true });
  });
});
