import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration, TargetConfiguration } from 'app-builder-lib';
import { FuseV1Options } from '@electron/fuses';
import { FUSES } from '../../../scripts/packaging/afterPack.mjs';
import { isSigned } from '../../../scripts/packaging/beforePack.mjs';

/** electron-builder.yml loaded and validated by electron-builder's own loader and schema. */
const repo = resolve(import.meta.dirname, '../../..');
const config: Configuration = await getConfig(repo, null, null);
await validateConfiguration(config, new DebugLogger(false));

function targets(list: unknown): TargetConfiguration[] {
  return (list as TargetConfiguration[]).map((x) => (typeof x === 'string' ? { target: x } : x));
}

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation and names the app Bottega', () => {
    expect(config.productName).toBe('Bottega');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
  });

  it('builds a per-user NSIS installer with shortcuts, whose uninstaller keeps the data unless asked', () => {
    expect(targets(config.win!.target).map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, createDesktopShortcut: 'always', createStartMenuShortcut: true, deleteAppDataOnUninstall: false });
    const nsh = readFileSync(join(repo, config.nsis!.include!), 'utf8');
    expect(nsh).toMatch(/customUnInstall[\s\S]*\$\{ifNot\} \$\{isUpdated\}[\s\S]*MB_DEFBUTTON2[\s\S]*\/SD IDNO[\s\S]*RMDir \/r "\$APPDATA\\Bottega"/);
  });

  it('builds macOS dmg (and zip for updates) for Apple Silicon and Intel, hardened, notarized only with credentials', () => {
    const mac = targets(config.mac!.target);
    expect(mac.map((t) => [t.target, t.arch])).toEqual([['dmg', ['arm64', 'x64']], ['zip', ['arm64', 'x64']]]);
    expect(config.mac!.hardenedRuntime).toBe(true);
    expect(config.mac!.notarize).toBe(true);
    expect(readFileSync(join(repo, config.mac!.entitlements!), 'utf8')).toContain('com.apple.security.cs.allow-jit');
  });

  it('builds an AppImage and a deb for Linux', () => {
    expect(targets(config.linux!.target).map((t) => t.target)).toEqual(['AppImage', 'deb']);
  });

  it('packs the app in asar with better-sqlite3 for Electron unpacked, and its Node build left out', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['native/*.node']);
    // electron-builder folds the plain patterns into one { filter } entry
    const files = config.files as { from?: string; to?: string; filter: string[] }[];
    expect(files[0]!.filter).toEqual(expect.arrayContaining(['out/**/*', 'package.json', '!node_modules/better-sqlite3/build/**']));
    expect(files).toContainEqual({ from: '.electron-native/${platform}-${arch}/node_modules/better-sqlite3/build/Release', to: 'native', filter: ['better_sqlite3.node'] });
    expect(config.npmRebuild).toBe(false);
  });

  it('ships migrations and icons as extra resources where paths.ts looks for them', () => {
    expect(config.extraResources).toEqual([
      { from: 'resources/migrations', to: 'migrations' },
      { from: 'resources/icons', to: 'icons', filter: ['*.png', '*.ico', '*.icns'] },
    ]);
  });

  it('references only files that exist: icons, hooks, NSIS include, entitlements', () => {
    const referenced = [config.win!.icon, config.mac!.icon, config.linux!.icon, config.nsis!.installerIcon, config.nsis!.uninstallerIcon, config.nsis!.include, config.mac!.entitlements, config.beforePack, config.afterPack, 'resources/migrations/meta/_journal.json'];
    for (const f of referenced) expect(existsSync(join(repo, String(f))), String(f)).toBe(true);
  });

  it('has a real icon set: ICO and ICNS containers holding PNG images, PNGs from 16 to 1024 px', () => {
    const ico = readFileSync(join(repo, 'resources/icons/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 7]);
    const icns = readFileSync(join(repo, 'resources/icons/icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = readFileSync(join(repo, `resources/icons/${size}x${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it("flips the fuses of Electron's security checklist at packaging", () => {
    expect(FUSES).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
    });
  });

  it('calls a build signed only with a certificate (and, on macOS, notarization credentials)', () => {
    expect(isSigned('win32', {})).toBe(false);
    expect(isSigned('win32', { CSC_LINK: '' })).toBe(false);
    expect(isSigned('win32', { CSC_LINK: 'cert.p12' })).toBe(true);
    expect(isSigned('darwin', { CSC_LINK: 'cert.p12' })).toBe(false);
    expect(isSigned('darwin', { CSC_LINK: 'cert.p12', APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'b', APPLE_TEAM_ID: 'c' })).toBe(true);
    expect(isSigned('linux', { CSC_LINK: 'cert.p12' })).toBe(false);
  });
});
