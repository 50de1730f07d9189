/**
 * The scan field: a USB or Bluetooth scanner types the code and Enter, like a keyboard.
 * It keeps the focus — after each scan, and when a key arrives while nothing editable is
 * focused (the packer touched a line or a button) — so the next label is never lost.
 */
import { useEffect, useRef, useState } from 'react';
import { TextInput } from '@mantine/core';
import { IconSearch } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';

function editable(el: Element | null): boolean {
  return !!el && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el as HTMLElement).isContentEditable);
}

export function ScanField({ onScan, disabled }: { onScan: (code: string) => void; disabled?: boolean }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (disabled || editable(document.activeElement) || e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1) return;
      // a modal (the partial shipment question) keeps its own keys
      if (document.querySelector('[role="dialog"]')) return;
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [disabled]);

  return (
    <TextInput
      ref={input}
      size="xl"
      autoFocus
      autoComplete="off"
      autoCorrect="off"
      autoCapitalize="off"
      spellCheck={false}
      disabled={disabled}
      label={t('packing.scan.label')}
      description={t('packing.scan.hint')}
      placeholder={t('packing.scan.placeholder')}
      leftSection={<IconSearch size={22} />}
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        e.preventDefault();
        const code = e.currentTarget.value;
        setValue('');
        if (code.trim()) onScan(code);
        input.current?.focus();
      }}
      data-testid="pack-scan"
    />
  );
}
