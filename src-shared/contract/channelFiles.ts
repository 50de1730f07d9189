import { z } from 'zod';
import { command, query } from './define';
import { emptyInput } from './common';
import { importInput, importPreview, importResult } from './channels';
import { OWNER_ONLY, type RolesOf } from './accounts';

/**
 * Big files between the window and the process that owns the database. A file is sent
 * in chunks (a few MB each, so no request or IPC message is huge and the window can show
 * upload progress), kept in memory under an upload id for an hour, and then named by
 * that id in `channels.inspectFile` / `previewImport` / `import` instead of its bytes.
 * The preview of a big file runs in a worker thread as a job the window polls.
 */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

export const uploadId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

const previewJobState = z.enum(['running', 'done', 'failed']);
/** A window shows a few thousand orders at most: describing 80,000 would cost the app seconds of copying for nothing. */
export const PREVIEW_ORDERS_SHOWN = 2000;
export const PREVIEW_STAGES = ['queued', 'decoding', 'parsing', 'matching', 'done'] as const;

/** Stages of an import job: the preview's, then the orders written and the transaction committed. */
export const IMPORT_STAGES = ['queued', 'decoding', 'parsing', 'matching', 'writing', 'committing', 'done'] as const;
/** Smaller files are imported in the command itself (well under a second); bigger ones in a worker thread. */
export const IMPORT_IN_WORKER_FROM_BYTES = 1024 * 1024;
const jobError = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) });

export const channelFileOps = {
  'channels.uploadChunk': command(
    'Send one chunk of a file to import (in order, from index 0); the answer names the upload for the next chunk and for the preview.',
    z.object({
      /** absent for the first chunk */
      uploadId: uploadId.optional(),
      index: z.number().int().min(0).max(10_000),
      /** base64 of at most UPLOAD_CHUNK_BYTES bytes */
      dataBase64: z.string().max(Math.ceil((UPLOAD_CHUNK_BYTES * 4) / 3) + 8),
      fileName: z.string().max(260).default(''),
    }),
    z.object({ uploadId, bytes: z.number().int(), chunks: z.number().int() }),
  ),
  'channels.startPreview': query(
    'Start the preview of an uploaded file in a worker thread (the window stays responsive); poll channels.previewJob for progress and the result.',
    importInput,
    z.object({ jobId: z.string() }),
  ),
  'channels.previewJob': query(
    'Progress of a preview job; its preview (or error) once done.',
    z.object({ jobId: z.string().max(64) }),
    z.object({
      state: previewJobState,
      stage: z.enum(PREVIEW_STAGES),
      /** 0..1 */
      progress: z.number().min(0).max(1),
      /** rows read so far (known once parsed) */
      rows: z.number().int(),
      /** whether the preview ran in a worker thread (false: in the main thread, e.g. from the source checkout) */
      inWorker: z.boolean(),
      /** the preview; for a big file only its first PREVIEW_ORDERS_SHOWN orders are described (counts, SKUs and problems cover the whole file) */
      preview: importPreview.nullable(),
      /** orders of the file not described in `preview.orders` */
      ordersOmitted: z.number().int(),
      error: jobError.nullable(),
    }),
  ),
  'channels.startImport': command(
    'Import an uploaded file as a job, all or nothing: a big file in a worker thread with its own connection and one immediate transaction (other writes are refused meanwhile); poll channels.importJob.',
    importInput.extend({ createCustomers: z.boolean().default(true) }),
    z.object({ jobId: z.string() }),
  ),
  'channels.importJob': query(
    'Progress of an import job; its result (or error, nothing written) once done.',
    z.object({ jobId: z.string().max(64) }),
    z.object({
      state: previewJobState,
      stage: z.enum(IMPORT_STAGES),
      /** 0..1 */
      progress: z.number().min(0).max(1),
      rows: z.number().int(),
      inWorker: z.boolean(),
      result: importResult.nullable(),
      error: jobError.nullable(),
    }),
  ),
  'system.makeBackup': query(
    'A consistent copy of the whole database now, into the backups folder beside it (browser mode then downloads it from /files/<fileName>).',
    emptyInput,
    z.object({ fileName: z.string(), path: z.string(), bytes: z.number().int() }),
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const channelFileRoles = {
  'channels.uploadChunk': ['office'],
  'channels.startPreview': ['office'],
  'channels.previewJob': ['office'],
  'channels.startImport': ['office'],
  'channels.importJob': ['office'],
  'system.makeBackup': OWNER_ONLY,
} as const satisfies RolesOf<typeof channelFileOps>;
