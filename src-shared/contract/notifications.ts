import { z } from 'zod';
import { command, query } from './define';
import { emptyInput, id } from './common';
import { OWNER_ONLY, type RolesOf } from './accounts';

export const NOTIFICATION_KINDS = ['order_confirmed', 'shipment_sent'] as const;
export const notificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKind>;

/** A carrier's tracking page; {tracking} is replaced by the (URL-encoded) tracking number. */
export const trackingUrl = z.object({
  carrier: z.string().trim().min(1).max(60),
  url: z
    .string()
    .trim()
    .max(500)
    .refine((u) => /^https?:\/\//.test(u) && u.includes('{tracking}'), { message: 'An http(s) address containing {tracking}' }),
});

export const notificationSettings = z.object({
  /** empty: no SMTP, drafts (.eml) are written instead */
  host: z.string().trim().max(200),
  port: z.number().int().min(1).max(65535),
  /** TLS from the start (port 465); false: STARTTLS when the server offers it */
  secure: z.boolean(),
  user: z.string().max(200),
  /** the sender address, e.g. "Saponificio Bianchi <ordini@bianchi.it>" */
  from: z.string().trim().max(300),
  /** a copy of every message (blind) to this address, e.g. the office */
  bcc: z.string().trim().max(200),
  trackingUrls: z.array(trackingUrl).max(30),
});
export type NotificationSettings = z.infer<typeof notificationSettings>;

/** passwordLost: a password was saved but cannot be opened on this PC (the database came from another one): enter it again */
export const notificationSettingsOut = notificationSettings.extend({ passwordSet: z.boolean(), passwordLost: z.boolean(), smtpConfigured: z.boolean() });

export const composedMessage = z.object({
  kind: notificationKind,
  language: z.enum(['it', 'en']),
  to: z.string().nullable(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  trackingLink: z.string().nullable(),
});
export type ComposedMessage = z.infer<typeof composedMessage>;

export const notificationRecord = z.object({
  id,
  kind: notificationKind,
  docType: z.enum(['order', 'shipment']),
  docId: id,
  to: z.string(),
  subject: z.string(),
  /** sent: accepted by the SMTP server; draft: .eml written for the user to send; failed: see error */
  outcome: z.enum(['sent', 'draft', 'failed']),
  error: z.string().nullable(),
  /** where the draft (or a copy of what was sent) lies */
  emlPath: z.string().nullable(),
  messageId: z.string().nullable(),
  at: z.string(),
});
export type NotificationRecord = z.infer<typeof notificationRecord>;

const target = z.object({ kind: notificationKind, docId: id });

export const notificationOps = {
  'notifications.settings': query('SMTP settings (the password is never returned) and per-carrier tracking links.', emptyInput, notificationSettingsOut),
  'notifications.saveSettings': command(
    'Change SMTP settings or tracking links; a password left out stays as it was, an empty one removes it.',
    notificationSettings.partial().extend({ password: z.string().max(300).optional() }),
    notificationSettingsOut,
  ),
  'notifications.preview': query('The email for an order confirmation or a sent shipment, in the customer\'s language: subject, text and HTML.', target, composedMessage),
  /**
   * A query although it writes its record: sending is slow and may fail, so it must not
   * run inside the registry's transaction. It composes from committed data, sends (or
   * writes the .eml draft), then records the outcome in a short transaction of its own.
   */
  'notifications.send': query('Send the email through SMTP when configured, else write a draft .eml beside the database; the outcome is recorded.', target, notificationRecord),
  'notifications.history': query('What was sent (or drafted, or failed) for one order or shipment, newest first.', z.object({ docType: z.enum(['order', 'shipment']), docId: id }), z.object({ records: z.array(notificationRecord) })),
  'notifications.draft': query(
    'A recorded draft (or sent copy) as an .eml file (base64), to open in the mail program.',
    z.object({ id }),
    z.object({ fileName: z.string(), contentType: z.literal('message/rfc822'), base64: z.string() }),
  ),
} as const;

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const notificationRoles = {
  'notifications.settings': ['office', 'packing'],
  'notifications.saveSettings': OWNER_ONLY,
  'notifications.preview': ['office', 'packing'],
  'notifications.send': ['office', 'packing'],
  'notifications.history': ['office', 'packing', 'viewer'],
  'notifications.draft': ['office', 'packing'],
} as const satisfies RolesOf<typeof notificationOps>;
