import type { z } from 'zod';
import type { systemStatus } from '../../../src-shared/contract/system';
import type { HandlerMap } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { readSettings, writeSettings } from '../settings/store';
import { generateDemo } from '../../demo/generate';
import { integrityOf } from '../../db/integrity';
import { restoreHandlers } from './restoreHandlers';
import { ident, sql } from '../../db/sql';

function count(ctx: ReadCtx, table: string): number {
  return (ctx.sqlite.prepare(sql`SELECT count(*) AS n FROM ${ident(table)}`.text).get() as { n: number }).n;
}

function status(ctx: ReadCtx): z.output<typeof systemStatus> {
  const counts = { items: count(ctx, 'items'), recipes: count(ctx, 'recipes'), customers: count(ctx, 'customers'), suppliers: count(ctx, 'suppliers') };
  // A database that already holds data (made by the CLI, say) is past its first run.
  const firstRun = !readSettings(ctx).initialized && counts.items === 0;
  return { appVersion: ctx.appVersion, dbPath: ctx.dbPath, firstRun, counts, integrity: integrityOf(ctx.dbPath).state };
}

export const systemHandlers: HandlerMap<'system.status' | 'system.startEmpty' | 'system.loadDemo' | 'system.backupsFound' | 'system.restorePreview' | 'system.restore'> = {
  ...restoreHandlers,
  'system.status': (ctx) => status(ctx),
  'system.startEmpty': (ctx) => {
    writeSettings(ctx, { initialized: true });
    return status(ctx);
  },
  'system.loadDemo': (ctx, input) => {
    if (count(ctx, 'items') > 0) {
      throw new DomainError('CONFLICT', 'The demo workshop can only be loaded into an empty database', { items: count(ctx, 'items') });
    }
    generateDemo(ctx, { scale: 'small', seed: input.seed });
    writeSettings(ctx, { initialized: true });
    return status(ctx);
  },
};
