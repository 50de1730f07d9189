/**
 * `search.rebuild` (`bottega search --rebuild`): every index emptied and filled again
 * from its view, the same statements migration 0013_search filled them with, in the
 * command's one transaction. For repair: the triggers keep them current otherwise.
 */
import type { Handler } from '../../api/handlers';
import { ident, sql } from '../../db/sql';
import { INDEX_OF } from './kinds';

export const rebuildSearchIndex: Handler<'search.rebuild'> = (ctx) => {
  let documents = 0;
  for (const { table, view } of Object.values(INDEX_OF)) {
    const t = ident(table);
    ctx.sqlite.prepare(sql`INSERT INTO ${t} (${t}) VALUES ('delete-all')`.text).run();
    documents += ctx.sqlite.prepare(sql`INSERT INTO ${t} (rowid, code, name, ctx) SELECT id, code, name, ctx FROM ${ident(view)}`.text).run().changes;
    // one merged b-tree, as after the migration
    ctx.sqlite.prepare(sql`INSERT INTO ${t} (${t}) VALUES ('optimize')`.text).run();
  }
  return { documents };
};
