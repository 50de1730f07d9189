// `npm start`: build, then run the Electron app; where Electron's binary is missing
// (npm installs skip its download, see package.json allowScripts) try to fetch it once,
// and where that fails too (no internet, a server, CI) start browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

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

let electron = electronBinary();
if (!electron && !process.env.BOTTEGA_NO_ELECTRON) {
  try {
    const installer = join(require.resolve('electron/package.json'), '..', 'install.js');
    console.log('Electron is not installed yet: downloading it once…');
    spawnSync(process.execPath, [installer], { stdio: 'inherit', timeout: 600_000 });
  } catch {
    // electron package absent: browser mode below
  }
  electron = electronBinary();
}

if (electron && !process.env.BOTTEGA_NO_ELECTRON) {
  const child = spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('\nElectron cannot run on this machine: starting Bottega in browser mode instead.');
  console.log('Open the address below in a browser on this computer (it works only here, with its token).\n');
  const child = spawn(process.execPath, ['bin/bottega.mjs', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}
