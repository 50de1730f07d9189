import { z } from 'zod';
import { command, query } from './define';
import { emptyInput } from './common';

export const systemStatus = z.object({
  appVersion: z.string(),
  dbPath: z.string(),
  /** no first-run choice made yet: the UI offers "start empty" or "load the demo workshop" */
  firstRun: z.boolean(),
  counts: z.object({ items: z.number().int(), recipes: z.number().int(), customers: z.number().int(), suppliers: z.number().int() }),
});

export const systemOps = {
  'system.status': query('What database is open and what it holds.', emptyInput, systemStatus),
  'system.startEmpty': command('First run: keep the database empty.', emptyInput, systemStatus),
  'system.loadDemo': command(
    'First run: fill an empty database with the demo workshop.',
    z.object({ seed: z.number().int().min(0).default(1) }).default({ seed: 1 }),
    systemStatus,
  ),
} as const;
