import type Database from 'better-sqlite3';

/**
 * Row objects built in JavaScript for the statements the statement cache keeps.
 *
 * Why: on Node before 22 (module version 127), better-sqlite3 builds each row object in C++
 * one property at a time — a name looked up in V8's string table and a shape transition for
 * every column of every row. On the large dataset that was 6–9 % of a command's CPU
 * (perf: `Data::GetFlatRowJS`, `v8::Object::Set`), more than many of the statements
 * themselves. Here the statement answers in raw mode (an array per row, no names) and one
 * object literal per column list makes the object: the same keys in the same order, the same
 * values, one fixed shape. From module version 127 on (Electron, Node 22) better-sqlite3
 * makes the object in one call, so the statement is left as it is.
 *
 * What callers see does not change: `get`/`all`/`iterate` answer objects until the caller
 * asks for `pluck()`, `raw()` or `expand()`, which behave as better-sqlite3's own (one mode
 * at a time; `x(false)` leaves mode x). The statement-count test counts through the
 * prototype's run/get/all/iterate, a query-plan test through the statement's own: each is
 * still called once per call.
 */
export const BUILD_ROWS_IN_JS = Number(process.versions.modules) < 127;

type Mode = 'flat' | 'pluck' | 'raw' | 'expand';
type Row = unknown[];
type Builder = (row: Row) => Record<string, unknown>;

/** One builder per list of column names, shared by the statements that answer them. */
const builders = new Map<string, Builder>();

function builderFor(names: readonly string[]): Builder {
  const key = names.join('\u0000');
  let b = builders.get(key);
  if (!b) {
    // a literal with the columns' names as written (JSON-quoted), in their order: a later
    // column of the same name overwrites the earlier one in its place, as setting it one by one does
    const body = `return {${names.map((n, i) => `${JSON.stringify(n)}: r[${i}]`).join(', ')}};`;
    b = new Function('r', body) as Builder;
    builders.set(key, b);
  }
  return b;
}

interface Proto {
  get(this: Database.Statement, ...a: unknown[]): unknown;
  all(this: Database.Statement, ...a: unknown[]): unknown[];
  iterate(this: Database.Statement, ...a: unknown[]): IterableIterator<unknown>;
  pluck(this: Database.Statement, on?: boolean): Database.Statement;
  raw(this: Database.Statement, on?: boolean): Database.Statement;
  expand(this: Database.Statement, on?: boolean): Database.Statement;
}

/**
 * Makes a statement that returns rows build its row objects in JavaScript (see above); a
 * statement that writes, or a process where better-sqlite3 builds them fast, is left alone.
 * Answers a function that puts the statement back in its plain mode (objects), as the
 * cache does on every reuse.
 */
export function rowObjectsInJs(stmt: Database.Statement): (() => void) | null {
  if (!BUILD_ROWS_IN_JS || !stmt.reader) return null;
  const proto = Object.getPrototypeOf(stmt) as Proto;
  // what the statement answered with before (a test that records statements puts its own on the statement)
  const own = <K extends keyof Proto>(k: K): Proto[K] | null => (Object.hasOwn(stmt, k) ? (stmt as unknown as Proto)[k] : null);
  const [get, all, iterate] = [own('get'), own('all'), own('iterate')];
  let mode: Mode = 'flat';
  let build: Builder | null = null;
  let width = -1;
  const rowOf = (r: Row): Record<string, unknown> => {
    // the columns are read again if a recompiled statement answers another number of them
    if (r.length !== width || !build) {
      build = builderFor(stmt.columns().map((c) => c.name));
      width = r.length;
    }
    return build(r);
  };
  // the statement itself stays in raw mode while the caller sees objects
  const setMode = (m: Mode) => {
    mode = m;
    if (m === 'flat' || m === 'raw') proto.raw.call(stmt, true);
    else if (m === 'pluck') proto.pluck.call(stmt, true);
    else proto.expand.call(stmt, true);
    return stmt;
  };
  const toggle = (m: Mode) => (on?: boolean) => setMode(on === false ? (mode === m ? 'flat' : mode) : m);
  Object.defineProperties(stmt, {
    pluck: { value: toggle('pluck'), configurable: true },
    raw: { value: toggle('raw'), configurable: true },
    expand: { value: toggle('expand'), configurable: true },
    get: {
      value: (...a: unknown[]) => {
        const r = (get ?? proto.get).apply(stmt, a);
        return mode === 'flat' && r !== undefined ? rowOf(r as Row) : r;
      },
      configurable: true,
    },
    all: {
      value: (...a: unknown[]) => {
        const rows = (all ?? proto.all).apply(stmt, a);
        if (mode === 'flat') for (let i = 0; i < rows.length; i++) rows[i] = rowOf(rows[i] as Row);
        return rows;
      },
      configurable: true,
    },
    iterate: {
      value: (...a: unknown[]) => {
        const it = (iterate ?? proto.iterate).apply(stmt, a);
        if (mode !== 'flat') return it;
        return (function* () {
          for (const r of it) yield rowOf(r as Row);
        })();
      },
      configurable: true,
    },
  });
  setMode('flat');
  return () => {
    if (mode !== 'flat') setMode('flat');
  };
}
