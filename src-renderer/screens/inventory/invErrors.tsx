/**
 * Errors of inventory commands as people read them. The shared helpers translate the
 * common issue keys (quantity.*, money.*, positive…); the inventory's own keys
 * (count_below_reserved, supplier_lot_exists…) live under `inventory.issue.*`.
 */
import { Alert, Text } from '@mantine/core';
import { hasMessage, type MessageKey } from '../../../src-shared/i18n';
import type { FieldIssue } from '../../../src-shared/contract/errors';
import { isUnit } from '../../../src-shared/domain/units';
import { ApiError } from '../../api/client';
import { errorText, issueText, pathKey } from '../../components/errors';
import { IconAlert } from '../../components/icons';
import { useI18n, type I18n } from '../../i18n/I18nProvider';

type Params = Record<string, string | number>;
type Issue = FieldIssue & { code?: string };

const STATUSES = ['quarantine', 'released', 'blocked', 'recalled'];
const isIso = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Parameters made readable: statuses and units in words, dates in the locale. */
function readable(params: Params, { t, fmt }: Pick<I18n, 't' | 'fmt'>): Params {
  const out: Params = { ...params };
  for (const [k, v] of Object.entries(out)) {
    if ((k === 'status' || k === 'to') && typeof v === 'string' && STATUSES.includes(v)) out[k] = t(`inventory.statusWord.${v}` as MessageKey);
    else if (k === 'unit' && isUnit(v)) out[k] = fmt.unit(v);
    else if (isIso(v)) out[k] = fmt.date(v);
  }
  return out;
}

export function invIssueText(issue: Issue, i18n: Pick<I18n, 't' | 'fmt'>, context: Params = {}): string {
  const own = issue.key ? `inventory.issue.${issue.key}` : '';
  if (own && hasMessage(own)) {
    const text = i18n.t(own, readable({ ...context, ...(issue.params ?? {}) }, i18n));
    if (!/\{\w+\}/.test(text)) return text;
  }
  return issueText(issue, i18n.t, context);
}

/** Field errors by path ('lines.0.quantity'), like the shared fieldErrors. */
export function invFieldErrors(err: unknown, i18n: Pick<I18n, 't' | 'fmt'>, context?: (path: string) => Params): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const issue of err.issues) {
    const k = pathKey(issue.path ?? []);
    const text = invIssueText(issue, i18n, context?.(k));
    out[k] = out[k] ? `${out[k]} · ${text}` : text;
  }
  return out;
}

/** The sentence for the error as a whole; stock shortages say how much there is. */
export function invErrorText(err: unknown, i18n: Pick<I18n, 't' | 'fmt'>): string {
  const { t, fmt } = i18n;
  if (err instanceof ApiError && err.code === 'INSUFFICIENT_STOCK') {
    const d = err.details;
    if (typeof d.availableMilli === 'number' && isUnit(d.unit)) {
      const available = fmt.qty(d.availableMilli, d.unit);
      return typeof d.lotCode === 'string' && d.lotCode ? t('inventory.error.insufficientLot', { code: d.lotCode, available }) : t('inventory.error.insufficient', { available });
    }
  }
  if (err instanceof ApiError && err.code === 'CONFLICT' && typeof err.details.reversedBy === 'number') {
    return t('inventory.error.alreadyReversed', { id: String(err.details.reversedBy) });
  }
  if (err instanceof ApiError && err.code === 'CONFLICT' && typeof err.details.movementId === 'number' && err.issues.length === 0) {
    return t('inventory.error.reversalOfReversal');
  }
  return errorText(err, t);
}

/**
 * The form-level box: a pointer when every problem is under its field, else the
 * translated error and each issue the form does not show.
 */
export function InvErrorAlert({ error, shownFields = [], testId = 'form-error' }: { error: unknown; shownFields?: string[]; testId?: string }) {
  const i18n = useI18n();
  if (!error) return null;
  const issues = error instanceof ApiError ? error.issues : [];
  const stray = issues.filter((i) => !shownFields.includes(pathKey(i.path ?? [])));
  if (issues.length > 0 && stray.length === 0) {
    return <Alert color="red" variant="light" icon={<IconAlert />} title={i18n.t('error.checkFields')} data-testid={testId} py="xs" />;
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} title={i18n.t('error.title')} data-testid={testId}>
      {stray.length === 0 || !(error instanceof ApiError) || error.code !== 'VALIDATION' ? <Text size="sm">{invErrorText(error, i18n)}</Text> : null}
      {stray.map((i, n) => (
        <Text size="sm" key={n}>
          {invIssueText(i, i18n)}
        </Text>
      ))}
    </Alert>
  );
}
