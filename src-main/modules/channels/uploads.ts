/**
 * Files sent in chunks before their preview and import (channelFiles contract). They live
 * in this process's memory only: an import is done within minutes, and a file the user
 * abandoned must not stay on disk. Old uploads are dropped after an hour, and the total
 * is capped so a runaway client cannot fill the memory.
 */
import { randomBytes } from 'node:crypto';
import { DomainError } from '../../api/domainError';

interface Upload {
  chunks: Buffer[];
  bytes: number;
  fileName: string;
  touched: number;
}

const MAX_AGE_MS = 60 * 60 * 1000;
/** more than any shop export a workshop meets (the issue's big case is 50 MB) */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
const MAX_TOTAL_BYTES = 400 * 1024 * 1024;

const uploads = new Map<string, Upload>();

function sweep(now: number): void {
  for (const [id, u] of uploads) if (now - u.touched > MAX_AGE_MS) uploads.delete(id);
}

function refused(key: string, message: string, uploadId?: string): DomainError {
  return new DomainError('VALIDATION', message, { uploadId, issues: [{ path: ['uploadId'], key: `channels.upload.${key}`, message }] });
}

/** Appends chunk `index` (chunks come in order); returns the upload's id and size so far. */
export function appendChunk(input: { uploadId?: string; index: number; dataBase64: string; fileName: string }): { uploadId: string; bytes: number; chunks: number } {
  const now = Date.now();
  sweep(now);
  const data = Buffer.from(input.dataBase64, 'base64');
  let id = input.uploadId;
  let u: Upload | undefined;
  if (id === undefined) {
    if (input.index !== 0) throw refused('out_of_order', 'The first chunk of a file has index 0');
    id = randomBytes(12).toString('base64url');
    u = { chunks: [], bytes: 0, fileName: input.fileName, touched: now };
    uploads.set(id, u);
  } else {
    u = uploads.get(id);
    if (!u) throw refused('not_found', 'This upload is no longer here (older than an hour, or the app restarted): choose the file again', id);
    if (input.index !== u.chunks.length) throw refused('out_of_order', `Chunk ${input.index} arrived, ${u.chunks.length} expected`, id);
  }
  let total = data.length;
  for (const other of uploads.values()) total += other.bytes;
  if (u.bytes + data.length > MAX_UPLOAD_BYTES || total > MAX_TOTAL_BYTES) {
    uploads.delete(id);
    throw refused('too_large', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, id);
  }
  u.chunks.push(data);
  u.bytes += data.length;
  u.touched = now;
  return { uploadId: id, bytes: u.bytes, chunks: u.chunks.length };
}

/** The whole file of an upload (chunks joined once, then kept joined). */
export function uploadedBytes(uploadId: string): Buffer {
  const u = uploads.get(uploadId);
  if (!u) throw refused('not_found', 'This upload is no longer here (older than an hour, or the app restarted): choose the file again', uploadId);
  if (u.chunks.length !== 1) u.chunks = [Buffer.concat(u.chunks)];
  u.touched = Date.now();
  return u.chunks[0] ?? Buffer.alloc(0);
}

/** Puts a whole file under a known id (the preview worker receives the bytes from the main thread). */
export function putUpload(uploadId: string, bytes: Buffer, fileName = ''): void {
  uploads.set(uploadId, { chunks: [bytes], bytes: bytes.length, fileName, touched: Date.now() });
}

/** The bytes an import input names: an upload, or base64 in the input itself. */
export function fileBytesOf(input: { fileBase64: string; uploadId?: string }): Buffer {
  return input.uploadId ? uploadedBytes(input.uploadId) : Buffer.from(input.fileBase64, 'base64');
}
