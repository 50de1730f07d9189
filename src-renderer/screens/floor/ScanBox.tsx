/**
 * The scan field of an open batch, always ready: a barcode scanner types the code and
 * Enter, a person can type it too. Below it, what the last scan meant: green when the lot
 * is right, red (with the refusal sound) when it is not, and the substitute's offer.
 */
import { forwardRef, useImperativeHandle, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { IconAlert, IconCheck, IconInfo, IconSearch } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';

export interface ScanMessage {
  tone: 'ok' | 'refused' | 'info';
  title?: string;
  lines: string[];
  /** a refused lot that may replace a reserved one: the offer to use it */
  action?: { label: string; run(): void };
  /** which sound was played, for whoever checks the screen (tests, support) */
  sound?: 'ok' | 'error' | null;
}

export interface ScanBoxHandle {
  focus(): void;
}

const TONE: Record<ScanMessage['tone'], { color: string; icon: ReactNode }> = {
  ok: { color: 'teal', icon: <IconCheck /> },
  refused: { color: 'red', icon: <IconAlert /> },
  info: { color: 'gray', icon: <IconInfo /> },
};

export const ScanBox = forwardRef<ScanBoxHandle, { onScan(raw: string): void; busy: boolean; message: ScanMessage | null }>(function ScanBox({ onScan, busy, message }, ref) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), []);
  const submit = () => {
    if (text.trim() === '') return;
    onScan(text);
    setText('');
    input.current?.focus();
  };
  const tone = message ? TONE[message.tone] : null;
  return (
    <Paper withBorder radius="md" p="md" aria-busy={busy} data-testid="floor-scan">
      <Text component="label" htmlFor="floor-scan-input" fw={600} size="md" mb={6} display="block">
        {t('floor.scan.label')}
      </Text>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          ref={input}
          id="floor-scan-input"
          placeholder={t('floor.scan.placeholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              submit();
            }
          }}
          size="lg"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          leftSection={<IconSearch size={20} />}
          style={{ flex: 1, minWidth: 0 }}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          data-testid="floor-scan-input"
        />
        <Button size="lg" variant="default" onClick={submit} data-testid="floor-scan-check">
          {t('floor.scan.check')}
        </Button>
      </Group>
      {message && tone ? (
        <Alert
          mt="sm"
          color={tone.color}
          variant={message.tone === 'refused' ? 'filled' : 'light'}
          icon={tone.icon}
          title={message.title}
          role={message.tone === 'refused' ? 'alert' : 'status'}
          styles={{ title: { fontSize: 'var(--mantine-font-size-lg)' }, message: { fontSize: 'var(--mantine-font-size-md)' } }}
          data-testid={`floor-scan-${message.tone}`}
          data-sound={message.sound ?? 'none'}
        >
          {message.lines.map((l, i) => (
            <Text key={i} inherit fw={i === 0 && !message.title ? 600 : undefined}>
              {l}
            </Text>
          ))}
          {message.action ? (
            <Button mt="sm" size="md" color="red" variant="white" onClick={message.action.run} data-testid="floor-use-substitute">
              {message.action.label}
            </Button>
          ) : null}
        </Alert>
      ) : (
        <Text mt="sm" size="sm" c="dimmed">
          {t('floor.scan.idle')}
        </Text>
      )}
    </Paper>
  );
});
