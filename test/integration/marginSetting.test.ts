import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { fixedClock, tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;

beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
});
afterEach(() => {
  app.close();
  t.cleanup();
});

it('the margin threshold is 30 % until changed, then kept (and other settings stay)', () => {
  expect(app.call('settings.get', {}).sales.marginWarnPct).toBe(30);
  app.call('settings.update', { inventory: { expiringSoonDays: 45 } });
  const saved = app.call('settings.update', { sales: { marginWarnPct: 42.5 } });
  expect(saved.sales.marginWarnPct).toBe(42.5);
  expect(app.call('settings.get', {}).sales.marginWarnPct).toBe(42.5);
  expect(app.call('settings.get', {}).inventory.expiringSoonDays).toBe(45);
});

it('a threshold over 100 % is refused, naming the field, and nothing changes', () => {
  const res = app.invoke('settings.update', { sales: { marginWarnPct: 150 } });
  expect(res.ok).toBe(false);
  if (!res.ok) {
    expect(res.error.code).toBe('VALIDATION');
    expect((res.error.details?.issues as { path: string[] }[]).map((i) => i.path.join('.'))).toEqual(['sales.marginWarnPct']);
  }
  expect(app.call('settings.get', {}).sales.marginWarnPct).toBe(30);
});
