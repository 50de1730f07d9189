import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Session } from 'electron';

/**
 * PDFs the window downloads (documents, labels, reports) open in the system's PDF viewer,
 * whose Print goes to the OS print dialog: they are saved under <temp>/Bottega documents
 * without a dialog, then opened. Any other download keeps Electron's Save dialog.
 */
export function openPdfDownloadsInViewer(session: Session, opts: { dir: string; open: (path: string) => Promise<string>; log: (line: string) => void }): void {
  session.on('will-download', (_event, item) => {
    const given = basename(item.getFilename() || 'document');
    const pdf = item.getMimeType() === 'application/pdf' || given.toLowerCase().endsWith('.pdf');
    if (!pdf) return;
    // a blob: download has no name of its own (a uuid): give it the extension the viewer needs
    const name = given.toLowerCase().endsWith('.pdf') ? given : `${given}.pdf`;
    mkdirSync(opts.dir, { recursive: true });
    item.setSavePath(join(opts.dir, name));
    item.once('done', (_e, state) => {
      if (state !== 'completed') return opts.log(`PDF ${name}: download ${state}`);
      void opts.open(item.getSavePath()).then((error) => {
        if (error) opts.log(`PDF ${name}: the system viewer did not open (${error})`);
      });
    });
  });
}
