import { z } from 'zod';
import { command, query } from './define';
import { emptyInput, id } from './common';
import { OWNER_ONLY, type RolesOf } from './accounts';

/**
 * Other devices on the workshop's network (Settings → Other devices, owner only): the
 * HTTPS door on the LAN, its certificate's fingerprint, the pairing code a new device
 * types once, and the devices paired so far. The door lives in the process that serves
 * (the desktop app or `bottega serve`): `lan.*` answer there, not from the CLI's `call`.
 */

export const pairedDevice = z.object({
  id,
  name: z.string(),
  pairedAt: z.string(),
  /** the last login from it (null: none yet) */
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type PairedDevice = z.infer<typeof pairedDevice>;

export const lanStatus = z.object({
  /** false where no door can be opened (the CLI's `call`) */
  available: z.boolean(),
  enabled: z.boolean(),
  port: z.number().int().nullable(),
  /** the addresses to open on a device, https://…:port/ (hostname first, then IPs, loopback last) */
  urls: z.array(z.string()),
  /** SHA-256 of the certificate, AB:CD:… (compare it with what the device's browser shows) */
  fingerprint: z.string().nullable(),
  /** the fingerprint as a QR code (SVG text, made by bwip-js) */
  fingerprintQrSvg: z.string().nullable(),
  /** the code a new device types once; null while the door is off */
  pairingCode: z.string().nullable(),
  pairingExpiresAt: z.string().nullable(),
});
export type LanStatus = z.infer<typeof lanStatus>;

export const devicesOps = {
  'lan.status': query('Whether other devices may connect, the addresses to open, the certificate fingerprint and the pairing code.', emptyInput, lanStatus),
  'lan.setEnabled': command('Switch the HTTPS door for other devices on the network on or off.', z.object({ enabled: z.boolean() }).strict(), lanStatus),
  'lan.newPairingCode': command('A new pairing code (the old one stops working).', emptyInput, lanStatus),
  'devices.list': query('The devices paired with this PC, newest first (revoked ones too).', emptyInput, z.object({ devices: z.array(pairedDevice) })),
  'devices.revoke': command('Stop trusting a paired device: its sessions end and it must be paired again.', z.object({ id }).strict(), pairedDevice),
} as const;

/** Who may call each operation besides the owner: only the owner manages the door and the devices. */
export const devicesRoles = {
  'lan.status': OWNER_ONLY,
  'lan.setEnabled': OWNER_ONLY,
  'lan.newPairingCode': OWNER_ONLY,
  'devices.list': OWNER_ONLY,
  'devices.revoke': OWNER_ONLY,
} as const satisfies RolesOf<typeof devicesOps>;
