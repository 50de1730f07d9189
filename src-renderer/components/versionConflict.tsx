/**
 * "Changed by Anna at 10:42 — reload": what a screen shows when its save was refused
 * because someone saved the same document after it was opened (CONFLICT with reason
 * 'version'). The person's typing is not lost silently: it stays on screen until they
 * press Reload, which shows the saved document (the form starts again from it).
 */
import { useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { VersionConflict } from '../../src-shared/contract/changes';
import { LOCALE_OF, type Translator } from '../../src-shared/i18n';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { IconAlert } from './icons';

export function versionConflictOf(err: unknown): VersionConflict | null {
  if (!(err instanceof ApiError) || err.code !== 'CONFLICT' || err.details.reason !== 'version') return null;
  return err.details as unknown as VersionConflict;
}

/** The time alone when the change was today, else day and time, in the person's language. */
function whenText(iso: string, lang: 'it' | 'en'): { time: string; today: boolean } {
  const at = new Date(iso);
  const today = at.toDateString() === new Date().toDateString();
  const f = new Intl.DateTimeFormat(LOCALE_OF[lang], today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' });
  return { time: f.format(at), today };
}

/** The one-line sentence (for errorText, notifications). */
export function conflictSentence(c: VersionConflict, t: Translator, lang: 'it' | 'en'): string {
  if (!c.changedBy || !c.changedAt) return t('versions.conflict.titleNobody');
  return t('error.CONFLICT.version', { who: c.changedBy, time: whenText(c.changedAt, lang).time });
}

/**
 * The alert with its Reload button: every query on screen is refetched, then `onReload`
 * starts the form again from the saved document (or closes the dialog it is in).
 */
export function VersionConflictAlert({ conflict, onReload, testId }: { conflict: VersionConflict; onReload?: () => Promise<unknown> | void; testId?: string }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const when = conflict.changedAt ? whenText(conflict.changedAt, lang) : null;
  const title =
    conflict.changedBy && when
      ? t(when.today ? 'versions.conflict.title' : 'versions.conflict.titleOnDay', { who: conflict.changedBy, time: when.time })
      : t('versions.conflict.titleNobody');
  const reload = async () => {
    setBusy(true);
    try {
      // what is on screen first (the page behind a dialog too), then the form starts again from it
      await qc.invalidateQueries();
      await onReload?.();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert color="orange" variant="light" icon={<IconAlert />} title={title} data-testid={testId ?? 'version-conflict'}>
      <Text size="sm">{t('versions.conflict.body')}</Text>
      <Group mt="xs">
        <Button size="xs" color="orange" loading={busy} onClick={() => void reload()} data-testid="version-conflict-reload">
          {t('versions.conflict.reload')}
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * A form's reload: refetch its document, then remount the form (its `key`) so it starts
 * from the saved version. `generation` goes in the form's key.
 */
export function useReloadForm(refetch: () => Promise<unknown>): { generation: number; reload: () => Promise<void> } {
  const [generation, setGeneration] = useState(0);
  return {
    generation,
    reload: async () => {
      await refetch();
      setGeneration((g) => g + 1);
    },
  };
}
