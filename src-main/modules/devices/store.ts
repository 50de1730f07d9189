/**
 * The devices table's one writer. A device token is 32 random bytes shown once (to the
 * device, as a cookie); the table keeps its SHA-256 only.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Ctx, ReadCtx } from '../../api/context';
import type { PairedDevice } from '../../../src-shared/contract/devices';
import { DomainError } from '../../api/domainError';
import { preparedOnce } from '../../db/statementCache';

type Row = { id: number; name: string; pairedAt: string; lastSeenAt: string | null; revokedAt: string | null };


export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new trusted device: its token (to hand to the device once) and its row. */
export function pairDevice(ctx: Ctx, name: string): { token: string; device: PairedDevice } {
  const token = randomBytes(32).toString('base64url');
  const id = Number(
    ctx.sqlite.prepare('INSERT INTO devices (name, token_hash, paired_at) VALUES (?, ?, ?)').run(name, tokenHash(token), ctx.now().toISOString()).lastInsertRowid,
  );
  return { token, device: deviceById(ctx, id)! };
}

export function deviceById(ctx: ReadCtx, id: number): PairedDevice | null {
  return (ctx.sqlite.prepare('SELECT id, name, paired_at AS pairedAt, last_seen_at AS lastSeenAt, revoked_at AS revokedAt FROM devices WHERE id = ?').get(id) as Row | undefined) ?? null;
}

/** The live (not revoked) device holding this token, or null. */
export function deviceByToken(ctx: ReadCtx, token: string): PairedDevice | null {
  if (!token) return null;
  // asked on every call through the LAN door: compiled once per connection
  return (preparedOnce(ctx.sqlite, 'SELECT id, name, paired_at AS pairedAt, last_seen_at AS lastSeenAt, revoked_at AS revokedAt FROM devices WHERE token_hash = ? AND revoked_at IS NULL').get(tokenHash(token)) as Row | undefined) ?? null;
}

export function listDevices(ctx: ReadCtx): PairedDevice[] {
  return ctx.sqlite.prepare('SELECT id, name, paired_at AS pairedAt, last_seen_at AS lastSeenAt, revoked_at AS revokedAt FROM devices ORDER BY paired_at DESC, id DESC').all() as Row[];
}

export function revokeDevice(ctx: Ctx, id: number): PairedDevice {
  const found = deviceById(ctx, id);
  if (!found) throw new DomainError('NOT_FOUND', `No paired device ${id}`, { field: 'id', id });
  if (!found.revokedAt) ctx.sqlite.prepare('UPDATE devices SET revoked_at = ? WHERE id = ?').run(ctx.now().toISOString(), id);
  return deviceById(ctx, id)!;
}

/** A login from the device: when it was last used, for the owner's list. */
export function deviceSeen(ctx: Ctx, id: number): void {
  ctx.sqlite.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(ctx.now().toISOString(), id);
}
