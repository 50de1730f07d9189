import { useMemo } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

/** Business dates (YYYY-MM-DD) as short words, "14 ott", read in UTC so no time zone moves them. */
export function useShortDate(): (iso: string) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    return (iso: string) => f.format(new Date(`${iso}T00:00:00Z`));
  }, [locale]);
}

/** "Lun 14 ott" for the schedule's day rows. */
export function useDayLabel(): (iso: string) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    return (iso: string) => f.format(new Date(`${iso}T00:00:00Z`));
  }, [locale]);
}

export function hoursText(minutes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(minutes / 60) + ' h';
}
