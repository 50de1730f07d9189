/**
 * Recall from the traced lot: type the reason, see exactly what will happen (a dry run
 * of the same command), then confirm. Nothing changes until the confirmation.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Group, List, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { RecallResult } from '../../../src-shared/contract/trace';
import { call } from '../../api/client';
import { useApiCommand } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';

export function RecallDialog({ lotId, code, opened, onClose }: { lotId: number; code: string; opened: boolean; onClose: () => void }) {
  const { t, fmt } = useI18n();
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<RecallResult | null>(null);
  const recall = useApiCommand('trace.recall', {
    onSuccess: (r) => {
      notifySaved(t('trace.recall.done', { count: r.blocked.length }));
      onClose();
    },
  });
  useEffect(() => {
    if (!opened) return;
    let live = true;
    // the dry run needs a reason too; it only says what would happen
    void call('trace.recall', { lotId, reason: 'preview', dryRun: true }).then((r) => live && setPreview(r), () => live && setPreview(null));
    return () => {
      live = false;
    };
  }, [opened, lotId]);

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('trace.recall.title', { code })}</Text>} size="lg">
      <Stack gap="sm">
        <Textarea
          label={t('trace.recall.reason')}
          description={t('trace.recall.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          data-autofocus
          data-testid="recall-reason"
        />
        {!preview ? (
          <Loader size="sm" />
        ) : preview.blocked.length === 0 ? (
          <Alert color="gray">{t('trace.recall.nothing')}</Alert>
        ) : (
          <Alert color="grape" data-testid="recall-preview">
            <Text size="sm" fw={600}>
              {t('trace.recall.willBlock', { count: preview.blocked.length })}
            </Text>
            <List size="sm" spacing={0} mt={4}>
              {preview.blocked.slice(0, 12).map((b) => (
                <List.Item key={b.lotId}>
                  <Text span ff="monospace" size="sm">
                    {b.code}
                  </Text>{' '}
                  {b.sku} · {fmt.qty(b.onHandMilli, b.unit)}
                </List.Item>
              ))}
              {preview.blocked.length > 12 ? <List.Item>…</List.Item> : null}
            </List>
            <Text size="sm" mt={6}>
              {t('trace.recall.willCancel', { count: preview.cancelledReservations.length })}
            </Text>
            {preview.affectedOrders.length > 0 ? (
              <Text size="sm">{t('trace.recall.orders', { list: preview.affectedOrders.map((o) => `${o.number} ${o.customerName}`).join(', ') })}</Text>
            ) : null}
          </Alert>
        )}
        {recall.error ? <ErrorAlert error={recall.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('trace.recall.cancel')}
          </Button>
          <Button color="grape" disabled={reason.trim() === ''} loading={recall.isPending} onClick={() => recall.mutate({ lotId, reason })} data-testid="recall-confirm">
            {t('trace.recall.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
