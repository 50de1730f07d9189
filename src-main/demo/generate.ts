import type { Ctx } from '../api/context';

export interface DemoOptions {
  scale: 'small' | 'large';
  seed: number;
}

/** Placeholder: being written. */
export function generateDemo(_ctx: Ctx, _opts: DemoOptions): Record<string, number> {
  throw new Error('demo generator not written yet');
}
