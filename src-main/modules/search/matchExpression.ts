/**
 * What a person types → an FTS5 MATCH expression. Pure: no database.
 *
 * Each word becomes a quoted phrase (so quotes, `AND`, `NOT`, `*`, `:`, parentheses are
 * text, never operators: a `"` is doubled inside the quotes) with a prefix star, and the
 * words are ANDed, so several words match in any order ("candela lav", "malva firenze").
 * The tokenizer splits a phrase as it split the indexed text: "2026/0103" is the phrase
 * "2026 0103*", "PF-SAP" is "pf sap*".
 *
 * A word of letters only, five or more, loses its final vowel: Italian words change
 * their last letter (candela/candele, sapone/saponi) and "crema" should find "Crème"
 * (diacritics are removed by the tokenizer, so "crem*" matches both). A one-character
 * word is matched as a whole token, not as a prefix (a one-letter prefix walks a large
 * part of the index for little meaning).
 */
const MAX_WORDS = 8;
const HAS_TEXT = /[\p{L}\p{N}]/u;
const LETTERS_ONLY = /^\p{L}+$/u;
const ENDS_IN_VOWEL = /[aeiou]$/;

function stem(word: string): string {
  if (!LETTERS_ONLY.test(word) || word.length < 5) return word;
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return ENDS_IN_VOWEL.test(plain) ? [...word].slice(0, -1).join('') : word;
}

function phrase(word: string): string {
  const quoted = `"${word.replace(/"/g, '""')}"`;
  return [...word].length === 1 ? quoted : `${quoted}*`;
}

/** The words of the query as FTS5 phrases (empty when nothing searchable was typed). */
export function matchPhrases(q: string): string[] {
  const words = q
    .split(/\s+/)
    .filter((w) => HAS_TEXT.test(w))
    .map(stem);
  return [...new Set(words.map(phrase))].slice(0, MAX_WORDS);
}

/** Every word in the thing's own columns (`code`, `name`). */
export function ownExpression(phrases: readonly string[]): string {
  return `{code name} : (${phrases.join(' AND ')})`;
}

/**
 * Every word either in the order's own columns or naming its customer: an order's `ctx`
 * holds its customer as the token `c<id>` (migration 0013_search), and `customerIds[i]`
 * are the customers word i names. Null when no word names a customer.
 */
export function orderExpression(phrases: readonly string[], customerIds: readonly (readonly number[])[]): string | null {
  if (customerIds.every((ids) => ids.length === 0)) return null;
  return phrases
    .map((p, i) => {
      const ids = customerIds[i] ?? [];
      return ids.length === 0 ? `({code name} : ${p})` : `({code name} : ${p} OR ctx : (${ids.map((id) => `"c${id}"`).join(' OR ')}))`;
    })
    .join(' AND ');
}
