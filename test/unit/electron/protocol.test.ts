import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/api/csp';
import { isAppUrl, rendererResponse } from '../../../src-main/electron/protocol';
import { isSafeExternalUrl, isTrustedSender } from '../../../src-main/electron/security';
import { tempDir } from '../../support/tempDir';

const t = tempDir('bottega-protocol-');
const renderer = join(t.dir, 'renderer');
mkdirSync(join(renderer, 'assets'), { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Bottega</title>');
writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(t.dir, 'secret.txt'), 'not for the window');
afterAll(() => t.cleanup());

describe('app:// protocol', () => {
  it('serves the renderer with the CSP as a response header and the right content type', async () => {
    const index = await rendererResponse('app://bottega/index.html', renderer);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>Bottega</title>');
    const js = await rendererResponse('app://bottega/assets/app.js', renderer);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await rendererResponse('app://bottega/', renderer)).status).toBe(200);
  });

  it('answers 404 (with the CSP) for anything outside the renderer folder, another host or a missing file', async () => {
    for (const url of ['app://bottega/%2e%2e/secret.txt', 'app://bottega/..%2fsecret.txt', 'app://other/index.html', 'app://bottega/missing.js', 'app://bottega/%E0%A4%A']) {
      const r = await rendererResponse(url, renderer);
      expect(r.status, url).toBe(404);
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('trusts only app://bottega senders and opens only http(s) links outside', () => {
    expect(isAppUrl('app://bottega/index.html#/orders')).toBe(true);
    expect(isTrustedSender('app://bottega/index.html')).toBe(true);
    for (const u of [undefined, 'file:///index.html', 'app://evil/index.html', 'https://bottega/', 'not a url']) expect(isTrustedSender(u)).toBe(false);
    expect(isSafeExternalUrl('https://example.com')).toBe(true);
    for (const u of ['file:///etc/passwd', 'javascript:alert(1)', 'app://bottega/x', 'smb://server/share']) expect(isSafeExternalUrl(u)).toBe(false);
  });
});
