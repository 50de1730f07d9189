import { test, expect } from './fixtures';
import { api, shot } from './helpers';

test('Settings → Updates: "check for updates" is off until turned on, in Italian and English', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-inventory')).toBeVisible();
  await api(app, 'settings.update', { language: 'it' });
  await page.goto(`${app.origin}/#/settings`);
  await page.reload();
  const card = page.getByTestId('updates-card');
  await expect(card).toContainText('Aggiornamenti');
  await expect(card).toContainText('Cerca aggiornamenti all’avvio');
  const toggle = page.getByTestId('updates-check');
  await expect(toggle).not.toBeChecked();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('updates-it-viewport.png') });
  await shot(page, testInfo, 'updates-it');

  // a click, then the (retrying) assertion: the card may re-render while the setting saves
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect.poll(async () => (await api<{ updates: { check: boolean } }>(app, 'settings.get', {})).updates.check).toBe(true);

  await api(app, 'settings.update', { language: 'en' });
  await page.reload();
  await expect(page.getByTestId('updates-card')).toContainText('Check for updates at start-up');
  await expect(page.getByTestId('updates-check')).toBeChecked();
  await page.getByTestId('updates-card').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('updates-en-viewport.png') });
  await shot(page, testInfo, 'updates-en');
});
