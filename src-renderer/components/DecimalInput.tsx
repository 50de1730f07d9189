import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A number field with decimals written the user's way: "7,5" in Italian (Mantine's
 * default decimal point rewrote it to "7.5"), "7.5" in English. No thousands separator
 * while typing.
 */
export function DecimalInput(props: NumberInputProps) {
  const { lang } = useI18n();
  return <NumberInput decimalSeparator={lang === 'it' ? ',' : '.'} {...props} />;
}
