import type { ReactNode } from 'react';
import { Button, Group } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';

/** The buttons of a long dialog stay in reach at its bottom. */
const STICKY_FOOTER = {
  position: 'sticky',
  bottom: 0,
  zIndex: 2,
  marginBottom: 'calc(-1 * var(--mantine-spacing-md))',
  padding: 'var(--mantine-spacing-sm) 0',
  background: 'var(--mantine-color-body)',
  borderTop: '1px solid var(--mantine-color-gray-3)',
} as const;

/** The foot of a dialog that does one thing: Close, and the action (it stays in view while the dialog scrolls). */
export function DialogFooter({ onClose, onSubmit, label, loading, disabled, testId }: { onClose(): void; onSubmit(): void; label: ReactNode; loading?: boolean; disabled?: boolean; testId: string }) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end" gap="xs" style={STICKY_FOOTER}>
      <Button variant="default" onClick={onClose}>
        {t('common.close')}
      </Button>
      <Button onClick={onSubmit} loading={loading} disabled={disabled} data-testid={testId}>
        {label}
      </Button>
    </Group>
  );
}
