/**
 * A message is a string with `{name}` placeholders; a count is written as an ICU plural,
 * `{count, plural, one {# riga} other {# righe}}`, so the language's own plural rules
 * (through intl-messageformat) pick the form, never a hand-made `n === 1`.
 */
export type Message = string;

export const LANGS = ['it', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** BCP 47 locale used with Intl for numbers, money and dates. */
export const LOCALE_OF: Readonly<Record<Lang, string>> = { it: 'it-IT', en: 'en-GB' };
