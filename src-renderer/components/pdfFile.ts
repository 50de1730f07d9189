/**
 * A PDF that came from a query as base64: opened in a new tab as a blob URL, or saved as a
 * file. Where a new tab is not allowed (the desktop window blocks new windows), `openPdf`
 * hands back the URL so the screen can show it in a dialog.
 */
export function pdfBlob(base64: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

/** Opens the PDF in a new tab; returns its URL when the tab was blocked (the caller shows it and revokes it). */
export function openPdf(base64: string): string | null {
  const url = URL.createObjectURL(pdfBlob(base64));
  const win = window.open(url, '_blank');
  if (!win) return url;
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return null;
}

export function downloadPdf(base64: string, fileName: string): void {
  const url = URL.createObjectURL(pdfBlob(base64));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
