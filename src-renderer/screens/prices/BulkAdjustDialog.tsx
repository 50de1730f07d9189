/** "+3 % on everything": every price of the list, breaks included, raised (or lowered) by a percentage, rounded to the cent. */
import { useState } from 'react';
import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useApiCommand } from '../../api/hooks';
import { DialogFooter } from '../../components/DialogFooter';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { checkPercent } from './priceChecks';

export function BulkAdjustDialog({ listId, listName, count, onClose }: { listId: number; listName: string; count: number; onClose(): void }) {
  const { t } = useI18n();
  const [percent, setPercent] = useState('3');
  const adjust = useApiCommand('prices.bulkAdjust', {
    onSuccess: (r) => {
      notifySaved(t('prices.bulk.done', { count: r.changed }));
      onClose();
    },
  });
  const local = checkPercent(percent, t);
  const server = fieldErrors(adjust.error, t);
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{t('prices.bulk.title', { name: listName })}</Text>}>
      <Stack gap="sm" data-testid="price-bulk-dialog">
        <Text size="sm" c="dimmed">
          {t('prices.bulk.hint', { count })}
        </Text>
        <TextInput
          label={t('prices.bulk.percent')}
          value={percent}
          onChange={(e) => setPercent(e.currentTarget.value)}
          rightSection={<Text size="xs" c="dimmed">%</Text>}
          inputMode="decimal"
          w={160}
          error={local ?? server.percent}
          data-autofocus
          data-testid="price-bulk-percent"
        />
        {adjust.error ? <ErrorAlert error={adjust.error} shownFields={['percent']} /> : null}
        <DialogFooter onClose={onClose} onSubmit={() => !local && adjust.mutate({ listId, percent })} label={t('prices.bulk.apply')} loading={adjust.isPending} disabled={local !== null} testId="price-bulk-apply" />
      </Stack>
    </Modal>
  );
}
