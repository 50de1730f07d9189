/**
 * The first-run checklist, derived from the data each time (no stored flags): a step is
 * done when what it asks for exists — company data complete enough for a DDT, a logo,
 * a material, a recipe, a customer, a work calendar saved in Settings.
 */
import { SETUP_STEPS, type SetupStep } from '../../../src-shared/contract/today';
import type { ReadCtx } from '../../api/context';
import { sql, type Sql } from '../../db/sql';
import { readSettings } from '../settings/store';
import { currentLogoId } from '../shipping/logo';
import { preparedOnce } from '../../db/statementCache';

function exists(ctx: ReadCtx, rows: Sql): boolean {
  return (preparedOnce(ctx.sqlite, sql`SELECT EXISTS (${rows}) AS e`.text).get() as { e: number }).e === 1;
}

export function setupState(ctx: ReadCtx) {
  const { company } = readSettings(ctx);
  // a DDT names the sender: name, VAT number (or fiscal code), street and city
  const companyDone = [company.name, company.vatNumber || company.fiscalCode, company.street, company.city].every((v) => v.trim() !== '');
  const done: Record<SetupStep, boolean> = {
    company: companyDone,
    logo: currentLogoId(ctx) !== null,
    materials: exists(ctx, sql`SELECT 1 FROM items WHERE kind = 'material' AND archived = 0`),
    recipe: exists(ctx, sql`SELECT 1 FROM recipes`),
    customer: exists(ctx, sql`SELECT 1 FROM customers`),
    // the calendar's defaults stand until the user saves it in Settings → Calendar
    calendar: exists(ctx, sql`SELECT 1 FROM settings WHERE key = 'planning'`),
  };
  const steps = SETUP_STEPS.map((key) => ({ key, done: done[key] }));
  return { companyName: company.name.trim(), steps, done: steps.every((s) => s.done) };
}
