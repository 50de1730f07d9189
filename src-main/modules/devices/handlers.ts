import type { HandlerMap } from '../../api/handlers';
import { DomainError } from '../../api/domainError';
import { listDevices, revokeDevice } from './store';

/**
 * The LAN door itself lives in the serving process (api/lanControl.ts answers `lan.*`
 * there, before the registry); a door without it (the CLI's `call`) gets this answer.
 */
const noDoorHere = (): never => {
  throw new DomainError('CONFLICT', 'Other devices can be switched on only in the running app or in `bottega serve` (try `bottega serve --lan`)', { reason: 'no_lan_door' });
};

export const devicesHandlers: HandlerMap<'devices.list' | 'devices.revoke' | 'lan.status' | 'lan.setEnabled' | 'lan.newPairingCode'> = {
  'devices.list': (ctx) => ({ devices: listDevices(ctx) }),
  'devices.revoke': (ctx, input) => revokeDevice(ctx, input.id),
  'lan.status': () => ({ available: false, enabled: false, port: null, urls: [], fingerprint: null, fingerprintQrSvg: null, pairingCode: null, pairingExpiresAt: null }),
  'lan.setEnabled': noDoorHere,
  'lan.newPairingCode': noDoorHere,
};
