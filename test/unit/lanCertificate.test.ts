import { afterAll, describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { certificateFor, currentIdentity } from '../../src-main/api/lanCertificate';
import { tempDir } from '../support/tempDir';

const t = tempDir('bottega-cert-');
afterAll(() => t.cleanup());

const office = { names: ['localhost', 'office-pc', 'office-pc.local'], ips: ['127.0.0.1', '192.168.1.20', '::1'] };

describe('the LAN door certificate', () => {
  it('names the hostname and every address (SANs), is kept and reused while they stay, and is made anew when an address changes', async () => {
    const first = await certificateFor(t.dir, office);
    expect(first.made).toBe(true);
    const san = new X509Certificate(first.cert).subjectAltName!;
    for (const part of ['DNS:office-pc', 'DNS:office-pc.local', 'DNS:localhost', 'IP Address:192.168.1.20', 'IP Address:127.0.0.1']) expect(san).toContain(part);

    const again = await certificateFor(t.dir, office);
    expect(again).toMatchObject({ made: false, fingerprint: first.fingerprint });

    const moved = await certificateFor(t.dir, { ...office, ips: ['127.0.0.1', '192.168.1.33', '::1'] });
    expect(moved.made).toBe(true);
    expect(moved.fingerprint).not.toBe(first.fingerprint);
    expect(new X509Certificate(moved.cert).subjectAltName).toContain('IP Address:192.168.1.33');
  });

  it('is made anew when the hostname changes, and when it nears its end', async () => {
    const kept = await certificateFor(t.dir, office);
    const renamed = await certificateFor(t.dir, { ...office, names: ['bottega-pc', 'bottega-pc.local', 'localhost'] });
    expect(renamed.fingerprint).not.toBe(kept.fingerprint);
    const late = await certificateFor(t.dir, { ...office, names: ['bottega-pc', 'bottega-pc.local', 'localhost'] }, new Date(renamed.validTo.getTime() - 24 * 3600 * 1000));
    expect(late.made).toBe(true);
  });

  it("takes this PC's identity from its hostname and interfaces, loopback always, link-local IPv6 never", () => {
    const id = currentIdentity('Workshop', { eth0: [{ address: '10.0.0.5', family: 'IPv4' }, { address: 'fe80::1', family: 'IPv6' }] } as never);
    expect(id).toEqual({ names: ['localhost', 'workshop', 'workshop.local'], ips: ['10.0.0.5', '127.0.0.1', '::1'] });
  });
});
