/**
 * The LAN door's own routes (/auth/*): who this device and person are, pairing, login,
 * logout. The device token and the session are HttpOnly cookies the browser keeps and
 * sends; this code only reads the answers.
 */
import type { Envelope } from '../../src-shared/contract/errors';
import type { Role } from '../../src-shared/contract/accounts';

export interface LanUser {
  login: string;
  name: string;
  role: Role;
}

export interface LanMe {
  paired: boolean;
  deviceName: string | null;
  user: LanUser | null;
}

async function ask<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Envelope<T>> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as Envelope<T>;
}

export const lanMe = () => ask<LanMe>('GET', '/auth/me');
export const lanPair = (code: string, name: string) => ask<{ device: { id: number; name: string } }>('POST', '/auth/pair', { code, name });
export const lanLogin = (login: string, password: string) => ask<{ user: LanUser }>('POST', '/auth/login', { login, password });
export const lanLogout = () => ask<{ loggedOut: true }>('POST', '/auth/logout');
