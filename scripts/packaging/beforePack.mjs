// electron-builder beforePack hook (runs per platform × arch, before the app files are
// copied): builds better-sqlite3 for this Electron into .electron-native/<platform>-<arch>,
// which electron-builder.yml copies into app.asar.unpacked/native/. npmRebuild is off in
// the config: electron-builder's own rebuild would recompile node_modules/better-sqlite3
// in place for Electron and break the Node tests and the CLI on the same checkout.
import { Arch } from 'electron-builder';
import { buildElectronSqlite } from '../electron-native.mjs';

export default async function beforePack(context) {
  const platform = context.electronPlatformName;
  const arch = Arch[context.arch];
  const electronVersion = context.packager.config.electronVersion ?? context.packager.info.framework.version;
  const out = await buildElectronSqlite({ platform, arch, electronVersion });
  console.log(`  • better-sqlite3 for Electron ${electronVersion} ${platform}-${arch}: ${out}`);
}
