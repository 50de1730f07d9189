/**
 * Which writes make the plan stale. The plan reads a fixed set of tables (and of their
 * columns); a command that writes none of them — an invoice, a notification read, a price
 * list, a label, a customer's e-mail — leaves the plan as it was, so it is kept (before,
 * any row written anywhere made the next planning query, the home screen included, build
 * the whole plan again).
 *
 * SQLite says what was written: temporary triggers on this connection (never in the file,
 * no migration) set a one-row temporary table to a fresh number from a counter in JS each
 * time a row the plan reads is inserted, deleted or updated in a column it reads. The
 * number is in the transaction: a rolled-back write takes its number back with it, and the
 * counter never hands the same number twice, so a plan made inside a transaction that was
 * rolled back is never taken for the state after it. Writes of other connections (a
 * worker, another process) move `data_version`, which the plan's key keeps.
 *
 * A second number moves only with the plan's static tables (STATIC_READS: items, recipes,
 * suppliers' terms): what planStatic.ts keeps across plans, so a plan made again after an
 * order or a lot changed reads only what changed kind of data (orders, stock, production).
 */
import type Database from 'better-sqlite3';
import type { ReadCtx } from '../../api/context';

/** Table → the columns the planner reads (null: every column; a row inserted or deleted always counts). */
export const PLAN_READS: Readonly<Record<string, readonly string[] | null>> = {
  items: ['sku', 'name', 'kind', 'unit', 'lead_time_days'],
  lots: ['item_id', 'on_hand_milli', 'reserved_milli', 'status', 'expires_on'],
  reservations: null,
  recipes: null,
  recipe_components: null,
  production_orders: null,
  production_links: null,
  customer_orders: ['state', 'status', 'number', 'customer_id', 'requested_on', 'promised_on'],
  order_lines: ['order_id', 'item_id', 'qty_milli', 'shipped_milli', 'position'],
  customers: ['name', 'province', 'country', 'ship_province', 'ship_country'],
  purchase_orders: null,
  purchase_order_lines: null,
  supplier_items: null,
  suppliers: null,
  settings: null,
};

/**
 * The tables the plan's static part reads (planStatic.ts): a write to one of them moves
 * both numbers. Their watched columns are PLAN_READS' own, which cover what that part reads.
 */
export const STATIC_READS: ReadonlySet<string> = new Set(['items', 'recipes', 'recipe_components', 'supplier_items', 'suppliers']);

const TICK = 'bottega_plan_tick';
let counter = 0;
const installed = new WeakSet<Database.Database>();
const readers = new WeakMap<Database.Database, Database.Statement>();

/** The two numbers: `all` moves with any write the plan reads, `statics` only with STATIC_READS. */
export interface PlanEpochs {
  all: number;
  statics: number;
}

/**
 * Puts the triggers on the connection (once). Not inside a transaction: a rollback would
 * take the temporary table with it. Returns false when they could not be installed.
 */
export function installPlanEpoch(db: Database.Database): boolean {
  if (installed.has(db)) return true;
  if (db.inTransaction || db.readonly || !db.open) return false;
  db.function(TICK, { deterministic: false, varargs: false }, () => ++counter);
  const sql: string[] = [
    'CREATE TEMP TABLE IF NOT EXISTS plan_epoch (n INTEGER NOT NULL, s INTEGER NOT NULL)',
    'INSERT INTO temp.plan_epoch (n, s) SELECT 0, 0 WHERE NOT EXISTS (SELECT 1 FROM temp.plan_epoch)',
  ];
  for (const [table, columns] of Object.entries(PLAN_READS)) {
    const body = STATIC_READS.has(table) ? `BEGIN UPDATE temp.plan_epoch SET n = ${TICK}(), s = ${TICK}(); END` : `BEGIN UPDATE temp.plan_epoch SET n = ${TICK}(); END`;
    const existing = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]));
    if (existing.size === 0) continue; // a table a later migration brings
    sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS plan_epoch_${table}_i AFTER INSERT ON main.${table} ${body}`);
    sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS plan_epoch_${table}_d AFTER DELETE ON main.${table} ${body}`);
    const cols = columns?.filter((c) => existing.has(c));
    const of = cols ? ` OF ${cols.join(', ')}` : '';
    sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS plan_epoch_${table}_u AFTER UPDATE${of} ON main.${table} ${body}`);
  }
  db.exec(sql.join(';\n'));
  installed.add(db);
  readers.set(db, db.prepare('SELECT n AS "all", s AS statics FROM temp.plan_epoch'));
  return true;
}

/**
 * Numbers that change whenever this connection writes something the plan reads (`all`)
 * or its static part reads (`statics`); null when they cannot be known (then every write
 * counts, as total_changes does).
 */
export function planEpochs(db: Database.Database): PlanEpochs | null {
  if (!installPlanEpoch(db)) return null;
  return readers.get(db)!.get() as PlanEpochs;
}

/**
 * The file's `data_version` (moves with another connection's commit), read through the
 * connection's compiled statements: `sqlite.pragma()` compiles a statement on every call,
 * which was a tenth of a 5-line fulfil's CPU.
 */
export function dataVersion(sqlite: ReadCtx['sqlite']): number {
  return sqlite.prepare('PRAGMA data_version').pluck().get() as number;
}
