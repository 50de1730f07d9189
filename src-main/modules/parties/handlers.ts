import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Party } from '../../../src-shared/contract/parties';
import type { HandlerMap } from '../../api/handlers';
import type { Ctx, ReadCtx } from '../../api/context';
import { notFound } from '../../api/domainError';
import { likeContains } from '../catalog/items';
import { customers, suppliers } from './schema';
import { partyValues } from './partyRules';

type PartyTable = typeof customers | typeof suppliers;
type PartyOp = Extract<keyof typeof import('../../../src-shared/contract/parties').partyOps, string>;

function toParty(row: typeof customers.$inferSelect): Party {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

/** Customers and suppliers share their rules; only the table (and the word) differs. */
function partyHandlers(table: PartyTable, what: string) {
  const load = (ctx: ReadCtx, id: number) => {
    const row = ctx.db.select().from(table).where(eq(table.id, id)).get();
    if (!row) throw notFound(what, id);
    return row;
  };
  return {
    create: (ctx: Ctx, input: Parameters<typeof partyValues>[0]) => {
      const stamp = ctx.now().toISOString();
      return toParty(ctx.db.insert(table).values({ ...partyValues(input), createdAt: stamp, updatedAt: stamp }).returning().get());
    },
    update: (ctx: Ctx, input: Parameters<typeof partyValues>[0] & { id: number }) => {
      load(ctx, input.id);
      const { id, ...rest } = input;
      return toParty(ctx.db.update(table).set({ ...partyValues(rest), updatedAt: ctx.now().toISOString() }).where(eq(table.id, id)).returning().get());
    },
    archive: (ctx: Ctx, input: { id: number; archived: boolean }) => {
      load(ctx, input.id);
      return toParty(ctx.db.update(table).set({ archived: input.archived, updatedAt: ctx.now().toISOString() }).where(eq(table.id, input.id)).returning().get());
    },
    get: (ctx: ReadCtx, input: { id: number }) => toParty(load(ctx, input.id)),
    search: (ctx: ReadCtx, input: { q: string; includeArchived: boolean; limit: number; offset: number }) => {
      const where: (SQL | undefined)[] = [];
      if (!input.includeArchived) where.push(eq(table.archived, false));
      const q = input.q.trim();
      if (q) {
        const like = likeContains(q);
        where.push(
          or(
            sql`${table.name} LIKE ${like} ESCAPE '\\'`,
            sql`${table.vatNumber} LIKE ${like} ESCAPE '\\'`,
            sql`${table.email} LIKE ${like} ESCAPE '\\'`,
            sql`${table.city} LIKE ${like} ESCAPE '\\'`,
          ),
        );
      }
      const cond = and(...where);
      const rows = ctx.db.select().from(table).where(cond).orderBy(table.name, table.id).limit(input.limit).offset(input.offset).all();
      const total = ctx.db.select({ n: sql<number>`count(*)` }).from(table).where(cond).get()?.n ?? 0;
      return { parties: rows.map(toParty), total };
    },
  };
}

const c = partyHandlers(customers, 'customer');
const s = partyHandlers(suppliers, 'supplier');

export const partyHandlersMap: HandlerMap<PartyOp> = {
  'parties.createCustomer': c.create,
  'parties.updateCustomer': c.update,
  'parties.archiveCustomer': c.archive,
  'parties.getCustomer': c.get,
  'parties.searchCustomers': c.search,
  'parties.createSupplier': s.create,
  'parties.updateSupplier': s.update,
  'parties.archiveSupplier': s.archive,
  'parties.getSupplier': s.get,
  'parties.searchSuppliers': s.search,
};
export { partyHandlersMap as partyHandlers };
