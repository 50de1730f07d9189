/** Customers: the Italian VAT number is checked, and the problem shows under its field. */
import { expect, test } from './fixtures';

// The server's graceful stop waits for open connections: let the browser close its own
// before the app fixture stops the server.
test.afterEach(async ({ context }) => {
  await context.close();
});

test('a customer with a wrong P.IVA shows the field error, then a valid one saves', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('party-new').click();

  await page.getByTestId('party-form-name').fill('Erboristeria La Malva snc');
  await page.getByTestId('party-form-city').fill('Bologna');
  await page.getByTestId('party-form-province').fill('bo');
  // 1234567890 has check digit 3, not 1
  await page.getByTestId('party-form-vatNumber').fill('12345678901');
  await page.getByTestId('party-save').click();
  await expect(page.getByTestId('party-form-vatNumber')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('P.IVA non valida: la cifra di controllo non torna')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('customer-vat-error.png') });

  await page.getByTestId('party-form-vatNumber').fill('123');
  await page.getByTestId('party-save').click();
  await expect(page.getByText('La P.IVA ha 11 cifre')).toBeVisible();

  await page.getByTestId('party-form-vatNumber').fill('12345678903');
  await page.getByTestId('party-save').click();
  await expect(page.getByTestId('party-form-vatNumber')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('party-archive')).toBeVisible();
  await expect(page.getByTestId('parties-table')).toContainText('Erboristeria La Malva snc');
  await expect(page.getByTestId('parties-table')).toContainText('12345678903');
  await expect(page.getByTestId('parties-table')).toContainText('Bologna (BO)');
  await page.screenshot({ path: testInfo.outputPath('customer-saved.png') });
});

test('a supplier is found by its city', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await page.getByTestId('nav-suppliers').click();
  await page.getByTestId('party-new').click();
  await page.getByTestId('party-form-name').fill('Oleificio Rossi srl');
  await page.getByTestId('party-form-city').fill('Bari');
  await page.getByTestId('party-save').click();
  await expect(page.getByTestId('party-archive')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('parties-search').fill('bari');
  await expect(page.getByTestId('parties-table')).toContainText('Oleificio Rossi srl');
  await page.getByTestId('parties-search').fill('milano');
  await expect(page.getByTestId('parties-table')).toHaveCount(0);
});
