import type { Handler } from '../../api/handlers';
import { DomainError } from '../../api/domainError';

type LocationRow = { id: number; code: string; name: string; isDefault: number };
const toLocation = (r: LocationRow) => ({ id: r.id, code: r.code, name: r.name, isDefault: r.isDefault === 1 });

export const createLocation: Handler<'inventory.createLocation'> = (ctx, input) => {
  if (ctx.sqlite.prepare('SELECT 1 FROM locations WHERE code = ? COLLATE NOCASE').get(input.code)) {
    throw new DomainError('CONFLICT', `Location ${input.code} exists already`, {
      issues: [{ path: ['code'], key: 'location_taken', message: 'Code already used', params: { code: input.code } }],
    });
  }
  const id = Number(ctx.sqlite.prepare('INSERT INTO locations (code, name) VALUES (?, ?)').run(input.code, input.name).lastInsertRowid);
  return toLocation(ctx.sqlite.prepare('SELECT id, code, name, is_default AS isDefault FROM locations WHERE id = ?').get(id) as LocationRow);
};

export const listLocations: Handler<'inventory.locations'> = (ctx) => {
  const rows = ctx.sqlite.prepare('SELECT id, code, name, is_default AS isDefault FROM locations WHERE archived = 0 ORDER BY is_default DESC, code').all() as LocationRow[];
  return { locations: rows.map(toLocation) };
};
