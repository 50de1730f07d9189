/**
 * Turning a composed message into RFC 822 bytes (nodemailer's stream transport) and
 * handing them to an SMTP server. The same bytes are kept as the .eml copy, so what
 * the record points at is exactly what left.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type nodemailerModule from 'nodemailer';
import { onFirstUse } from '../../onFirstUse';

const nodemailer = onFirstUse<typeof nodemailerModule>('nodemailer');
import type { ComposedMessage } from '../../../src-shared/contract/notifications';
import type { StoredNotificationSettings } from './settings';
import { documentsFolder } from '../../db/dataFolders';

export interface Envelope {
  from: string;
  to: string;
  bcc: string;
}

/** Drafts carry X-Unsent: 1, which makes Outlook (and others) open them ready to send. */
export async function buildRaw(msg: ComposedMessage, env: Envelope, draft: boolean): Promise<{ raw: Buffer; messageId: string }> {
  const t = nodemailer().createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await t.sendMail({
    from: env.from || undefined,
    to: env.to,
    ...(env.bcc && !draft ? { bcc: env.bcc } : {}),
    subject: msg.subject,
    text: msg.text,
    html: msg.html,
    headers: { 'Content-Language': msg.language, ...(draft ? { 'X-Unsent': '1' } : {}) },
  });
  return { raw: info.message as Buffer, messageId: info.messageId };
}

export async function sendRaw(s: StoredNotificationSettings, env: Envelope, raw: Buffer): Promise<void> {
  const t = nodemailer().createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    ...(s.user ? { auth: { user: s.user, pass: s.password } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  try {
    await t.sendMail({ envelope: { from: env.from, to: [env.to, ...(env.bcc ? [env.bcc] : [])] }, raw });
  } finally {
    t.close();
  }
}

/** documents/<db name>/emails beside the database file: where drafts and sent copies are kept (the temp folder for an in-memory database). */
export function emailsDir(dbPath: string): string {
  return documentsFolder(dbPath, 'emails') ?? join(tmpdir(), 'bottega-emails');
}

export function writeEml(dbPath: string, name: string, raw: Buffer): string {
  const dir = emailsDir(dbPath);
  mkdirSync(dir, { recursive: true });
  const stem = name.replace(/[^\w.-]+/g, '-');
  // never over another message's copy (two sends of one document in the same second)
  for (let n = 1; ; n++) {
    const file = join(dir, n === 1 ? `${stem}.eml` : `${stem}-${n}.eml`);
    try {
      writeFileSync(file, raw, { flag: 'wx' });
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}
