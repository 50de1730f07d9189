/**
 * Logged-in sessions of the LAN door, in memory (a restart of the office PC logs everyone
 * out, which is what one expects of it). The cookie carries a random id; the map keeps
 * its SHA-256, the user and the device, and when it was last used: past the idle timeout
 * the session is gone. Sessions of a revoked device end at their next request (the door
 * checks the device on every call).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface LanSession {
  userId: number;
  deviceId: number;
  lastUsed: number;
}

export interface Sessions {
  open(userId: number, deviceId: number): string;
  /** the live session of this id (its idle clock restarted), or null */
  touch(id: string): LanSession | null;
  close(id: string): void;
  /** ends every session of a device (revoked) */
  closeDevice(deviceId: number): void;
  size(): number;
}

const hashed = (id: string) => createHash('sha256').update(id).digest('base64url');

export function sessionStore(idleMs: number, now: () => number): Sessions {
  const live = new Map<string, LanSession>();
  const sweep = () => {
    const t = now();
    for (const [k, s] of live) if (t - s.lastUsed > idleMs) live.delete(k);
  };
  return {
    open: (userId, deviceId) => {
      sweep();
      const id = randomBytes(32).toString('base64url');
      live.set(hashed(id), { userId, deviceId, lastUsed: now() });
      return id;
    },
    touch: (id) => {
      if (!id) return null;
      const key = hashed(id);
      const s = live.get(key);
      if (!s) return null;
      if (now() - s.lastUsed > idleMs) {
        live.delete(key);
        return null;
      }
      s.lastUsed = now();
      return s;
    },
    close: (id) => {
      live.delete(hashed(id));
    },
    closeDevice: (deviceId) => {
      for (const [k, s] of live) if (s.deviceId === deviceId) live.delete(k);
    },
    size: () => live.size,
  };
}
