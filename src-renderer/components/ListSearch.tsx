import { TextInput } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';
import { IconSearch } from './icons';

/**
 * The search box above a list: ↓ moves into the table's first row, Enter opens the first
 * result (when `onEnter` is given). `data-page-search` lets the "/" shortcut find it.
 */
export function ListSearch({ value, onChange, onEnter, placeholder, w, testId }: { value: string; onChange(v: string): void; onEnter?: () => void; placeholder: string; w: number; testId: string }) {
  const { t } = useI18n();
  return (
    <TextInput
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          document.querySelector<HTMLElement>('[data-row-index="0"]')?.focus();
        } else if (e.key === 'Enter' && onEnter) {
          onEnter();
        }
      }}
      w={w}
      data-page-search
      data-testid={testId}
      aria-label={t('common.search')}
    />
  );
}
