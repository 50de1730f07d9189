import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { fixedClock, tempDir } from '../support/tempDir';
import { parseEml } from '../support/eml';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;

beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
  app.call('settings.update', { company: { name: 'Saponificio Bianchi', email: 'ordini@bianchi.example', phone: '051 123456' } });
});
afterEach(() => {
  app.close();
  t.cleanup();
});

function confirmedOrder(language: 'it' | 'en', email: string | null = 'verdi@example.com') {
  const soap = app.call('catalog.createItem', { sku: 'SAP', name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs', salePrice: '6,50' });
  const customer = app.call('parties.createCustomer', { name: 'Erboristeria Verdi', email, language });
  return app.call('orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '12' }], confirm: true, requestedOn: '2026-11-05' });
}

/** A real SMTP server on 127.0.0.1 at a random port that keeps what it receives. */
async function localSmtp() {
  const received: { from: string; to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, cb) {
      cb(null, { user: auth.username });
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('customer notifications', () => {
  it('order confirmed: composed in Italian, sent through SMTP, received and recorded', async () => {
    const order = confirmedOrder('it');
    const smtp = await localSmtp();
    try {
      app.call('notifications.saveSettings', { host: '127.0.0.1', port: smtp.port, secure: false, user: 'bottega', password: 'segreta', bcc: 'ufficio@bianchi.example' });
      expect(app.call('notifications.settings', {})).toMatchObject({ smtpConfigured: true, passwordSet: true });
      expect(JSON.stringify(app.call('notifications.settings', {}))).not.toContain('segreta');
      const rec = await app.callAsync('notifications.send', { kind: 'order_confirmed', docId: order.id });
      expect(rec).toMatchObject({ outcome: 'sent', error: null, to: 'verdi@example.com', docType: 'order', docId: order.id });
      expect(smtp.received).toHaveLength(1);
      const got = smtp.received[0]!;
      expect(got.from).toBe('ordini@bianchi.example');
      expect(got.to).toEqual(['verdi@example.com', 'ufficio@bianchi.example']);
      const mail = parseEml(got.raw);
      expect(mail.subject).toBe('Conferma ordine 2026/0001 — Saponificio Bianchi');
      expect(mail.text).toContain('Gentile Erboristeria Verdi,');
      expect(mail.text).toContain('Sapone alla lavanda: 12 pz');
      expect(mail.text).toContain('Consegna richiesta per il 5 novembre 2026.');
      expect(mail.text).toMatch(/Totale: 95,16\s€/);
      expect(mail.html).toContain('<td');
      expect(mail.headers.get('x-unsent')).toBeUndefined();
      // the copy kept beside the database is the message that left
      expect(readFileSync(rec.emlPath!, 'utf8').trimEnd()).toBe(got.raw.trimEnd());
      expect(app.call('notifications.history', { docType: 'order', docId: order.id }).records.map((r) => r.outcome)).toEqual(['sent']);
    } finally {
      await smtp.close();
    }
  });

  it('without SMTP: an English draft .eml beside the database, parsed back', async () => {
    const order = confirmedOrder('en');
    const preview = app.call('notifications.preview', { kind: 'order_confirmed', docId: order.id });
    expect(preview.language).toBe('en');
    expect(preview.subject).toBe('Order confirmation 2026/0001 — Saponificio Bianchi');
    const rec = await app.callAsync('notifications.send', { kind: 'order_confirmed', docId: order.id });
    expect(rec.outcome).toBe('draft');
    expect(dirname(rec.emlPath!)).toBe(join(t.dir, 'documents', 'bottega', 'emails'));
    expect(existsSync(rec.emlPath!)).toBe(true);
    const mail = parseEml(readFileSync(rec.emlPath!, 'utf8'));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.headers.get('to')).toBe('verdi@example.com');
    expect(mail.subject).toBe(preview.subject);
    expect(mail.text).toContain('Dear Erboristeria Verdi,');
    expect(mail.text).toContain('Requested delivery: 5 November 2026.');
    expect(mail.text).toContain('Sapone alla lavanda: 12 pcs');
    expect(mail.html).toContain('Sapone alla lavanda');
    const draft = app.call('notifications.draft', { id: rec.id });
    expect(Buffer.from(draft.base64, 'base64').toString('utf8')).toBe(readFileSync(rec.emlPath!, 'utf8'));
  });

  it('a server that cannot be reached is recorded as failed, with a draft to send by hand', async () => {
    const order = confirmedOrder('it');
    const smtp = await localSmtp();
    await smtp.close(); // nothing listens on that port any more
    app.call('notifications.saveSettings', { host: '127.0.0.1', port: smtp.port });
    const rec = await app.callAsync('notifications.send', { kind: 'order_confirmed', docId: order.id });
    expect(rec.outcome).toBe('failed');
    expect(rec.error).toMatch(/ECONNREFUSED|connect/i);
    expect(parseEml(readFileSync(rec.emlPath!, 'utf8')).headers.get('x-unsent')).toBe('1');
  });

  it('refuses a customer without email and an unconfirmed order, recording nothing', async () => {
    const order = confirmedOrder('it', null);
    await expect(app.callAsync('notifications.send', { kind: 'order_confirmed', docId: order.id })).rejects.toMatchObject({ envelope: { error: { code: 'VALIDATION', details: { issues: [{ key: 'customer_email_missing' }] } } } });
    const soap = app.call('catalog.createItem', { sku: 'SAP2', name: 'Sapone', kind: 'product', unit: 'pcs' });
    const c = app.call('parties.createCustomer', { name: 'Bozza', email: 'b@example.com' });
    const draftOrder = app.call('orders.create', { customerId: c.id, lines: [{ itemId: soap.id, quantity: '1' }] });
    await expect(app.callAsync('notifications.send', { kind: 'order_confirmed', docId: draftOrder.id })).rejects.toMatchObject({ envelope: { error: { code: 'CONFLICT' } } });
    expect(app.call('notifications.history', { docType: 'order', docId: order.id }).records).toEqual([]);
  });
});
