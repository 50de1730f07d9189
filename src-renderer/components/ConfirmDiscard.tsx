/**
 * Leaving a form with typed data asks first: Cancel on a filled order, Close (or Escape, or a
 * click outside) on a filled customer drawer. The question replaces the form's own footer in
 * place — "Discard what you typed? [Keep editing] [Discard]" — instead of a modal stacked over
 * the page or drawer: a second overlay fought the drawer for focus and lost clicks while it
 * animated open, and a footer swap has neither an opening animation nor a second focus trap.
 */
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';

export interface DiscardQuestion {
  /** Go at once when nothing was typed, otherwise ask. */
  leave(): void;
  asking: boolean;
  keep(): void;
  discard(): void;
}

export function useConfirmDiscard(dirty: boolean, onLeave: () => void): DiscardQuestion {
  const [asking, setAsking] = useState(false);
  return {
    leave: () => (dirty ? setAsking(true) : onLeave()),
    asking: asking && dirty,
    keep: () => setAsking(false),
    discard: () => {
      setAsking(false);
      onLeave();
    },
  };
}

/** The form's footer, or the question in its place while it is asked. */
export function DiscardOrFooter({ question, className, children }: { question: DiscardQuestion; className?: string; children: ReactNode }) {
  const { t } = useI18n();
  const keepRef = useRef<HTMLButtonElement>(null);
  // the button that asked is gone: focus stays in the form, on the safe answer
  useEffect(() => {
    if (question.asking) keepRef.current?.focus();
  }, [question.asking]);
  // Distinct keys: without them React would reuse the footer's DOM for the question (both are a
  // group of buttons) and the clicked "Discard" <button> would become the form's submit button
  // while its click is still being dispatched, so the browser then submitted the form (seen in e2e).
  if (!question.asking) return <Fragment key="form-footer">{children}</Fragment>;
  return (
    <Group key="discard-question" justify="flex-end" gap="xs" wrap="wrap" className={className} role="group" aria-label={t('common.discard.title')} data-testid="discard-confirm">
      <Text size="sm" fw={600} mr="auto" style={{ minWidth: 0 }}>
        {t('common.discard.title')}{' '}
        <Text span size="sm" fw={400} c="dimmed">
          {t('common.discard.body')}
        </Text>
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Button variant="default" ref={keepRef} onClick={question.keep} data-testid="discard-keep">
          {t('common.discard.keep')}
        </Button>
        <Button color="red" onClick={question.discard} data-testid="discard-yes">
          {t('common.discard.yes')}
        </Button>
      </Group>
    </Group>
  );
}
