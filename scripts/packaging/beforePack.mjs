// electron-builder beforePack hook (runs per platform × arch, before the app files are
// copied): builds better-sqlite3 for this Electron into .electron-native/<platform>-<arch>,
// which electron-builder.yml copies into app.asar.unpacked/native/. npmRebuild is off in
// the config: electron-builder's own rebuild would recompile node_modules/better-sqlite3
// in place for Electron and break the Node tests and the CLI on the same checkout.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Arch } from 'electron-builder';
import { buildElectronSqlite } from '../electron-native.mjs';

export default async function beforePack(context) {
  const platform = context.electronPlatformName;
  const arch = Arch[context.arch];
  const electronVersion = context.packager.config.electronVersion ?? context.packager.info.framework.version;
  const out = await buildElectronSqlite({ platform, arch, electronVersion });
  console.log(`  • better-sqlite3 for Electron ${electronVersion} ${platform}-${arch}: ${out}`);
  // the app offers updates only when the installer is signed (src-main/electron/updates.ts)
  const signed = isSigned(platform, process.env);
  writeFileSync(join(context.packager.projectDir, 'out', 'build-info.json'), JSON.stringify({ signed }));
  console.log(`  • build-info.json: signed=${signed}`);
}

/**
 * Signed means: Windows with a code-signing certificate; macOS with a certificate and
 * notarization credentials; Linux never (no signing for AppImage/deb here).
 */
export function isSigned(platform, env) {
  const cert = Boolean(env.CSC_LINK || env.WIN_CSC_LINK || env.CSC_NAME);
  if (platform === 'win32') return cert;
  if (platform === 'darwin') return cert && Boolean((env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) || (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER));
  return false;
}
