import { test, expect } from './fixtures';
import { api, shot } from './helpers';

type Listed = { rows: { login: string; role: string; active: boolean }[] };

test('Settings → Users: the owner adds a user, changes the role, sets a password, disables; the last owner stays; Italian and English at 1366×768', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-inventory')).toBeVisible();
  await api(app, 'settings.update', { language: 'it' });
  await page.goto(`${app.origin}/#/settings?section=users`);
  await page.reload();

  const card = page.getByTestId('users-card');
  await expect(card).toContainText('Nessun utente');
  await page.getByTestId('user-add').click();
  await page.getByTestId('user-login').fill('anna');
  await page.getByTestId('user-name').fill('Anna Rossi');
  await page.getByTestId('user-role').selectOption('packing');
  await page.getByTestId('user-password').fill('imballo-2026');
  await page.getByTestId('user-password-again').fill('imballo-2027');
  await expect(page.getByText('Le due password sono diverse')).toBeVisible();
  await expect(page.getByTestId('user-add-save')).toBeDisabled();
  await page.getByTestId('user-password-again').fill('imballo-2026');
  await page.getByTestId('user-add-save').click();
  await expect(page.getByTestId('user-row-anna')).toContainText('Anna Rossi');

  // a login taken (case aside) is refused under its field
  await page.getByTestId('user-add').click();
  await page.getByTestId('user-login').fill('ANNA');
  await page.getByTestId('user-password').fill('altra-password');
  await page.getByTestId('user-password-again').fill('altra-password');
  await page.getByTestId('user-add-save').click();
  await expect(page.getByText('Il nome utente «ANNA» è già usato')).toBeVisible();
  await page.getByRole('button', { name: 'Chiudi' }).click();

  await page.getByTestId('user-role-anna').selectOption('office');
  await expect.poll(async () => (await api<Listed>(app, 'accounts.list', {})).rows[0]?.role).toBe('office');

  await page.getByTestId('user-reset-anna').click();
  await page.getByTestId('user-password').fill('ufficio-2026');
  await page.getByTestId('user-password-again').fill('ufficio-2026');
  await page.getByTestId('user-password-save').click();
  await expect(page.getByTestId('user-password-save')).toBeHidden();

  // the only active owner cannot be disabled: the refusal is shown on its row
  await api(app, 'accounts.create', { login: 'marco', name: 'Marco Bianchi', role: 'owner', password: 'titolare-2026' });
  await page.reload();
  await page.getByTestId('user-disable-marco').click();
  await expect(page.getByTestId('user-error-marco')).toContainText('ultimo titolare attivo');

  await page.getByTestId('user-disable-anna').click();
  await expect(page.getByTestId('user-row-anna')).toContainText('Disattivato');
  expect((await api<Listed>(app, 'accounts.list', {})).rows).toEqual([
    expect.objectContaining({ login: 'anna', role: 'office', active: false }),
    expect.objectContaining({ login: 'marco', role: 'owner', active: true }),
  ]);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('users-it-viewport.png') });
  await page.getByTestId('user-add').click();
  await page.screenshot({ path: testInfo.outputPath('users-add-it-viewport.png') });
  await page.getByRole('button', { name: 'Chiudi' }).click();

  await api(app, 'settings.update', { language: 'en' });
  await page.reload();
  await expect(page.getByTestId('user-row-anna')).toContainText('Disabled');
  await expect(page.getByTestId('users-card')).toContainText('On this PC and from the command line Bottega acts as the owner.');
  await page.getByTestId('users-card').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('users-en-viewport.png') });
  await page.getByTestId('user-add').click();
  await page.screenshot({ path: testInfo.outputPath('users-add-en-viewport.png') });
  await shot(page, testInfo, 'users-en');
});
