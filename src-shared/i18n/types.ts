/**
 * A message is a plain string with `{name}` placeholders, or plural forms chosen by the
 * `count` parameter through Intl.PluralRules (Italian and English only need one/other).
 */
export type Message = string | { readonly one: string; readonly other: string };

export const LANGS = ['it', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** BCP 47 locale used with Intl for numbers, money and dates. */
export const LOCALE_OF: Readonly<Record<Lang, string>> = { it: 'it-IT', en: 'en-GB' };
