/**
 * Typed message dictionaries for the UI (and, later, for documents made in the main
 * process). Pure TypeScript: no DOM, no Node.
 *
 *   const t = createTranslator('it');
 *   t('items.created', { sku: 'OLIO-01' })
 *   t('common.results', { count: 3 })   // ICU plural: '{count, plural, one {# risultato} other {# risultati}}'
 */
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { en } from './en';
import { it, type MessageKey } from './it';
import { LANGS, LOCALE_OF, type Lang, type Message } from './types';

export { LANGS, LOCALE_OF, type Lang, type Message, type MessageKey };

export type MessageParams = Readonly<Record<string, string | number>>;
export type Translator = (key: MessageKey, params?: MessageParams) => string;

const DICTIONARIES: Readonly<Record<Lang, Readonly<Record<MessageKey, Message>>>> = { it, en };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** True when `key` is a message key (for keys built at run time, like 'issue.' + issue.key). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(it, key);
}

/**
 * The language to use: the saved choice, else the system's (Italian for any `it*`
 * locale, English otherwise).
 */
export function pickLanguage(saved: Lang | null | undefined, systemLocale: string | undefined): Lang {
  if (saved) return saved;
  return systemLocale?.toLowerCase().startsWith('it') ? 'it' : 'en';
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

function numberFormat(lang: Lang): Intl.NumberFormat {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE_OF[lang], { maximumFractionDigits: 3, useGrouping: 'always' }); // 1.250, not it-IT's 1250
    numberFormats.set(lang, f);
  }
  return f;
}

/** Replaces `{name}` with the parameter; numbers are formatted for the language. */
function interpolate(lang: Lang, text: string, params: MessageParams | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const v = params[name];
    return typeof v === 'number' ? numberFormat(lang).format(v) : String(v);
  });
}

/** ICU syntax beyond `{name}`: a plural, select or selectordinal argument. */
const ICU_ARGUMENT = /\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/;

/** Compiled ICU messages, by language and text (parsing is the costly part). */
const compiled = new Map<string, IntlMessageFormat>();

/**
 * The counts inside plural messages ("3.134 ordini creati") group thousands like every
 * other number we show; ICU's it-IT would print 3134 (it groups only from five digits).
 */
const groupedNumbers = new Map<string, Intl.NumberFormat>();
const FORMATTERS: Formatters = {
  getNumberFormat(locales, opts) {
    const key = JSON.stringify([locales, opts]);
    let f = groupedNumbers.get(key);
    if (!f) groupedNumbers.set(key, (f = new Intl.NumberFormat(locales, { ...(opts as Intl.NumberFormatOptions), useGrouping: 'always' })));
    return f;
  },
  getDateTimeFormat: (...args) => new Intl.DateTimeFormat(...args),
  getPluralRules: (...args) => new Intl.PluralRules(...args),
};

function icu(lang: Lang, text: string): IntlMessageFormat {
  const id = `${lang}\u0000${text}`;
  let m = compiled.get(id);
  if (!m) {
    // ignoreTag: a `<` in a message is text here (the UI writes no markup through t())
    m = new IntlMessageFormat(text, LOCALE_OF[lang], undefined, { ignoreTag: true, formatters: FORMATTERS });
    compiled.set(id, m);
  }
  return m;
}

/**
 * Plain messages keep the light `{name}` replacement (a missing parameter stays visible,
 * as in the lot pattern hint that shows `{yyyy}` itself); messages with a plural go through
 * intl-messageformat, which applies the language's CLDR plural rules and writes `#` as a
 * number of the language.
 */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return formatMessage(lang, DICTIONARIES[lang][key] ?? it[key] ?? key, params);
}

/** One message text (a dictionary's, or a module's own wording such as an email's) in `lang`. */
export function formatMessage(lang: Lang, msg: Message, params?: MessageParams): string {
  if (!ICU_ARGUMENT.test(msg)) return interpolate(lang, msg, params);
  // a parameter the caller did not give stays visible as `{name}` (as in interpolate)
  // instead of making intl-messageformat throw in the middle of a render
  const values: Record<string, string | number> = {};
  for (const [, name] of msg.matchAll(/\{\s*(\w+)\s*[,}]/g)) values[name!] = name === 'count' ? 0 : `{${name}}`;
  return String(icu(lang, msg).format({ ...values, ...params }));
}

export function createTranslator(lang: Lang): Translator {
  return (key, params) => translate(lang, key, params);
}
