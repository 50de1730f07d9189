import type { BottegaApp } from '../../src-main/api/app';
import { generateDemo, DEMO_STEPS, type DemoOptions } from '../../src-main/demo/generate';
import { testApp } from './db';

/** A fresh temp database holding the demo workshop (small unless told), as `bottega demo` makes it. */
export function demoApp(opts: Partial<DemoOptions> & { path?: string; steps?: typeof DEMO_STEPS } = {}): BottegaApp & { counts: Record<string, number> } {
  const app = testApp(opts.path ? { path: opts.path } : {});
  const counts = app.ctx.sqlite.transaction(() => generateDemo(app.ctx, { scale: opts.scale ?? 'small', seed: opts.seed ?? 1 }, opts.steps ?? DEMO_STEPS))();
  return Object.assign(app, { counts });
}
