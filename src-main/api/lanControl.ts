/**
 * Settings → Other devices, on the process that serves (the desktop app, `bottega serve`):
 * switches the LAN door on and off and answers `lan.*` for the local owner's window. The
 * registry cannot (its handlers are synchronous and own no server), so the local doors
 * pass their calls through `wrap`, which answers `lan.*` here and the rest as before.
 * The LAN door's own calls are not wrapped: there `lan.*` reach the registry, which
 * refuses them (a tablet cannot switch the door it is using off or read the pairing code).
 */
import { dirname } from 'node:path';
import { bwipJs } from '../documents/labels/barcodes';
import { contract } from '../../src-shared/contract';
import type { LanStatus } from '../../src-shared/contract/devices';
import type { Envelope } from '../../src-shared/contract/errors';
import { errorToEnvelope, fail, ok, zodIssues } from './envelope';
import type { LiveApp } from './liveApp';
import { certificateFor, currentIdentity, lanFolder } from './lanCertificate';
import { DEFAULT_LAN_PORT, startLanDoor, type LanDoor, type LanDoorOptions } from './lanDoor';

export interface LanControl {
  status(): LanStatus;
  setEnabled(on: boolean): Promise<LanStatus>;
  newPairingCode(): LanStatus;
  door(): LanDoor | null;
  /** a local door's invoke that answers lan.* here */
  wrap<A extends unknown[]>(invoke: (name: string, input: unknown, ...rest: A) => Promise<Envelope<unknown>>): (name: string, input: unknown, ...rest: A) => Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

export type LanControlOptions = Pick<LanDoorOptions, 'staticDir' | 'fileFor' | 'host' | 'now' | 'idleMs' | 'pairingValidMs' | 'loginLimits' | 'pairingLimits'> & {
  /** where the certificate is kept (default: the database's folder) */
  dataFolder?: string;
  port?: number;
};

/** The fingerprint as a QR code a phone can read and compare (bwip-js, as every barcode in the app). */
export function fingerprintQr(fingerprint: string): string {
  return bwipJs().toSVG({ bcid: 'qrcode', text: `SHA256:${fingerprint}`, scale: 3, paddingwidth: 4, paddingheight: 4 });
}

export function lanControl(live: LiveApp, opts: LanControlOptions = {}): LanControl {
  let door: LanDoor | null = null;
  let qr: { fingerprint: string; svg: string } | null = null;
  let switching: Promise<unknown> = Promise.resolve();

  const status = (): LanStatus => {
    if (!door) return { available: true, enabled: false, port: null, urls: [], fingerprint: null, fingerprintQrSvg: null, pairingCode: null, pairingExpiresAt: null };
    if (qr?.fingerprint !== door.fingerprint) qr = { fingerprint: door.fingerprint, svg: fingerprintQr(door.fingerprint) };
    const pairing = door.pairing();
    return {
      available: true,
      enabled: true,
      port: door.port,
      urls: door.urls,
      fingerprint: door.fingerprint,
      fingerprintQrSvg: qr.svg,
      pairingCode: pairing.code,
      pairingExpiresAt: new Date(pairing.expiresAt).toISOString(),
    };
  };

  const start = async () => {
    // the certificate is checked against this PC's name and addresses each time the door opens
    const certificate = await certificateFor(lanFolder(opts.dataFolder ?? dirname(live.dbPath)), currentIdentity());
    door = await startLanDoor({
      ...opts,
      certificate,
      port: opts.port ?? DEFAULT_LAN_PORT,
      ctx: () => live.current()?.ctx ?? null,
      invoke: (name, input, caller) => live.invoke(name, input, { door: 'lan', caller }),
    });
  };
  const stop = async () => {
    const closing = door;
    door = null;
    await closing?.close();
  };

  const setEnabled = (on: boolean): Promise<LanStatus> => {
    // one switch at a time: two quick clicks must not open two servers on one port
    const next = switching.then(async () => {
      if (on && !door) await start();
      if (!on && door) await stop();
      return status();
    });
    switching = next.catch(() => undefined);
    return next;
  };

  const newPairingCode = (): LanStatus => {
    door?.newPairing();
    return status();
  };

  const own: Record<string, (input: never) => LanStatus | Promise<LanStatus>> = {
    'lan.status': () => status(),
    'lan.setEnabled': (input: { enabled: boolean }) => setEnabled(input.enabled),
    'lan.newPairingCode': () => newPairingCode(),
  };

  return {
    status,
    setEnabled,
    newPairingCode,
    door: () => door,
    wrap:
      (invoke) =>
      async (name, input, ...rest) => {
        const handler = Object.hasOwn(own, name) ? own[name] : undefined;
        if (!handler) {
          const res = await invoke(name, input, ...rest);
          // a revoked device's sessions end now, not at their next call
          if (name === 'devices.revoke' && res.ok) door?.forgetDevice((res.data as { id: number }).id);
          return res;
        }
        const op = contract[name as keyof typeof contract];
        const parsed = op.input.safeParse(input ?? {});
        if (!parsed.success) return fail('VALIDATION', `Invalid input for ${name}`, { operation: name, issues: zodIssues(parsed.error) });
        try {
          return ok(op.output.parse(await handler(parsed.data as never)));
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE') return fail('CONFLICT', `Port ${opts.port ?? DEFAULT_LAN_PORT} is taken by another program: Other devices cannot be switched on`, { reason: 'port_in_use' });
          return errorToEnvelope(err);
        }
      },
    close: stop,
  };
}
