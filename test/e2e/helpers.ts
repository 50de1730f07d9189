import type { Page, TestInfo } from '@playwright/test';

/** What a spec needs of the running server (fixtures.ts starts it). */
export type App = { url: string; origin: string; token: string };

/** A command or query through the HTTP door, as the page makes it: setting up data a test does not exercise. */
export async function api<T = unknown>(app: App, name: string, input: unknown): Promise<T> {
  const res = await fetch(`${app.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` },
    body: JSON.stringify(input),
  });
  const env = (await res.json()) as { ok: boolean; data: T; error?: unknown };
  if (!env.ok) throw new Error(`${name}: ${JSON.stringify(env.error)}`);
  return env.data;
}

/** A screenshot of the whole page into the test's output folder (test-results/e2e), to look at. */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}
