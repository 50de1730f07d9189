/**
 * Typed message dictionaries for the UI (and, later, for documents made in the main
 * process). Pure TypeScript: no DOM, no Node.
 *
 *   const t = createTranslator('it');
 *   t('items.created', { sku: 'OLIO-01' })
 *   t('common.results', { count: 3 })   // plural forms picked by Intl.PluralRules
 */
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

const pluralRules = new Map<Lang, Intl.PluralRules>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();

function plural(lang: Lang): Intl.PluralRules {
  let r = pluralRules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(LOCALE_OF[lang]);
    pluralRules.set(lang, r);
  }
  return r;
}

function numberFormat(lang: Lang): Intl.NumberFormat {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE_OF[lang], { maximumFractionDigits: 3 });
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

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const msg = DICTIONARIES[lang][key] ?? it[key] ?? key;
  if (typeof msg === 'string') return interpolate(lang, msg, params);
  const count = typeof params?.count === 'number' ? params.count : 0;
  const form = plural(lang).select(count) === 'one' ? msg.one : msg.other;
  return interpolate(lang, form, params);
}

export function createTranslator(lang: Lang): Translator {
  return (key, params) => translate(lang, key, params);
}
