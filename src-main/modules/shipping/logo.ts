import type { Ctx } from '../../api/context';

/** The logo documents print now; a DDT keeps the id it was issued with. */
export function currentLogoId(ctx: Ctx): number | null {
  return (ctx.sqlite.prepare('SELECT id FROM company_logos WHERE removed_at IS NULL ORDER BY id DESC LIMIT 1').get() as { id: number } | undefined)?.id ?? null;
}

export function logoImage(ctx: Ctx, id: number | null): Buffer | null {
  if (id === null) return null;
  const r = ctx.sqlite.prepare('SELECT data FROM company_logos WHERE id = ?').get(id) as { data: string } | undefined;
  return r ? Buffer.from(r.data, 'base64') : null;
}
