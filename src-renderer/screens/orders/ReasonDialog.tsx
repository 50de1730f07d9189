/** "Are you sure?" with an optional reason: cancelling an order or a production order. */
import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { ErrorAlert } from '../../components/errors';

interface Props {
  opened: boolean;
  title: string;
  body: string;
  reasonLabel: string;
  confirmLabel: string;
  keepLabel: string;
  pending: boolean;
  error: unknown;
  onClose(): void;
  onConfirm(reason: string): void;
  testId: string;
}

export function ReasonDialog({ opened, title, body, reasonLabel, confirmLabel, keepLabel, pending, error, onClose, onConfirm, testId }: Props) {
  const [reason, setReason] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{title}</Text>} data-testid={testId}>
      <Stack gap="sm">
        <Text size="sm">{body}</Text>
        <Textarea label={reasonLabel} autosize minRows={2} maxRows={5} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus data-testid={`${testId}-reason`} />
        {error ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {keepLabel}
          </Button>
          <Button color="red" loading={pending} onClick={() => onConfirm(reason.trim())} data-testid={`${testId}-confirm`}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
