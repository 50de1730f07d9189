import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/it';
import 'dayjs/locale/en-gb';
import { useI18n } from '../i18n/I18nProvider';

dayjs.extend(customParseFormat);

/** What people type: 7/3/2026, 07-03-26, 7.3.2026, or the ISO date itself. */
const TYPED_FORMATS = ['D/M/YYYY', 'D-M-YYYY', 'D.M.YYYY', 'D/M/YY', 'D-M-YY', 'D.M.YY', 'YYYY-MM-DD'];

/** A typed date (day first, as in Italy and the UK) → "YYYY-MM-DD", or null when it is not a date. */
export function parseTypedDate(text: string): string | null {
  const d = dayjs(text.trim(), TYPED_FORMATS, true);
  return d.isValid() ? d.format('YYYY-MM-DD') : null;
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
