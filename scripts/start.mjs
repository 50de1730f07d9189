// `npm start`: build, then run the Electron app. On a machine with internet the first run
// does what npm install skipped (package.json allowScripts keeps Electron's download out
// of `npm install`, whose failure would roll the whole install back):
//   1. fetch Electron's binary (electron's own install.js),
//   2. build better-sqlite3 for Electron into .electron-native/ (scripts/electron-native.mjs),
//      leaving node_modules/better-sqlite3 built for Node (tests, CLI, browser mode),
//   3. start Electron with that binding.
// Where a step fails (no internet, a server, CI) it says so in one line and starts browser
// mode instead; the tools' full output goes to .cache/start.log.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildElectronSqlite } from './electron-native.mjs';

const require = createRequire(import.meta.url);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const log = join('.cache', 'start.log');
mkdirSync('.cache', { recursive: true });
writeFileSync(log, `npm start ${new Date().toISOString()}\n`);

const build = spawnSync(npx, ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  try {
    const dir = join(require.resolve('electron/package.json'), '..');
    const pathTxt = join(dir, 'path.txt');
    if (!existsSync(pathTxt)) return null;
    const bin = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** Electron's binary, downloading it once when missing; null (and why) when that is impossible. */
function ensureElectron() {
  const present = electronBinary();
  if (present) return { bin: present };
  let installer;
  try {
    installer = join(require.resolve('electron/package.json'), '..', 'install.js');
  } catch {
    return { why: 'the electron package is not installed' };
  }
  console.log('Electron is not installed yet: downloading it once…');
  const r = spawnSync(process.execPath, [installer], { encoding: 'utf8', timeout: 600_000 });
  appendFileSync(log, `--- electron install.js (exit ${r.status})\n${r.stdout ?? ''}${r.stderr ?? ''}\n`);
  const bin = electronBinary();
  if (bin) return { bin };
  const first = `${r.stderr ?? ''}`.split('\n').find((l) => l.trim()) ?? 'no output';
  return { why: `Electron could not be downloaded (${first.trim()})` };
}

async function ensureSqlite() {
  try {
    console.log('Preparing better-sqlite3 for Electron (once per Electron version)…');
    return { binding: await buildElectronSqlite() };
  } catch (err) {
    appendFileSync(log, `--- better-sqlite3 for Electron\n${err?.stack ?? err}\n`);
    return { why: `better-sqlite3 could not be built for Electron (${String(err?.message ?? err).split('\n')[0]})` };
  }
}

function browserMode(why) {
  console.log(`\n${why}: starting Bottega in browser mode instead (details in ${log}).`);
  console.log('Open the address below in a browser on this computer (it works only here, with its token).\n');
  const child = spawn(process.execPath, ['bin/bottega.mjs', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

if (process.env.BOTTEGA_NO_ELECTRON) {
  browserMode('BOTTEGA_NO_ELECTRON is set');
} else {
  const electron = ensureElectron();
  const sqlite = electron.bin ? await ensureSqlite() : null;
  if (!electron.bin) browserMode(electron.why);
  else if (!sqlite.binding) browserMode(sqlite.why);
  else {
    const child = spawn(electron.bin, ['.', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, BOTTEGA_SQLITE_BINDING: sqlite.binding },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
