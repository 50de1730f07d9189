import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonColumns, jsonColumnsWithTexts, jsonList, rawRows, rows } from '../../../src-main/modules/planning/statements';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, \'a\'), (2, \'b\')');
});
afterEach(() => db.close());

describe('planning statements', () => {
  it('gives rows as arrays or as objects from the same SQL without one mode leaking into the other', () => {
    const sql = 'SELECT id, name FROM t WHERE id >= ? ORDER BY id';
    expect(rawRows(db, sql, 1)).toEqual([[1, 'a'], [2, 'b']]);
    expect(rows(db, sql, 2)).toEqual([{ id: 2, name: 'b' }]);
    expect(rawRows(db, sql, 2)).toEqual([[2, 'b']]);
  });

  it('reuses the prepared statement and sees rows written after it was prepared', () => {
    const sql = 'SELECT count(*) FROM t';
    expect(rawRows(db, sql)).toEqual([[2]]);
    db.exec("INSERT INTO t VALUES (3, 'c')");
    expect(rawRows(db, sql)).toEqual([[3]]);
  });

  it('keeps statements per connection: another database answers from its own tables', () => {
    const other = new Database(':memory:');
    other.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
    expect(rawRows(other, 'SELECT count(*) FROM t')).toEqual([[0]]);
    expect(rawRows(db, 'SELECT count(*) FROM t')).toEqual([[2]]);
    other.close();
  });

  it('reads a list the query writes as one JSON text (numbers, quoted strings and nulls as they are), and no row as an empty list', () => {
    const sql = "SELECT '[' || group_concat(x) || ']' FROM (SELECT id || ',' || json_quote(name) || ',' || json_quote(NULL) AS x FROM t WHERE id >= ? ORDER BY id)";
    expect(jsonList(db, sql, 1)).toEqual([1, 'a', null, 2, 'b', null]);
    expect(jsonList(db, sql, 9)).toEqual([]);
  });

  it('reads one JSON array per column in the order of the rows (numbers, strings with quotes and accents, nulls), and no row as empty arrays', () => {
    db.exec(`INSERT INTO t VALUES (3, 'l''"Crème"'), (4, NULL)`);
    const sql = 'SELECT json_group_array(id), json_group_array(name) FROM (SELECT id, name FROM t WHERE id >= ? ORDER BY id DESC)';
    expect(jsonColumns<[number[], (string | null)[]]>(db, sql, 2)).toEqual([
      [4, 3, 2],
      [null, `l'"Crème"`, 'b'],
    ]);
    expect(jsonColumns(db, sql, 9)).toEqual([[], []]);
  });

  it('reads a column of texts joined by the unit separator as the texts themselves, and gives up (null) when a text holds the separator or is NULL', () => {
    db.exec(`INSERT INTO t VALUES (3, 'l''"Crème"'), (4, '')`);
    const sql = `SELECT json_group_array(id), group_concat(name, char(31)), sum(name IS NULL OR instr(name, char(31)) > 0)
      FROM (SELECT id, name FROM t WHERE id >= ? ORDER BY id DESC)`;
    expect(jsonColumnsWithTexts<[number[], string[]]>(db, sql, 1, 1)).toEqual([
      [4, 3, 2, 1],
      ['', `l'"Crème"`, 'b', 'a'],
    ]);
    expect(jsonColumnsWithTexts<[number[], string[]]>(db, sql, 1, 4)).toEqual([[4], ['']]);
    expect(jsonColumnsWithTexts(db, sql, 1, 9)).toEqual([[], []]);
    db.exec("INSERT INTO t VALUES (5, 'a' || char(31) || 'b'), (6, NULL)");
    expect(jsonColumnsWithTexts(db, sql, 1, 5)).toBeNull();
    expect(jsonColumnsWithTexts(db, sql, 1, 6)).toBeNull();
    db.exec("DELETE FROM t WHERE id = 6");
    expect(jsonColumnsWithTexts(db, sql, 1, 5)).toBeNull();
  });
});
