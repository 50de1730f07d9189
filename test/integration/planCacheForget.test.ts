/**
 * The benchmark's cold planning figures forget the remembered plan before each run. The
 * plan a query makes is kept under the connection's read-only stand-in (the connection the
 * handler gets), so forgetting must reach that key: forgetting the raw connection alone
 * kept the plan, and the "cold" figures measured a cache hit.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { readOnlyCtx } from '../../src-main/api/readOnly';
import { currentPlan, forgetPlan } from '../../src-main/modules/planning/planCache';
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

it('forgetPlan drops the plan a planning query made, so the next query makes it again', () => {
  expect(app.invoke('planning.shortages', {}).ok).toBe(true);
  const made = currentPlan(readOnlyCtx(app.ctx));
  // remembered: the same state asks for the same plan
  expect(currentPlan(readOnlyCtx(app.ctx))).toBe(made);
  forgetPlan(app.ctx);
  expect(currentPlan(readOnlyCtx(app.ctx))).not.toBe(made);
});
