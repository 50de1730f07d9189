/**
 * SQL composed, never spliced. `sql` is a tagged template: a value in `${…}` becomes a `?`
 * and is bound, never pasted into the text; an `Sql` fragment in `${…}` is inlined with
 * its own values in place, so conditions, column lists and whole SELECT heads compose.
 * The text depends only on the composition, never on the values, so the same query is
 * the same text for SQLite's statement cache (ours and the planner's).
 *
 *   const q = sql`SELECT * FROM lots l ${where([sql`l.item_id = ${id}`, open ? sql`l.on_hand_milli > 0` : null])}`;
 *   ctx.sqlite.prepare(q.text).all(...q.values);
 *
 * The lint rule (eslint.config.js) bans a template literal with substitutions inside
 * `prepare()`: build it with `sql` and pass `q.text`.
 *
 * `col = +?` instead of `col = ?` on a hot path: when the file holds sqlite_stat4 samples
 * for the index on `col` (ANALYZE wrote them; the large benchmark dataset has them for 22
 * indexes, among them production_links' and recipe_components'), SQLite's planner peeks at
 * the bound value, and from then on every new binding of that parameter marks the compiled
 * statement expired, so each run compiles it again inside sqlite3_step — our statement
 * cache cannot help. The unary `+` hides the value from the planner (same index, same plan,
 * same comparison: a parameter has no affinity either way). In a make-to-order flow on the
 * large dataset those recompilations were 6.7 % of the process's CPU (perf, user time).
 */
export class Sql {
  constructor(
    readonly text: string,
    readonly values: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...parts: unknown[]): Sql {
  let text = strings[0]!;
  const values: unknown[] = [];
  parts.forEach((p, i) => {
    if (p instanceof Sql) {
      text += p.text;
      values.push(...p.values);
    } else {
      text += '?';
      values.push(p);
    }
    text += strings[i + 1]!;
  });
  return new Sql(text, values);
}

export const empty = new Sql('', []);

/** Fragments one after another, separated by `separator` (text, not a value). */
export function join(fragments: readonly Sql[], separator = ', '): Sql {
  return new Sql(fragments.map((f) => f.text).join(separator), fragments.flatMap((f) => f.values));
}

/** `WHERE a AND b …` of the conditions given (nulls skipped), or nothing when there are none. */
export function where(conditions: readonly (Sql | null | undefined | false)[]): Sql {
  const c = conditions.filter((x): x is Sql => x instanceof Sql);
  return c.length === 0 ? empty : sql`WHERE ${join(c, ' AND ')}`;
}

/** `(?, ?, ?)` for a list of values, each bound (an IN list). */
export function list(values: readonly unknown[]): Sql {
  return new Sql(`(${values.map(() => '?').join(', ')})`, values);
}

/**
 * A table or column name known to the code (a module's registered table), checked to be a
 * plain identifier and quoted: names cannot be bound, so this is the one way to put one in.
 */
export function ident(name: string): Sql {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Not an SQL identifier: ${name}`);
  return new Sql(`"${name}"`, []);
}

/**
 * SQL text that is part of the program (a constant list of statuses, say), never data:
 * the argument must be a string literal type, so a value read at run time cannot pass.
 */
export function trusted<T extends string>(text: string extends T ? never : T): Sql {
  return new Sql(text, []);
}
