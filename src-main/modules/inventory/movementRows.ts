import type { z } from 'zod';
import type { movement } from '../../../src-shared/contract/inventory';
import type { Ctx, ReadCtx } from '../../api/context';
import { notFound } from '../../api/domainError';
import { documentLabel } from './documents';
import { sql } from '../../db/sql';

type Movement = z.infer<typeof movement>;

const MOVEMENT_SELECT = sql`SELECT m.id, m.lot_id AS lotId, m.location_id AS locationId, loc.code AS locationCode, m.kind, m.qty_milli AS qtyMilli,
  m.doc_type AS docType, m.doc_id AS docId, m.reverses_id AS reversesId,
  (SELECT r.id FROM stock_movements r WHERE r.reverses_id = m.id) AS reversedById,
  m.reason, m.date, m.created_at AS createdAt
  FROM stock_movements m JOIN locations loc ON loc.id = m.location_id`;

export function lotMovements(ctx: ReadCtx, lotId: number): Movement[] {
  const rows = ctx.sqlite.prepare(sql`${MOVEMENT_SELECT} WHERE m.lot_id = ? ORDER BY m.id`.text).all(lotId) as Omit<Movement, 'docLabel'>[];
  const labels = new Map<string, string>();
  return rows.map((r) => {
    const key = `${r.docType}:${r.docId}`;
    if (!labels.has(key)) labels.set(key, documentLabel(ctx, r.docType, r.docId));
    return { ...r, docLabel: labels.get(key)! };
  });
}

export function loadMovement(ctx: Ctx, id: number): Movement {
  const r = ctx.sqlite.prepare(sql`${MOVEMENT_SELECT} WHERE m.id = ?`.text).get(id) as Omit<Movement, 'docLabel'> | undefined;
  if (!r) throw notFound('movement', id);
  return { ...r, docLabel: documentLabel(ctx, r.docType, r.docId) };
}
