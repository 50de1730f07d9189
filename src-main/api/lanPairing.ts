/**
 * The pairing code the office PC shows and a new device types once: 8 characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), valid a few minutes, one at a time (a
 * new one replaces the old). Typed codes are compared without case, spaces or dashes.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export interface PairingCode {
  code: string;
  expiresAt: number;
}

export function newPairingCode(now: number, validMs: number): PairingCode {
  let raw = '';
  for (let i = 0; i < 8; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return { code: `${raw.slice(0, 4)}-${raw.slice(4)}`, expiresAt: now + validMs };
}

const plain = (s: string) => s.toUpperCase().replace(/[\s-]+/g, '');

/** 'ok', 'wrong' or 'expired' (an expired code is told apart: the PC shows a new one). */
export function checkPairingCode(current: PairingCode | null, typed: string, now: number): 'ok' | 'wrong' | 'expired' {
  if (!current) return 'wrong';
  const a = Buffer.from(plain(current.code));
  const b = Buffer.from(plain(typed));
  const same = a.length === b.length && timingSafeEqual(a, b);
  if (!same) return 'wrong';
  return now > current.expiresAt ? 'expired' : 'ok';
}
