// `npm test`: typecheck, lint, build, unit + integration (vitest), end-to-end (Playwright).
// Every step runs even when one fails, then one closing line CI can read:
// "N passed, N failed", counted from the tools' JSON reports (typecheck and lint count
// as one check each). Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
mkdirSync(results, { recursive: true });
const vitestJson = `${results}/vitest.json`;
const playwrightJson = `${results}/playwright.json`;
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

let passed = 0;
let failed = 0;
const lines = [];

function run(label, cmd, args, env = {}) {
  const started = Date.now();
  process.stdout.write(`\n=== ${label}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function check(label, cmd, args) {
  if (run(label, cmd, args)) passed++;
  else failed++;
}

check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
const built = run('build', 'npx', ['electron-vite', 'build']);
if (!built) failed++;

const vitestOk = run('unit + integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests ?? 0;
  let vitestFailed = (v.numFailedTests ?? 0) + (v.numRuntimeErrorTestSuites ?? 0);
  // a failed test file none of whose tests failed: it did not load, or a hook (afterAll) threw
  vitestFailed += (v.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  // vitest failed for a reason outside every file (an unhandled error between tests)
  if (!vitestOk && vitestFailed === 0) {
    vitestFailed = 1;
    lines.push('FAIL vitest exited non-zero with every test passed: see its errors above');
  }
  failed += vitestFailed;
} else {
  failed++;
  lines.push('FAIL vitest wrote no report');
}

if (built) {
  const e2eOk = run('end-to-end', 'npx', ['playwright', 'test']);
  if (existsSync(playwrightJson)) {
    const p = JSON.parse(readFileSync(playwrightJson, 'utf8'));
    passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
    let e2eFailed = (p.stats?.unexpected ?? 0) + (p.errors ?? []).length;
    if (!e2eOk && e2eFailed === 0) {
      e2eFailed = 1;
      lines.push('FAIL playwright exited non-zero with every test passed: see its errors above');
    }
    failed += e2eFailed;
  } else {
    failed++;
    lines.push('FAIL playwright wrote no report');
  }
}

process.stdout.write(`\n${lines.join('\n')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
