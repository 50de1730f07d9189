/**
 * Passwords, kept only as scrypt hashes (Node's own crypto: no native module to build).
 * The stored text carries its parameters and salt, `scrypt$N$r$p$salt$hash` (base64url),
 * so the cost can be raised later: an old hash still verifies with the parameters it was
 * made with. Each user gets a random 16-byte salt, so two equal passwords hash apart.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** OWASP's scrypt floor (N=2^17, r=8, p=1) costs 128 MiB; 2^15 keeps a login near 0.1 s and 32 MiB on the office PC. */
export const SCRYPT_PARAMS = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

type Params = { N: number; r: number; p: number };

function derive(password: string, salt: Buffer, params: Params, keyBytes = KEY_BYTES): Buffer {
  // maxmem: scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly 2^15·8·128, leave room
  return scryptSync(password.normalize('NFC'), salt, keyBytes, { ...params, maxmem: 256 * params.N * params.r });
}

export function hashPassword(password: string, params: Params = SCRYPT_PARAMS): string {
  const salt = randomBytes(SALT_BYTES);
  const key = derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string): { params: Params; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || (N & (N - 1)) !== 0) return null;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  if (salt.length === 0 || key.length === 0) return null;
  return { params: { N, r, p }, salt, key };
}

/** Whether `password` is the one `stored` was made from; a malformed stored text never matches. */
export function verifyPassword(password: string, stored: string): boolean {
  const s = parse(stored);
  if (!s) return false;
  const key = derive(password, s.salt, s.params, s.key.length);
  return timingSafeEqual(key, s.key);
}

/** Whether a stored hash was made with weaker parameters than today's (rehash it at the next login). */
export function needsRehash(stored: string): boolean {
  const s = parse(stored);
  return !s || s.params.N < SCRYPT_PARAMS.N || s.params.r < SCRYPT_PARAMS.r || s.params.p < SCRYPT_PARAMS.p;
}

/**
 * A hash of no one's password, made once: an unknown login is checked against it, so
 * "no such user" costs the same scrypt as "wrong password" and timing tells nothing.
 */
let decoy: string | undefined;
export function decoyHash(): string {
  decoy ??= hashPassword(randomBytes(18).toString('base64url'));
  return decoy;
}
