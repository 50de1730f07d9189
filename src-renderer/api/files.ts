/**
 * Files in and out of the window. In: a file goes to the app in chunks (channels.uploadChunk),
 * so a 50 MB export never becomes one huge request or IPC message and the user sees it
 * travel. Out: text the app made (CSV exports) and the database backup, saved through the
 * browser's download.
 */
import { UPLOAD_CHUNK_BYTES } from '../../src-shared/contract/channelFiles';
import { call, token } from './client';

/** base64 of a part of a file, read by the browser off the page's thread. */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(blob);
  });
}

export async function uploadFile(file: File, onProgress: (sent: number, total: number) => void): Promise<string> {
  let uploadId: string | undefined;
  let index = 0;
  onProgress(0, file.size);
  for (let start = 0; start < file.size || index === 0; start += UPLOAD_CHUNK_BYTES, index++) {
    const end = Math.min(file.size, start + UPLOAD_CHUNK_BYTES);
    const dataBase64 = await base64Of(file.slice(start, end));
    const r = await call('channels.uploadChunk', { uploadId, index, dataBase64, fileName: file.name });
    uploadId = r.uploadId;
    onProgress(end, file.size);
  }
  return uploadId!;
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV exports already carry Excel's BOM in their text. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(new Blob([text], { type }), fileName);
}

/**
 * A backup made now. Browser mode downloads it from the HTTP door; the desktop app keeps
 * it in the backups folder beside the database and says where.
 */
export async function downloadBackup(): Promise<{ fileName: string; path: string; downloaded: boolean }> {
  const made = await call('system.makeBackup', {});
  if (window.bottega?.invoke) return { ...made, downloaded: false };
  const res = await fetch('/files/' + encodeURIComponent(made.fileName), { method: 'POST', headers: { Authorization: 'Bearer ' + token() } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  saveBlob(await res.blob(), made.fileName);
  return { ...made, downloaded: true };
}
