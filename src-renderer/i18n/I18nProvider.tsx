import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createTranslator, LOCALE_OF, pickLanguage, type Lang, type Translator } from '../../src-shared/i18n';
import type { Out } from '../api/hooks';
import { useApiCommand, useApiQuery } from '../api/hooks';
import { createFormatters, type Formatters } from './format';

export interface I18n {
  lang: Lang;
  locale: string;
  t: Translator;
  fmt: Formatters;
  /** the saved choice: null means "as the system" */
  saved: Lang | null;
  setLanguage(lang: Lang | null): Promise<void>;
}

const I18nContext = createContext<I18n | null>(null);

function systemLocale(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

export function buildI18n(lang: Lang, saved: Lang | null, setLanguage: I18n['setLanguage']): I18n {
  const t = createTranslator(lang);
  const locale = LOCALE_OF[lang];
  return { lang, locale, t, fmt: createFormatters(locale, lang === 'it', t), saved, setLanguage };
}

/** What to show before the settings are known (a loader) or when they could not be read. */
export type StartupView = (props: { i18n: I18n; error: unknown; onRetry: () => void }) => ReactNode;

/**
 * The language comes from the settings (or the system): the whole UI re-renders the
 * moment it changes, because the settings query is updated before the server answers.
 * `startup` draws the wait and the failure: the provider knows no component, so the
 * components (which all read useI18n) can depend on it one way (main.tsx passes
 * StartupScreen).
 */
export function I18nProvider({ children, startup }: { children: ReactNode; startup: StartupView }) {
  const qc = useQueryClient();
  const settings = useApiQuery('settings.get', {}, { staleTime: Infinity });
  const update = useApiCommand('settings.update');
  const saved = settings.data?.language ?? null;
  const lang = pickLanguage(saved, systemLocale());

  const value = useMemo(
    () =>
      buildI18n(lang, saved, async (next) => {
        const key = ['settings.get', {}] as const;
        const before = qc.getQueryData<Out<'settings.get'>>(key);
        if (before) qc.setQueryData<Out<'settings.get'>>(key, { ...before, language: next });
        try {
          await update.mutateAsync({ language: next });
        } catch (err) {
          if (before) qc.setQueryData(key, before);
          throw err;
        }
      }),
    // `update.mutateAsync` is stable; the value changes only with the language
    [lang, saved, qc],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  if (settings.isPending || settings.error) {
    return <>{startup({ i18n: value, error: settings.error, onRetry: () => void settings.refetch() })}</>;
  }
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
