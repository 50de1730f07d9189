/**
 * The steps of an import, as one state: the file sent (upload progress), read and matched
 * in the app's worker (parse progress, polled), previewed, then imported. Every preview
 * and the import name the same upload and the same choices, so what the user saw is what
 * is written.
 */
import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { importInput } from '../../../src-shared/contract/channels';
import { ApiError, call } from '../../api/client';
import { uploadFile } from '../../api/files';
import type { Out } from '../../api/hooks';

export type Preview = Out<'channels.previewImport'>;
export type Inspection = Out<'channels.inspectFile'>;
export type ImportResult = Out<'channels.import'>;
export type Job = Out<'channels.previewJob'>;
export type ImportJob = Out<'channels.importJob'>;
/** what the user chose on top of the file: format, mapping, channel, SKU → item */
export type Choice = Omit<z.input<typeof importInput>, 'fileBase64' | 'fileName' | 'uploadId'>;

export type Step =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; total: number }
  | { kind: 'reading'; job: Job | null }
  | { kind: 'mapping'; inspection: Inspection }
  | { kind: 'preview'; preview: Preview; omitted: number }
  | { kind: 'importing'; preview: Preview; omitted: number; job: ImportJob | null }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'failed'; error: unknown; inspection: Inspection | null };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function useImportFlow() {
  const qc = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [fileName, setFileName] = useState('');
  const [choice, setChoice] = useState<Choice>({});
  const uploadRef = useRef<string | null>(null);
  // a newer run makes older ones stop updating the screen
  const runRef = useRef(0);

  const inspect = useCallback(async (uploadId: string, name: string) => call('channels.inspectFile', { uploadId, fileName: name }), []);

  const preview = useCallback(
    async (next: Choice, name = fileName) => {
      const uploadId = uploadRef.current;
      if (!uploadId) return;
      const run = ++runRef.current;
      setChoice(next);
      setStep({ kind: 'reading', job: null });
      try {
        const { jobId } = await call('channels.startPreview', { ...next, uploadId, fileName: name });
        for (;;) {
          const job = await call('channels.previewJob', { jobId });
          if (run !== runRef.current) return;
          if (job.state === 'running') {
            setStep({ kind: 'reading', job });
            await sleep(150);
            continue;
          }
          if (job.preview) return setStep({ kind: 'preview', preview: job.preview, omitted: job.ordersOmitted });
          const e = job.error ?? { code: 'INTERNAL', message: 'Preview failed', details: {} };
          throw new ApiError(e.code as ApiError['code'], e.message, e.details);
        }
      } catch (error) {
        if (run !== runRef.current) return;
        // a header nobody knows goes to the column mapping, with the file's first rows
        const reason = error instanceof ApiError ? error.details.reason : undefined;
        if (reason === 'unknown_format' || reason === 'columns_missing' || reason === 'mapping_not_found') {
          try {
            const inspection = await inspect(uploadId, name);
            return setStep(reason === 'unknown_format' ? { kind: 'mapping', inspection } : { kind: 'failed', error, inspection });
          } catch {
            /* fall through: show the first error */
          }
        }
        setStep({ kind: 'failed', error, inspection: null });
      }
    },
    [fileName, inspect],
  );

  const chooseFile = useCallback(
    async (file: File) => {
      const run = ++runRef.current;
      setFileName(file.name);
      uploadRef.current = null;
      setStep({ kind: 'uploading', sent: 0, total: file.size });
      try {
        const id = await uploadFile(file, (sent, total) => run === runRef.current && setStep({ kind: 'uploading', sent, total }));
        if (run !== runRef.current) return;
        uploadRef.current = id;
      } catch (error) {
        return setStep({ kind: 'failed', error, inspection: null });
      }
      await preview({}, file.name);
    },
    [preview],
  );

  const openMapping = useCallback(async () => {
    if (!uploadRef.current) return;
    try {
      setStep({ kind: 'mapping', inspection: await inspect(uploadRef.current, fileName) });
    } catch (error) {
      setStep({ kind: 'failed', error, inspection: null });
    }
  }, [fileName, inspect]);

  const runImport = useCallback(
    async (shown: Preview, omitted: number) => {
      const uploadId = uploadRef.current;
      if (!uploadId) return;
      const run = ++runRef.current;
      setStep({ kind: 'importing', preview: shown, omitted, job: null });
      try {
        // a big file is imported by the app's worker: its progress is polled like the preview's
        const { jobId } = await call('channels.startImport', { ...choice, uploadId, fileName });
        for (;;) {
          const job = await call('channels.importJob', { jobId });
          if (job.state === 'running') {
            if (run === runRef.current) setStep({ kind: 'importing', preview: shown, omitted, job });
            await sleep(200);
            continue;
          }
          await qc.invalidateQueries();
          if (run !== runRef.current) return;
          if (job.result) return setStep({ kind: 'done', result: job.result });
          const e = job.error ?? { code: 'INTERNAL', message: 'Import failed', details: {} };
          throw new ApiError(e.code as ApiError['code'], e.message, e.details);
        }
      } catch (error) {
        if (run === runRef.current) setStep({ kind: 'failed', error, inspection: null });
      }
    },
    [choice, fileName, qc],
  );

  const reset = useCallback(() => {
    runRef.current++;
    uploadRef.current = null;
    setChoice({});
    setStep({ kind: 'idle' });
  }, []);

  return { step, fileName, choice, chooseFile, preview, openMapping, runImport, reset, hasFile: uploadRef.current !== null };
}
