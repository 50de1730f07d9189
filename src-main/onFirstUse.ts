import { createRequire } from 'node:module';

// not named `require`: electron-vite puts a `require` of its own at the top of the bundle
const requireHere = createRequire(import.meta.url);

/**
 * A CommonJS dependency loaded when first asked for, not when the process starts: PDF
 * making, barcodes, holidays and mail are a fifth of the CPU of every start of the app,
 * the CLI and the browser-mode server (pdfkit ~90 ms, date-holidays ~90, nodemailer ~40,
 * bwip-js ~30 on this machine), while most starts and most CLI calls use none of them.
 * The type comes from a type-only import at the caller, so nothing is loaded for it.
 */
export function onFirstUse<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(id) as T);
}
