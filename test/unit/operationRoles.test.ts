/** Every contract operation declares which roles may call it, and only known roles besides the owner. */
import { describe, expect, it } from 'vitest';
import { contract, operationRoles } from '../../src-shared/contract';
import { ROLES } from '../../src-shared/contract/accounts';

describe('role declarations', () => {
  it('declare roles for every operation of the contract, and for nothing else', () => {
    const missing = Object.keys(contract).filter((name) => !Object.hasOwn(operationRoles, name));
    const extra = Object.keys(operationRoles).filter((name) => !Object.hasOwn(contract, name));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  it('name only known roles, never the owner (who may do everything)', () => {
    const bad = Object.entries(operationRoles).filter(([, roles]) => roles.some((r) => !ROLES.includes(r) || (r as string) === 'owner'));
    expect(bad).toEqual([]);
  });

  it('give the viewer no command, and the reads every screen needs at start to every role', () => {
    const viewerCommands = Object.entries(operationRoles).filter(([name, roles]) => roles.includes('viewer') && contract[name as keyof typeof contract].kind === 'command');
    expect(viewerCommands).toEqual([]);
    for (const name of ['settings.get', 'system.status', 'accounts.me', 'settings.logo'] as const) {
      expect(operationRoles[name], name).toEqual(['office', 'production', 'packing', 'viewer']);
    }
  });

  it('keep users, backups, restore, settings changes and the activity log to the owner', () => {
    for (const name of ['accounts.list', 'accounts.create', 'accounts.setPassword', 'accounts.disable', 'settings.update', 'system.restore', 'backups.runNow', 'audit.list', 'notifications.saveSettings'] as const) {
      expect(operationRoles[name], name).toEqual([]);
    }
  });
});
