import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { matchPhrases, orderExpression, ownExpression } from '../../src-main/modules/search/matchExpression';

describe('what a person types → an FTS5 MATCH expression', () => {
  it('makes each word a quoted prefix phrase, ANDed, so words match in any order', () => {
    expect(matchPhrases('candela lav')).toEqual(['"candel"*', '"lav"*']);
    expect(ownExpression(matchPhrases('lav candela'))).toBe('{code name} : ("lav"* AND "candel"*)');
  });

  it('drops the final vowel of a word of five letters or more (candela/candele, crema/Crème), not of codes or short words', () => {
    expect(matchPhrases('crema Crème sapone')).toEqual(['"crem"*', '"Crèm"*', '"sapon"*']);
    expect(matchPhrases('olio 2026/0103 PF-SAP-LAV L25365')).toEqual(['"olio"*', '"2026/0103"*', '"PF-SAP-LAV"*', '"L25365"*']);
  });

  it('escapes quotes and keeps operators and punctuation as text; words without a letter or digit are dropped', () => {
    expect(matchPhrases('a"b NOT OR * ( ) : -')).toEqual(['"a""b"*', '"NOT"*', '"OR"*']);
    expect(matchPhrases('   ')).toEqual([]);
  });

  it('matches a one-character word as a whole token, and keeps at most eight words, each once', () => {
    expect(matchPhrases('vitamina e')).toEqual(['"vitamin"*', '"e"']);
    expect(matchPhrases('a b c d e f g h i j')).toHaveLength(8);
    expect(matchPhrases('lav lav LAV')).toEqual(['"lav"*', '"LAV"*']);
  });

  it('finds orders by their own words or by the customers a word names, and not at all when no word names one', () => {
    expect(orderExpression(['"malv"*', '"2025"*'], [[7, 9], []])).toBe('({code name} : "malv"* OR ctx : ("c7" OR "c9")) AND ({code name} : "2025"*)');
    expect(orderExpression(['"2025"*'], [[]])).toBeNull();
  });

  it('gives expressions SQLite FTS5 accepts for any input, and that find what they should', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(code, name, ctx, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')");
    db.prepare("INSERT INTO t (rowid, code, name, ctx) VALUES (1, '2026/0103 #4471', '', 'c7'), (2, 'PF-CAND-LAV', 'Candela di soia alla lavanda', ''), (3, '', 'Crème mani', '')").run();
    const ids = (m: string) => (db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').pluck().all(m) as number[]);
    expect(ids(ownExpression(matchPhrases('candela lav')))).toEqual([2]);
    expect(ids(ownExpression(matchPhrases('crema')))).toEqual([3]);
    expect(ids(ownExpression(matchPhrases('2026/01')))).toEqual([1]);
    expect(ids(ownExpression(matchPhrases('#4471')))).toEqual([1]);
    expect(ids(orderExpression(matchPhrases('malva 0103'), [[7], []])!)).toEqual([1]);
    for (const q of ['"', 'NEAR(a b)', 'a:b', '{code}', '^x', 'x* y*', "l'olio d’oliva", 'AND OR NOT']) {
      const p = matchPhrases(q);
      if (p.length > 0) expect(() => ids(ownExpression(p)), q).not.toThrow();
    }
    db.close();
  });
});
