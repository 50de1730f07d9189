/**
 * Leaving a form with typed data asks first: Cancel on a filled order, Close on a filled
 * customer drawer. (@mantine/modals is not a dependency; one small Modal does the same.)
 */
import { useState } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';

/** `leave()` goes at once when nothing was typed, otherwise asks; render `modal` once in the form. */
export function useConfirmDiscard(dirty: boolean, onLeave: () => void) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const leave = () => (dirty ? setAsking(true) : onLeave());
  const modal = (
    <Modal opened={asking} onClose={() => setAsking(false)} title={<Text fw={650}>{t('common.discard.title')}</Text>} size="sm" zIndex={400} data-testid="discard-confirm">
      <Text size="sm">{t('common.discard.body')}</Text>
      <Group justify="flex-end" gap="xs" mt="md">
        <Button variant="default" onClick={() => setAsking(false)} data-autofocus data-testid="discard-keep">
          {t('common.discard.keep')}
        </Button>
        <Button
          color="red"
          onClick={() => {
            setAsking(false);
            onLeave();
          }}
          data-testid="discard-yes"
        >
          {t('common.discard.yes')}
        </Button>
      </Group>
    </Modal>
  );
  return { leave, modal };
}
