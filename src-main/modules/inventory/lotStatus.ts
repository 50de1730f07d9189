import type { Lot } from '../../../src-shared/contract/inventory';
import type { Handler } from '../../api/handlers';
import type { Ctx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { loadLot } from './lotRows';

type Status = Lot['status'];

/** Moves a lot from one status to another, recording who, when and why. */
export function changeLotStatus(ctx: Ctx, lotId: number, allowedFrom: Status[], to: Status, reason: string, by: string): Lot {
  const lot = loadLot(ctx, lotId);
  if (!allowedFrom.includes(lot.status)) {
    throw new DomainError('CONFLICT', `Lot ${lot.code} is ${lot.status}: it cannot become ${to}`, {
      lotId,
      code: lot.code,
      status: lot.status,
      to,
      issues: [{ path: ['lotId'], key: 'lot_status_transition', message: `Lot ${lot.code} is ${lot.status}`, params: { code: lot.code, status: lot.status, to } }],
    });
  }
  ctx.sqlite.prepare('UPDATE lots SET status = ? WHERE id = ?').run(to, lotId);
  ctx.sqlite
    .prepare('INSERT INTO lot_status_changes (lot_id, from_status, to_status, reason, by, at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(lotId, lot.status, to, reason, by, ctx.now().toISOString());
  return loadLot(ctx, lotId);
}

export const releaseLot: Handler<'inventory.releaseLot'> = (ctx, i) => changeLotStatus(ctx, i.lotId, ['quarantine'], 'released', i.reason, i.by);
export const blockLot: Handler<'inventory.blockLot'> = (ctx, i) => changeLotStatus(ctx, i.lotId, ['released', 'quarantine'], 'blocked', i.reason, i.by);
/** Unblocking gives back the status the lot had before: a quarantined lot still needs its release. */
export const unblockLot: Handler<'inventory.unblockLot'> = (ctx, i) => {
  const before = ctx.sqlite
    .prepare("SELECT from_status AS s FROM lot_status_changes WHERE lot_id = ? AND to_status = 'blocked' ORDER BY id DESC LIMIT 1")
    .get(i.lotId) as { s: Lot['status'] } | undefined;
  return changeLotStatus(ctx, i.lotId, ['blocked'], before?.s === 'quarantine' ? 'quarantine' : 'released', i.reason, i.by);
};
