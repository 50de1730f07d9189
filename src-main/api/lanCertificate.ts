/**
 * The LAN door's certificate: self-signed, made on first use for this PC's hostname and
 * its current addresses (subject alternative names), kept in `<data folder>/lan/`
 * (key readable by the owner only), and made again when the hostname or the addresses
 * change or it nears its end. A device compares its SHA-256 fingerprint with the one the
 * office PC shows (as text and as a QR code), so no certificate authority is needed.
 */
import { X509Certificate, createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { fsyncFolder } from '../db/durableFile';

export interface LanIdentity {
  /** DNS names: the hostname, hostname.local, localhost */
  names: string[];
  /** IPv4 and global IPv6 addresses of the interfaces that are up, loopback included */
  ips: string[];
}

export interface LanCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate's DER bytes as `AB:CD:…` (what browsers show) */
  fingerprint: string;
  identity: LanIdentity;
  validTo: Date;
}

/** This PC as the network sees it now. */
export function currentIdentity(host: string = hostname(), ifaces = networkInterfaces()): LanIdentity {
  const ips = new Set<string>(['127.0.0.1', '::1']);
  for (const list of Object.values(ifaces)) {
    for (const a of list ?? []) {
      // a link-local IPv6 address needs a zone (%eth0) that no URL carries: leave it out
      if (a.family === 'IPv6' && a.address.toLowerCase().startsWith('fe80')) continue;
      ips.add(a.address);
    }
  }
  const names = new Set<string>(['localhost']);
  const short = host.trim().toLowerCase();
  if (/^[a-z0-9.-]+$/.test(short)) {
    names.add(short);
    if (!short.includes('.')) names.add(`${short}.local`);
  }
  return { names: [...names].sort(), ips: [...ips].sort() };
}

/** `AB:CD:…` of the certificate's DER bytes. */
export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** The same from raw DER bytes (what a TLS socket's peer certificate gives). */
export function fingerprintOfDer(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
}

function identityOf(cert: X509Certificate): LanIdentity {
  const names: string[] = [];
  const ips: string[] = [];
  for (const part of (cert.subjectAltName ?? '').split(', ')) {
    if (part.startsWith('DNS:')) names.push(part.slice(4));
    else if (part.startsWith('IP Address:')) ips.push(part.slice(11).toLowerCase());
  }
  return { names: names.sort(), ips: ips.sort() };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Node prints IPv6 SANs expanded (0:0:0:0:0:0:0:1): compare them in that form. */
function expandedIp(ip: string): string {
  if (!ip.includes(':')) return ip;
  const [head, tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = ip.includes('::') ? Array(8 - h.length - t.length).fill('0') : [];
  return [...h, ...fill, ...t].map((g) => g.replace(/^0+(?=.)/, '').toLowerCase()).join(':');
}

const RENEW_BEFORE_MS = 30 * 24 * 3600 * 1000;
const VALID_DAYS = 825;

/** A temporary file with its final mode from the start (the key is never readable by others), renamed over the target. */
function writeWhole(path: string, text: string, mode: number): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode, flush: true });
  chmodSync(tmp, mode);
  renameSync(tmp, path);
}

/** The folder of one PC's LAN door files, beside the database (the app's data folder). */
export function lanFolder(dataFolder: string): string {
  return join(dataFolder, 'lan');
}

/**
 * The certificate for `identity`: the kept one when it names exactly these names and
 * addresses and is not near its end, else a new one (new key too), written before it is used.
 */
export async function certificateFor(folder: string, identity: LanIdentity = currentIdentity(), now: Date = new Date()): Promise<LanCertificate & { made: boolean }> {
  const certPath = join(folder, 'cert.pem');
  const keyPath = join(folder, 'key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) {
    const pem = readFileSync(certPath, 'utf8');
    try {
      const cert = new X509Certificate(pem);
      const kept = identityOf(cert);
      const validTo = new Date(cert.validTo);
      const wanted = { names: identity.names, ips: identity.ips.map(expandedIp).sort() };
      if (sameList(kept.names, wanted.names) && sameList(kept.ips, wanted.ips) && validTo.getTime() - now.getTime() > RENEW_BEFORE_MS) {
        return { cert: pem, key: readFileSync(keyPath, 'utf8'), fingerprint: cert.fingerprint256, identity, validTo, made: false };
      }
    } catch {
      // an unreadable certificate is made again
    }
  }
  const notAfter = new Date(now.getTime() + VALID_DAYS * 24 * 3600 * 1000);
  // loaded only when a certificate is made: its X.509 code was a tenth of every start of the
  // app and the CLI (~75 ms of ~780), most of which never open the LAN door
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: identity.names.find((n) => n !== 'localhost') ?? 'localhost' }, { name: 'organizationName', value: 'Bottega' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...identity.names.map((value) => ({ type: 2 as const, value })), ...identity.ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  writeWhole(keyPath, pems.private, 0o600);
  writeWhole(certPath, pems.cert, 0o644);
  fsyncFolder(folder);
  const cert = new X509Certificate(pems.cert);
  return { cert: pems.cert, key: pems.private, fingerprint: cert.fingerprint256, identity, validTo: new Date(cert.validTo), made: true };
}
