/**
 * notifications.send: compose from committed data, send (or draft), then record the
 * outcome in a transaction of its own — the network is never inside a DB transaction.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { desc, and, eq } from 'drizzle-orm';
import type { ComposedMessage, NotificationRecord } from '../../../src-shared/contract/notifications';
import type { ReadCtx } from '../../api/context';
import type { Handler } from '../../api/handlers';
import { DomainError, notFound } from '../../api/domainError';
import { composeOrderConfirmed, composeShipmentSent, subjectKind, trackingLink } from './compose';
import { orderFacts, senderOf, shipmentFacts } from './facts';
import { buildRaw, sendRaw, writeEml } from './mailer';
import { notifications } from './schema';
import { readNotificationSettings } from './settings';

export function composeFor(ctx: ReadCtx, input: { kind: ComposedMessage['kind']; docId: number }): ComposedMessage & { docNumber: string } {
  const sender = senderOf(ctx);
  if (input.kind === 'order_confirmed') {
    const o = orderFacts(ctx, input.docId);
    return { ...composeOrderConfirmed(o, sender), docNumber: o.number };
  }
  const s = shipmentFacts(ctx, input.docId);
  const link = trackingLink(s.carrier, s.tracking, readNotificationSettings(ctx).trackingUrls);
  return { ...composeShipmentSent(s, sender, link), docNumber: s.number };
}

function toRecord(r: typeof notifications.$inferSelect): NotificationRecord {
  return { ...r };
}

export const sendNotification: Handler<'notifications.send'> = async (ctx, input) => {
  const msg = composeFor(ctx, input);
  if (!msg.to) {
    throw new DomainError('VALIDATION', 'The customer has no email address: add it on the customer page', {
      issues: [{ path: ['email'], key: 'customer_email_missing', message: 'The customer has no email address' }],
    });
  }
  const s = readNotificationSettings(ctx);
  const company = senderOf(ctx);
  const from = s.from || (company.email ? (company.name ? `${company.name} <${company.email}>` : company.email) : '');
  const smtp = s.host !== '';
  if (smtp && !from) {
    throw new DomainError('VALIDATION', 'Set the sender address (Settings → Email) or the company email', {
      issues: [{ path: ['from'], key: 'sender_missing', message: 'No sender address' }],
    });
  }
  const env = { from, to: msg.to, bcc: s.bcc };
  const at = ctx.now().toISOString();
  const stem = `${at.slice(0, 19).replace(/[T:]/g, '-')}_${input.kind}_${msg.docNumber}`;
  let outcome: NotificationRecord['outcome'] = 'draft';
  let error: string | null = null;
  let built = await buildRaw(msg, env, !smtp);
  if (smtp) {
    try {
      await sendRaw(s, env, built.raw);
      outcome = 'sent';
    } catch (err) {
      outcome = 'failed';
      error = err instanceof Error ? err.message : String(err);
      // what could not be sent is kept as a draft for the mail program
      built = await buildRaw(msg, env, true);
    }
  }
  const emlPath = writeEml(ctx.dbPath, outcome === 'sent' ? `${stem}_sent` : stem, built.raw);
  const row = ctx.sqlite
    .transaction(() =>
      ctx.db
        .insert(notifications)
        .values({ kind: input.kind, docType: subjectKind(input.kind), docId: input.docId, to: msg.to!, subject: msg.subject, outcome, error, emlPath, messageId: built.messageId, at })
        .returning()
        .get(),
    )
    .immediate();
  return toRecord(row);
};

export const notificationHistory: Handler<'notifications.history'> = (ctx, input) => ({
  records: ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.docType, input.docType), eq(notifications.docId, input.docId)))
    .orderBy(desc(notifications.at), desc(notifications.id))
    .all()
    .map(toRecord),
});

export const notificationDraft: Handler<'notifications.draft'> = (ctx, input) => {
  const r = ctx.db.select().from(notifications).where(eq(notifications.id, input.id)).get();
  if (!r || !r.emlPath) throw notFound('notification', input.id);
  let raw: Buffer;
  try {
    raw = readFileSync(r.emlPath);
  } catch {
    throw new DomainError('NOT_FOUND', `The file ${r.emlPath} is no longer there`, { id: input.id, path: r.emlPath });
  }
  return { fileName: basename(r.emlPath), contentType: 'message/rfc822' as const, base64: raw.toString('base64') };
};
