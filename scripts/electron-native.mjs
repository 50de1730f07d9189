// better-sqlite3 compiled for Electron, kept apart from node_modules/better-sqlite3 (which
// stays compiled for Node: tests, the CLI and browser mode load it). The Electron copy
// lives in .electron-native/<platform>-<arch>/node_modules/better-sqlite3 — a tiny project
// of its own that @electron/rebuild builds against Electron's headers (or Electron's
// prebuilt binary when one is published). The app finds it through
// src-main/db/paths.ts (electronSqlite) and better-sqlite3's `nativeBinding` option.
//
// Used by `npm start` (scripts/start.mjs) and by electron-builder's beforePack hook
// (scripts/packaging/beforePack.mjs); `node scripts/electron-native.mjs` builds for this
// machine. Needs internet (Electron's headers); skipped when the stamp says it is current.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The folder electron-builder.yml copies from: .electron-native/${platform}-${arch}. */
export function nativeDir(platform = process.platform, arch = process.arch) {
  return join(root, '.electron-native', `${platform}-${arch}`);
}

export function electronSqlitePath(platform = process.platform, arch = process.arch) {
  return join(nativeDir(platform, arch), 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

/** Builds (once per Electron version × better-sqlite3 version × platform × arch) and returns the .node path. */
export async function buildElectronSqlite({ platform = process.platform, arch = process.arch, electronVersion } = {}) {
  const electron = electronVersion ?? require('electron/package.json').version;
  const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
  const dir = nativeDir(platform, arch);
  const out = electronSqlitePath(platform, arch);
  const stamp = { electron, betterSqlite3: sqliteVersion, platform, arch };
  const stampFile = join(dir, 'stamp.json');
  if (existsSync(out) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === JSON.stringify(stamp)) return out;

  rmSync(dir, { recursive: true, force: true });
  const copy = join(dir, 'node_modules', 'better-sqlite3');
  mkdirSync(copy, { recursive: true });
  // sources only: the Node build in build/ must not be mistaken for the Electron one
  for (const entry of ['package.json', 'binding.gyp', 'lib', 'src', 'deps']) {
    cpSync(join(sqliteDir, entry), join(copy, entry), { recursive: true });
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bottega-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }, null, 2));

  // ~/.npmrc may point node-gyp at Node's headers (nodedir): that would build for Node again
  for (const key of Object.keys(process.env)) if (/^npm_config_(nodedir|target|runtime|disturl|arch)$/i.test(key)) delete process.env[key];
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: dir, electronVersion: electron, platform, arch, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' });
  if (!existsSync(out)) throw new Error(`@electron/rebuild finished but ${out} is missing`);
  writeFileSync(stampFile, JSON.stringify(stamp));
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [platform, arch] = (process.argv[2] ?? `${process.platform}-${process.arch}`).split('-');
  buildElectronSqlite({ platform, arch }).then(
    (out) => console.log(`better-sqlite3 for Electron: ${out}`),
    (err) => {
      console.error(`Could not build better-sqlite3 for Electron: ${err.message}`);
      process.exit(1);
    },
  );
}
