/**
 * Errors as people read them: the code translated, each field issue under its field.
 * Issue keys come from the domain (FieldIssue.key: 'quantity.not_a_number', 'sku_taken'…);
 * zod issues from the door have no key, only zod's code and an English message.
 */
import { Alert, Text } from '@mantine/core';
import { hasMessage, type Translator } from '../../src-shared/i18n';
import type { FieldIssue } from '../../src-shared/contract/errors';
import { isUnit } from '../../src-shared/domain/units';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { IconAlert } from './icons';
import { conflictSentence, VersionConflictAlert, versionConflictOf } from './versionConflict';

type Issue = FieldIssue & { code?: string };

type Params = Record<string, string | number>;

/**
 * One issue in the user's language, falling back to the server's message. `context`
 * fills parameters the server left out (the form knows the item's unit, say); a message
 * that would still show a {placeholder} gives way to the server's own words.
 */
export function issueText(issue: Issue, t: Translator, context: Params = {}): string {
  if (issue.key) {
    const key = 'issue.' + issue.key;
    if (hasMessage(key)) {
      const params: Params = { ...context, ...(issue.params ?? {}) };
      // units are shown as people write them ("pz")
      if (isUnit(params.unit)) params.unit = t(`unit.symbol.${params.unit}`);
      const text = t(key, params);
      if (!/\{\w+\}/.test(text)) return text;
      return issue.message;
    }
  }
  if (issue.code) {
    const key = 'issue.zod.' + issue.code;
    if (hasMessage(key)) return t(key);
  }
  return issue.message;
}

/** 'components.0.quantity' for path ['components', 0, 'quantity']. */
export function pathKey(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

/**
 * Field errors of a failed command, by field path ('components.0.quantity'); several
 * issues on one field are joined. `context(path)` gives parameters for a field's messages.
 */
export function fieldErrors(err: unknown, t: Translator, context?: (path: string) => Params): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const issue of err.issues) {
    const k = pathKey(issue.path ?? []);
    const text = issueText(issue, t, context?.(k));
    out[k] = out[k] ? `${out[k]} · ${text}` : text;
  }
  return out;
}

/** The sentence for an error as a whole (not its fields). */
export function errorText(err: unknown, t: Translator, lang: 'it' | 'en' = 'it'): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const stale = versionConflictOf(err);
  if (stale) return conflictSentence(stale, t, lang);
  if (err.code === 'RECIPE_CYCLE') {
    const cycle = err.details.cycle;
    if (Array.isArray(cycle) && cycle.every((c) => c && typeof c === 'object' && 'name' in c)) {
      const path = (cycle as { name: string; sku?: string }[]).map((c) => c.name).join(' → ');
      return t('error.RECIPE_CYCLE', { path });
    }
    return t('error.RECIPE_CYCLE.short');
  }
  // another connection holds the write lock (an import job, the command line): say so, not "conflicts with data"
  if (err.code === 'CONFLICT' && err.details.reason === 'import_running') return t('error.CONFLICT.importRunning');
  if (err.code === 'CONFLICT' && err.details.reason === 'database_busy') return t('error.CONFLICT.databaseBusy');
  return t(`error.${err.code}`);
}

function StrayField({ label }: { label: string | null }) {
  return label ? (
    <Text span fw={600}>
      {label}:{' '}
    </Text>
  ) : null;
}

/**
 * A form-level error box: the translated code, plus any issue whose field the form does
 * not show (so nothing the server said is lost).
 */
export function ErrorAlert({
  error,
  shownFields = [],
  testId,
  fieldLabel,
  onReload,
}: {
  error: unknown;
  shownFields?: string[];
  testId?: string;
  /** a document changed by someone else since it was opened: refetch it and start the form again (see versionConflict.tsx) */
  onReload?: () => Promise<unknown> | void;
  /** the field as the user knows it ("Riga 2 · Lotto") for an issue's path; without it the path itself is shown */
  fieldLabel?: (path: string) => string | null;
}) {
  const { t } = useI18n();
  if (!error) return null;
  const stale = versionConflictOf(error);
  if (stale) return <VersionConflictAlert conflict={stale} onReload={onReload} />;
  const issues = error instanceof ApiError ? error.issues : [];
  const stray = issues.filter((i) => !shownFields.includes(pathKey(i.path ?? [])));
  const detail = error instanceof ApiError && !['VALIDATION', 'RECIPE_CYCLE', 'UNIT_MISMATCH', 'CONFLICT'].includes(error.code) ? error.message : null;
  // every problem is already under its field: a short pointer is enough
  const fieldsOnly = issues.length > 0 && stray.length === 0 && error instanceof ApiError && error.code !== 'RECIPE_CYCLE';
  if (fieldsOnly) {
    return (
      <Alert color="red" variant="light" icon={<IconAlert />} title={t('error.checkFields')} data-testid={testId ?? 'form-error'} py="xs" />
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} title={t('error.title')} data-testid={testId ?? 'form-error'}>
      <Text size="sm">{errorText(error, t)}</Text>
      {stray.map((i, n) => (
        <Text size="sm" key={n}>
          {i.path?.length ? <StrayField label={fieldLabel ? fieldLabel(pathKey(i.path)) : pathKey(i.path)} /> : null}
          {issueText(i, t)}
        </Text>
      ))}
      {detail && detail !== errorText(error, t) ? (
        <Text size="xs" c="dimmed" mt={4}>
          {detail}
        </Text>
      ) : null}
    </Alert>
  );
}
