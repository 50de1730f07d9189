/**
 * The statement cache's statements build their row objects in JavaScript on Node before 22
 * (src-main/db/rowObjects.ts). A caller must not tell: the same keys in the same order, the
 * same values, and pluck/raw/expand as better-sqlite3's own — checked here against a second,
 * untouched statement of the same text.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedConnection } from '../../src-main/db/statementCache';
import { BUILD_ROWS_IN_JS } from '../../src-main/db/rowObjects';

let db: Database.Database;
beforeAll(() => {
  db = new Database(':memory:');
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, qty INTEGER, price REAL, note BLOB);
           INSERT INTO t VALUES (1, 'uno', 10, 1.5, x'00ff'), (2, NULL, -3, NULL, NULL), (3, 'tre', 9007199254740991, 0.1, x'');`);
});
afterAll(() => db.close());

// duplicate names (the later value, in the earlier place), a name that is a number, one that needs quoting
const SQL = `SELECT id, name, qty AS "1", price, note, id AS name, qty * 2 AS "two words", 'it''s' AS "q""uote" FROM t WHERE id >= ? ORDER BY id`;

describe('row objects built in JavaScript', () => {
  it('is what this Node does (module version under 127)', () => {
    expect(BUILD_ROWS_IN_JS).toBe(Number(process.versions.modules) < 127);
  });

  it('answers get, all and iterate with the same objects as better-sqlite3, keys in the same order', () => {
    const cached = cachedConnection(db).prepare(SQL);
    const own = db.prepare(SQL);
    // the cached one is the one built in JavaScript here (its own get), the other better-sqlite3's
    expect(Object.hasOwn(cached, 'get')).toBe(BUILD_ROWS_IN_JS);
    expect(JSON.stringify(Object.entries(cached.get(1) as object))).toBe(JSON.stringify(Object.entries(own.get(1) as object)));
    expect(cached.all(1)).toStrictEqual(own.all(1));
    expect(Object.keys(cached.all(1)[0] as object)).toEqual(Object.keys(own.all(1)[0] as object));
    expect([...cached.iterate(2)]).toStrictEqual([...own.iterate(2)]);
    expect(cached.get(99)).toBeUndefined();
  });

  it('iterates a statement whose first use is iterate the same as better-sqlite3', () => {
    const text = `${SQL} LIMIT 5`;
    expect([...cachedConnection(db).prepare(text).iterate(1)]).toStrictEqual([...db.prepare(text).iterate(1)]);
  });

  it('switches to pluck, raw and expand and back as better-sqlite3 does, and the cache hands it back plain', () => {
    const conn = cachedConnection(db);
    const cached = conn.prepare(SQL);
    const own = db.prepare(SQL);
    expect(cached.pluck().all(1)).toStrictEqual(own.pluck().all(1));
    // raw(false) while plucking leaves it plucking, as better-sqlite3 does
    expect(cached.raw(false).all(1)).toStrictEqual(own.raw(false).all(1));
    expect(cached.raw().get(1)).toStrictEqual(own.raw().get(1));
    expect([...cached.iterate(1)]).toStrictEqual([...own.iterate(1)]);
    expect(cached.expand().all(1)).toStrictEqual(own.expand().all(1));
    expect(cached.expand(false).get(1)).toStrictEqual(own.expand(false).get(1));
    cached.pluck();
    // the cache's next hand-out is plain objects again
    expect(conn.prepare(SQL)).toBe(cached);
    expect(conn.prepare(SQL).all(1)).toStrictEqual(db.prepare(SQL).all(1));
  });

  it('leaves statements that write as they are', () => {
    const cached = cachedConnection(db).prepare('UPDATE t SET qty = qty WHERE id = ?');
    expect(Object.hasOwn(cached, 'get')).toBe(false);
    expect(cached.run(1).changes).toBe(1);
  });
});
