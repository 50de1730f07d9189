import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The devices trusted to use the LAN door (a tablet at the packing bench, a PC in the
 * production room). A device got its token once, by typing the pairing code shown on the
 * office PC; only the token's SHA-256 is kept (the token is 32 random bytes, so a fast
 * hash is enough: there is nothing to guess). Revoked devices stay, for the record.
 */
export const devices = sqliteTable(
  'devices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    pairedAt: text('paired_at').notNull(),
    lastSeenAt: text('last_seen_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('devices_paired_at').on(t.pairedAt)],
);
