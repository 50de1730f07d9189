/**
 * #/orders/import: choose a file (drop or pick), see it travel and be read (two progress
 * bars), check the preview — format, customers, SKUs to map, rows with problems — then
 * import it all or nothing.
 */
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { MessageKey } from '../../../src-shared/i18n';
import { ApiError } from '../../api/client';
import { errorText } from '../../components/errors';
import { IconArrowLeft } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { FileDrop } from './FileDrop';
import { FormatBar } from './FormatBar';
import { ImportResultView } from './ImportResult';
import { MappingEditor } from './MappingEditor';
import { OrdersTable, PreviewSummary, ProblemTable } from './PreviewView';
import { UnknownSkus } from './UnknownSkus';
import { useImportFlow, type ImportJob, type Job, type Preview } from './useImportFlow';

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A job's stage and bar: the preview's reading ('parse') or the import itself ('import'). */
function JobProgress({ job, what }: { job: Job | ImportJob | null; what: 'parse' | 'import' }) {
  const { t } = useI18n();
  const stage = job?.stage ?? 'queued';
  const label = t(`channels.stage.${stage}` as MessageKey, { rows: job?.rows ?? 0 });
  return (
    <Stack gap={4} data-testid={what === 'parse' ? 'import-reading' : 'import-progress'}>
      <Text size="sm">{t(`channels.${what}.progress`, { stage: label })}</Text>
      <Progress value={Math.max(5, (job?.progress ?? 0) * 100)} animated striped aria-label={label} />
      {what === 'import' && job?.inWorker ? (
        <Text size="xs" c="dimmed">
          {t('channels.import.runningNote')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The error of a refused file: why, in the user's words when the reason is known, else what the app said. */
function RefusalAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  const issues = error instanceof ApiError ? error.issues : [];
  const key = issues[0]?.key as MessageKey | undefined;
  const missing = error instanceof ApiError && Array.isArray(error.details.missing) ? (error.details.missing as string[]).join(', ') : '';
  const known = key !== undefined && t(key) !== key;
  return (
    <Alert color="red" title={known ? t('channels.refused') : errorText(error, t)} data-testid="import-error">
      <Text size="sm">{known ? t(key, { missing }) : error instanceof Error ? error.message : String(error)}</Text>
      {!known && issues.length > 1
        ? issues.slice(0, 20).map((i, n) => (
            <Text key={n} size="sm">
              {i.message}
            </Text>
          ))
        : null}
    </Alert>
  );
}

export function ImportScreen() {
  const { t } = useI18n();
  const flow = useImportFlow();
  const { step, choice } = flow;
  const shown: Preview | null = step.kind === 'preview' || step.kind === 'importing' ? step.preview : null;
  const omitted = step.kind === 'preview' || step.kind === 'importing' ? step.omitted : 0;
  const toWrite = shown ? shown.counts.new + shown.counts.changed + shown.counts.cancelled : 0;

  return (
    <>
      <PageHeader
        title={t('channels.import.title')}
        subtitle={t('channels.import.subtitle')}
        actions={
          <>
            {step.kind !== 'idle' && step.kind !== 'uploading' ? <FileDrop compact onFile={(f) => void flow.chooseFile(f)} /> : null}
            <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/orders')}>
              {t('nav.orders')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        {step.kind === 'idle' ? <FileDrop onFile={(f) => void flow.chooseFile(f)} /> : null}
        {step.kind === 'uploading' ? (
          <Stack gap={4} data-testid="import-uploading">
            <Text size="sm">{t('channels.upload.progress', { done: mb(step.sent), total: mb(step.total) })}</Text>
            <Progress value={step.total === 0 ? 100 : (step.sent / step.total) * 100} aria-label={flow.fileName} />
          </Stack>
        ) : null}
        {step.kind !== 'idle' && step.kind !== 'uploading' && step.kind !== 'done' && !(step.kind === 'failed' && !step.inspection) ? (
          <FormatBar preview={shown} choice={choice} mapping={step.kind === 'mapping'} onChoose={(c) => void flow.preview(c)} onMap={() => void flow.openMapping()} />
        ) : null}
        {step.kind === 'reading' ? <JobProgress job={step.job} what="parse" /> : null}
        {step.kind === 'mapping' ? (
          <>
            {!step.inspection.recognised ? <Alert color="blue">{t('channels.format.none')}</Alert> : null}
            <MappingEditor
              inspection={step.inspection}
              channel={choice.channel ?? 'other'}
              onPreview={(mapping, channel) => void flow.preview({ mapping, channel, skuMappings: choice.skuMappings })}
              onSaved={(mappingName) => void flow.preview({ mappingName, channel: choice.channel, skuMappings: choice.skuMappings })}
            />
          </>
        ) : null}
        {step.kind === 'failed' ? <RefusalAlert error={step.error} /> : null}
        {shown ? (
          <>
            <PreviewSummary preview={shown} />
            <ProblemTable preview={shown} />
            <UnknownSkus key={shown.unknownSkus.map((u) => u.externalSku).join('|')} preview={shown} onApply={(chosen) => void flow.preview({ ...choice, skuMappings: [...(choice.skuMappings ?? []), ...chosen] })} />
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {!shown.canImport ? t('channels.import.blocked') : toWrite === 0 ? t('channels.import.nothing') : ''}
              </Text>
              <Button size="md" disabled={!shown.canImport || toWrite === 0} loading={step.kind === 'importing'} onClick={() => void flow.runImport(shown, omitted)} data-testid="import-go">
                {t('channels.import.go', { count: toWrite })}
              </Button>
            </Group>
            {step.kind === 'importing' ? <JobProgress job={step.job} what="import" /> : null}
            <OrdersTable preview={shown} />
            {omitted > 0 ? (
              <Text size="sm" c="dimmed" data-testid="import-orders-omitted">
                {t('channels.preview.omitted', { shown: shown.orders.length, total: shown.orders.length + omitted })}
              </Text>
            ) : null}
          </>
        ) : null}
        {step.kind === 'done' ? <ImportResultView result={step.result} onAnother={flow.reset} /> : null}
      </Stack>
    </>
  );
}
