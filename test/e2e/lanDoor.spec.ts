import { test, expect, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Another device on the workshop's network, at tablet size: `bottega serve --lan` on a
 * fresh workshop; the owner reads the pairing code in Settings → Other devices (the local
 * door); the tablet (Chromium told to accept the self-signed certificate) opens the LAN
 * address, types a wrong code then the right one, logs in, sees a screen, logs out.
 */
interface Served {
  url: string;
  lan: { urls: string[]; port: number; fingerprint: string; pairingCode: string };
}

let dir: string;
let child: ChildProcess;
let served: Served;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bottega-e2e-lan-'));
  const dbPath = join(dir, 'bottega.db');
  execFileSync(process.execPath, ['--import', 'tsx', 'test/e2e/lanSeed.ts', dbPath], { stdio: 'inherit' });
  child = spawn(process.execPath, ['out/main/cli.js', '--db', dbPath, '--json', 'serve', '--lan', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  served = await new Promise<Served>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as Served));
  });
});

test.afterAll(async () => {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
});

async function ownerCode(owner: Page): Promise<string> {
  await owner.goto(`${served.url}#/settings`);
  const card = owner.getByTestId('other-devices');
  await card.scrollIntoViewIfNeeded();
  await expect(owner.getByTestId('lan-switch')).toBeChecked();
  await expect(owner.getByTestId('lan-fingerprint')).toHaveText(served.lan.fingerprint);
  await expect(owner.getByTestId('lan-fingerprint-qr')).toBeVisible();
  return (await owner.getByTestId('lan-pairing-code').textContent())!.trim();
}

test('a tablet pairs with the code from Settings, logs in, sees the app with its user, and logs out', async ({ browser }) => {
  const ownerCtx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
  const owner = await ownerCtx.newPage();
  const code = await ownerCode(owner);
  expect(code).toBe(served.lan.pairingCode);
  await owner.getByTestId('other-devices').screenshot({ path: 'test-results/e2e/lan-settings-card.png' });

  const tabletCtx = await browser.newContext({ viewport: { width: 1024, height: 768 }, ignoreHTTPSErrors: true, locale: 'it-IT' });
  const tablet = await tabletCtx.newPage();
  const lanUrl = served.lan.urls.find((u) => u.includes('127.0.0.1'))!;
  await tablet.goto(lanUrl);

  // first visit: the pairing screen; a wrong code is refused with a clear message
  await tablet.getByTestId('pair-code').fill('WRNG-CODE');
  await tablet.getByTestId('pair-name').fill('Tablet imballaggio');
  await tablet.getByTestId('pair-submit').click();
  await expect(tablet.getByTestId('pair-error')).toContainText('Codice sbagliato');
  await tablet.screenshot({ path: 'test-results/e2e/lan-pair-it.png' });
  await tablet.getByTestId('pair-code').fill(code.toLowerCase());
  await tablet.getByTestId('pair-submit').click();

  // paired: the login screen names the device; a wrong password is refused
  await expect(tablet.getByTestId('login-device')).toContainText('Tablet imballaggio');
  await tablet.getByTestId('login-login').fill('anna');
  await tablet.getByTestId('login-password').fill('not-her-password');
  await tablet.getByTestId('login-submit').click();
  await expect(tablet.getByTestId('login-error')).toContainText('sbagliati');
  await tablet.screenshot({ path: 'test-results/e2e/lan-login-it.png' });
  await tablet.getByTestId('login-password').fill('anna-password-1');
  await tablet.getByTestId('login-submit').click();

  // logged in: a screen of the app, with Anna in the header
  await expect(tablet.getByTestId('lan-user')).toContainText('Anna Rossi');
  await expect(tablet.getByTestId('app-name')).toBeVisible();
  await tablet.goto(`${lanUrl}#/customers`);
  await expect(tablet.getByTestId('lan-user')).toContainText('Anna Rossi');
  await tablet.screenshot({ path: 'test-results/e2e/lan-app-tablet.png' });

  // the owner sees the tablet among the paired devices
  await owner.reload();
  await expect(owner.getByTestId('devices-list')).toContainText('Tablet imballaggio');

  // log out: back to the login screen, and the API refuses without a session
  await tablet.getByTestId('lan-logout').click();
  await expect(tablet.getByTestId('login-form')).toBeVisible();
  const refused = await tablet.evaluate(async () => (await fetch('/api/system.status', { method: 'POST', credentials: 'same-origin', body: '{}' })).status);
  expect(refused).toBe(401);
  // the same screens at 1366×768 in English (the tablet above was Italian)
  const deskCtx = await browser.newContext({ viewport: { width: 1366, height: 768 }, ignoreHTTPSErrors: true, locale: 'en-GB' });
  const desk = await deskCtx.newPage();
  await desk.goto(lanUrl);
  await expect(desk.getByTestId('pair-form')).toContainText('Pairing code');
  await desk.screenshot({ path: 'test-results/e2e/lan-pair-en-1366.png' });
  await deskCtx.close();
  await tabletCtx.close();
  await ownerCtx.close();
});
