import type { ReactNode } from 'react';
import { Button, Group } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * The foot of a price form: an optional action of the record on the left (delete, archive),
 * then Cancel and the form's Save (a submit button, so Enter saves too).
 */
export function SaveFooter({ left, onCancel, saving, testId }: { left?: ReactNode; onCancel?: () => void; saving: boolean; testId: string }) {
  const { t } = useI18n();
  return (
    <Group justify={left ? 'space-between' : 'flex-end'} mt="md" gap="xs">
      {left}
      <Group gap="xs">
        {onCancel ? (
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
        <Button type="submit" loading={saving} data-testid={testId}>
          {t('common.save')}
        </Button>
      </Group>
    </Group>
  );
}
