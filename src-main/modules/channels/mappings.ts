import { columnMapping, type ColumnMapping } from '../../../src-shared/contract/channels';
import type { Handler } from '../../api/handlers';
import type { Ctx, ReadCtx } from '../../api/context';
import { DomainError, notFound } from '../../api/domainError';
import { likeContains } from '../catalog/items';
import type { Channel } from './formats';
import { sql, where } from '../../db/sql';

interface MappingRow {
  id: number;
  name: string;
  channel: Channel;
  columns: string;
  updatedAt: string;
}

export interface SavedMapping {
  id: number;
  name: string;
  channel: Channel;
  columns: ColumnMapping;
  updatedAt: string;
}

const SELECT_MAPPING = sql`SELECT id, name, channel, columns, updated_at AS updatedAt FROM channel_mappings`;
const ALL_MAPPINGS = sql`${SELECT_MAPPING} ORDER BY updated_at DESC, id DESC`;
const MAPPING_BY_NAME = sql`${SELECT_MAPPING} WHERE name = ? COLLATE NOCASE`;

function toMapping(r: MappingRow): SavedMapping {
  return { id: r.id, name: r.name, channel: r.channel, columns: columnMapping.parse(JSON.parse(r.columns)), updatedAt: r.updatedAt };
}

/** Saved mappings, most recently saved first. */
export function allMappings(ctx: ReadCtx): SavedMapping[] {
  return (ctx.sqlite.prepare(ALL_MAPPINGS.text).all() as MappingRow[]).map(toMapping);
}

export function mappingByName(ctx: ReadCtx, name: string): SavedMapping | null {
  const r = ctx.sqlite.prepare(MAPPING_BY_NAME.text).get(name.trim()) as MappingRow | undefined;
  return r ? toMapping(r) : null;
}

export const saveMapping: Handler<'channels.saveMapping'> = (ctx, input) => {
  const stamp = ctx.now().toISOString();
  if (['shopify', 'etsy', 'bottega', 'mapping'].includes(input.name.toLowerCase())) {
    throw new DomainError('VALIDATION', `"${input.name}" is the name of a built-in format: choose another name`, {
      issues: [{ path: ['name'], key: 'mapping_name_reserved', message: 'Reserved for a built-in format', params: { name: input.name } }],
    });
  }
  ctx.sqlite
    .prepare(
      `INSERT INTO channel_mappings (name, channel, columns, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name COLLATE NOCASE) DO UPDATE SET name = excluded.name, channel = excluded.channel, columns = excluded.columns, updated_at = excluded.updated_at`,
    )
    .run(input.name, input.channel, JSON.stringify(input.columns), stamp, stamp);
  return mappingByName(ctx, input.name)!;
};

export const listMappings: Handler<'channels.listMappings'> = (ctx) => ({ mappings: allMappings(ctx) });

export const deleteMapping: Handler<'channels.deleteMapping'> = (ctx, input) => {
  if (ctx.sqlite.prepare('DELETE FROM channel_mappings WHERE id = ?').run(input.id).changes === 0) throw notFound('mapping', input.id);
  return { id: input.id };
};

/** Remembers channel SKU → item (the last choice wins). */
export function saveSkuMapping(ctx: Ctx, channel: Channel, externalSku: string, itemId: number): void {
  const stamp = ctx.now().toISOString();
  ctx.sqlite
    .prepare(
      `INSERT INTO channel_sku_map (channel, external_sku, item_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (channel, external_sku COLLATE NOCASE) DO UPDATE SET item_id = excluded.item_id, updated_at = excluded.updated_at`,
    )
    .run(channel, externalSku, itemId, stamp, stamp);
}

/** The remembered SKUs of a channel: lower-cased channel SKU → item id. */
export function savedSkuMap(ctx: ReadCtx, channel: Channel): Map<string, number> {
  const rows = ctx.sqlite.prepare('SELECT external_sku AS sku, item_id AS itemId FROM channel_sku_map WHERE channel = ?').all(channel) as { sku: string; itemId: number }[];
  return new Map(rows.map((r) => [r.sku.toLowerCase(), r.itemId]));
}

export const listSkuMappings: Handler<'channels.skuMappings'> = (ctx, input) => {
  const q = input.q.trim();
  const like = likeContains(q);
  const cond = where([
    input.channel ? sql`m.channel = ${input.channel}` : null,
    q ? sql`(m.external_sku LIKE ${like} ESCAPE '\\' OR i.sku LIKE ${like} ESCAPE '\\' OR i.name LIKE ${like} ESCAPE '\\')` : null,
  ]);
  const page = sql`SELECT m.id, m.channel, m.external_sku AS externalSku, m.updated_at AS updatedAt, i.id AS itemId, i.sku, i.name, i.kind, i.unit
       FROM channel_sku_map m JOIN items i ON i.id = m.item_id ${cond}
       ORDER BY m.channel, m.external_sku COLLATE NOCASE LIMIT ${input.limit} OFFSET ${input.offset}`;
  const count = sql`SELECT count(*) AS n FROM channel_sku_map m JOIN items i ON i.id = m.item_id ${cond}`;
  const rows = ctx.sqlite
    .prepare(page.text)
    .all(...page.values) as { id: number; channel: Channel; externalSku: string; updatedAt: string; itemId: number; sku: string; name: string; kind: 'product'; unit: 'pcs' }[];
  const total = (ctx.sqlite.prepare(count.text).get(...count.values) as { n: number }).n;
  return {
    mappings: rows.map((r) => ({ id: r.id, channel: r.channel, externalSku: r.externalSku, updatedAt: r.updatedAt, item: { id: r.itemId, sku: r.sku, name: r.name, kind: r.kind, unit: r.unit } })),
    total,
  };
};

export const deleteSkuMapping: Handler<'channels.deleteSkuMapping'> = (ctx, input) => {
  if (ctx.sqlite.prepare('DELETE FROM channel_sku_map WHERE id = ?').run(input.id).changes === 0) throw notFound('SKU mapping', input.id);
  return { id: input.id };
};
