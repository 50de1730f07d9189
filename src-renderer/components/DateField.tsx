import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/it';
import 'dayjs/locale/en-gb';
import { useI18n } from '../i18n/I18nProvider';

dayjs.extend(customParseFormat);

/** Day, month, year as people type them: 7/3/2026, 07-03-26, 7.3.2026. */
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;

/** A typed date (day first, as in Italy and the UK, or ISO) → "YYYY-MM-DD", or null when it is not a date. */
export function parseTypedDate(text: string): string | null {
  const t = text.trim();
  const m = DAY_FIRST.exec(t);
  const iso = m ? `${m[3]!.length === 2 ? `20${m[3]}` : m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : t;
  // strict: 31/02 is refused instead of rolling over into March
  const d = dayjs(iso, 'YYYY-MM-DD', true);
  return d.isValid() ? iso : null;
}

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'defaultValue'> & {
  /** "YYYY-MM-DD", or '' for no date */
  value: string;
  onChange(value: string): void;
};

/**
 * The one date field of the app: shows and reads dd/mm/yyyy with the calendar in the
 * user's language, whatever the browser's own locale (the native `<input type="date">`
 * showed mm/dd/yyyy under Italian). The value stays the ISO date the contract takes.
 */
export function DateField({ value, onChange, ...rest }: Props) {
  const { lang, t } = useI18n();
  return (
    <DatesProvider settings={{ locale: lang === 'it' ? 'it' : 'en-gb', firstDayOfWeek: 1 }}>
      <DateInput
        valueFormat="DD/MM/YYYY"
        placeholder={t('common.date.placeholder')}
        dateParser={parseTypedDate}
        clearable
        {...rest}
        value={value === '' ? null : value}
        onChange={(v) => onChange(v ?? '')}
      />
    </DatesProvider>
  );
}
