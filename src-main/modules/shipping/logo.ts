import { pdfKit } from '../../documents/pdfDocument';
import { LOGO_MAX_BYTES } from '../../../src-shared/contract/logo';
import type { HandlerMap } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { fieldError } from '../../api/domainError';

/** The logo documents print now; a DDT keeps the id it was issued with. */
export function currentLogoId(ctx: ReadCtx): number | null {
  return (ctx.sqlite.prepare('SELECT id FROM company_logos WHERE removed_at IS NULL ORDER BY id DESC LIMIT 1').get() as { id: number } | undefined)?.id ?? null;
}

export function logoImage(ctx: ReadCtx, id: number | null): Buffer | null {
  if (id === null) return null;
  const r = ctx.sqlite.prepare('SELECT data FROM company_logos WHERE id = ?').get(id) as { data: string } | undefined;
  return r ? Buffer.from(r.data, 'base64') : null;
}

const MAGIC = { 'image/png': [0x89, 0x50, 0x4e, 0x47], 'image/jpeg': [0xff, 0xd8, 0xff] } as const;

/** Reads the picture the way the PDF renderer will: a file pdfkit cannot embed is refused now, not at the first DDT. */
function imageSize(bytes: Buffer): { width: number; height: number } | null {
  try {
    // openImage is pdfkit's own decoder (not in its type declarations)
    const doc = new (pdfKit())({ autoFirstPage: false }) as unknown as { openImage(b: Buffer): { width: number; height: number } };
    const img = doc.openImage(bytes);
    return { width: img.width, height: img.height };
  } catch {
    return null;
  }
}

function logoOut(ctx: ReadCtx, id: number) {
  const r = ctx.sqlite.prepare('SELECT id, content_type AS contentType, data AS base64, byte_size AS byteSize FROM company_logos WHERE id = ?').get(id) as { id: number; contentType: 'image/png'; base64: string; byteSize: number };
  return { ...r, ...(imageSize(Buffer.from(r.base64, 'base64')) ?? { width: 0, height: 0 }) };
}

export const logoHandlers: HandlerMap<'settings.logo' | 'settings.setLogo' | 'settings.removeLogo'> = {
  'settings.logo': (ctx) => {
    const id = currentLogoId(ctx);
    return id === null ? null : logoOut(ctx, id);
  },
  'settings.setLogo': (ctx, input) => {
    const bytes = Buffer.from(input.base64, 'base64');
    if (bytes.length > LOGO_MAX_BYTES) {
      throw fieldError('The logo is too large', [{ path: ['base64'], key: 'logo_too_large', message: `The logo is ${Math.ceil(bytes.length / 1024)} KB; at most ${LOGO_MAX_BYTES / 1024} KB`, params: { kb: Math.ceil(bytes.length / 1024), maxKb: LOGO_MAX_BYTES / 1024 } }]);
    }
    const magic = MAGIC[input.contentType];
    if (!magic.every((b, i) => bytes[i] === b) || imageSize(bytes) === null) {
      throw fieldError('The logo is not a PNG or JPEG picture', [{ path: ['base64'], key: 'logo_unreadable', message: `The file is not a readable ${input.contentType === 'image/png' ? 'PNG' : 'JPEG'}` }]);
    }
    const stamp = ctx.now().toISOString();
    ctx.sqlite.prepare('UPDATE company_logos SET removed_at = ? WHERE removed_at IS NULL').run(stamp);
    const id = Number(
      ctx.sqlite.prepare('INSERT INTO company_logos (content_type, data, byte_size, created_at) VALUES (?, ?, ?, ?)').run(input.contentType, bytes.toString('base64'), bytes.length, stamp).lastInsertRowid,
    );
    return logoOut(ctx, id);
  },
  'settings.removeLogo': (ctx) => ({ removed: ctx.sqlite.prepare('UPDATE company_logos SET removed_at = ? WHERE removed_at IS NULL').run(ctx.now().toISOString()).changes > 0 }),
};
