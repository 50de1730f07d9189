/**
 * "Send order confirmation" / "Send shipment notice": preview the email in the
 * customer's language, send it (SMTP) or make a draft .eml, and say when the customer
 * was last notified. Used on the order page and, after the shipping screens, the shipment page.
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { NotificationKind, NotificationRecord } from '../../src-shared/contract/notifications';
import { call } from '../api/client';
import { useApiCommand, useApiQuery } from '../api/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from './errors';
import { notifyError } from './notify';
import { downloadBase64 } from './pdfFiles';
import { QueryError } from './QueryState';

const DOC_TYPE: Record<NotificationKind, 'order' | 'shipment'> = { order_confirmed: 'order', shipment_sent: 'shipment' };

async function openDraft(id: number) {
  const eml = await call('notifications.draft', { id });
  downloadBase64(eml.base64, eml.contentType, eml.fileName);
}

function Outcome({ r }: { r: NotificationRecord }) {
  const { t, fmt } = useI18n();
  const at = fmt.dateTime(r.at);
  const color = r.outcome === 'failed' ? 'red' : r.outcome === 'sent' ? 'teal' : 'dimmed';
  return (
    <Group gap="xs" wrap="nowrap" data-testid="notify-outcome">
      <Text size="xs" c={color}>
        {t(`notify.outcome.${r.outcome}`, { at, error: r.error ?? '' })}
      </Text>
      {r.outcome !== 'sent' && r.emlPath ? (
        <Button size="compact-xs" variant="subtle" onClick={() => void openDraft(r.id).catch((e: Error) => notifyError(t('error.title'), e.message))} data-testid="notify-open-draft">
          {t('notify.openDraft')}
        </Button>
      ) : null}
    </Group>
  );
}

export function NotifyCustomer({ kind, docId }: { kind: NotificationKind; docId: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const history = useApiQuery('notifications.history', { docType: DOC_TYPE[kind], docId });
  const settings = useApiQuery('notifications.settings', {}, { enabled: open });
  const preview = useApiQuery('notifications.preview', { kind, docId }, { enabled: open });
  const send = useApiCommand('notifications.send', { onSuccess: () => setOpen(false) });
  const last = history.data?.records[0];
  const smtp = settings.data?.smtpConfigured ?? false;

  return (
    <>
      <Group gap="sm" justify="flex-end" mb="sm">
        {last ? <Outcome r={last} /> : history.error ? <QueryError query={history} compact /> : <Text size="xs" c="dimmed">{t('notify.never')}</Text>}
        <Button variant="default" size="xs" onClick={() => setOpen(true)} data-testid="notify-open">
          {t(kind === 'order_confirmed' ? 'notify.order' : 'notify.shipment')}
        </Button>
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} size="lg" title={<Text fw={650}>{t('notify.preview')}</Text>}>
        <QueryError query={preview} queries={[settings]} compact />
        {preview.data ? (
          <Stack gap="xs">
            <Text size="sm">
              <b>{t('notify.to')}:</b> {preview.data.to ?? '—'}
            </Text>
            <Text size="sm" data-testid="notify-subject">
              <b>{t('notify.subject')}:</b> {preview.data.subject}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6, padding: 10, maxHeight: 320, overflow: 'auto' }} data-testid="notify-text">
              {preview.data.text}
            </Text>
            {!preview.data.to ? <Alert color="orange">{t('notify.noEmail')}</Alert> : null}
            <Text size="xs" c="dimmed">
              {smtp ? t('notify.viaSmtp', { host: settings.data?.host ?? '' }) : t('notify.viaDraft')}
            </Text>
            {send.error ? <ErrorAlert error={send.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => send.mutate({ kind, docId })} loading={send.isPending} disabled={!preview.data.to} data-testid="notify-send">
                {smtp ? t('notify.send') : t('notify.makeDraft')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
