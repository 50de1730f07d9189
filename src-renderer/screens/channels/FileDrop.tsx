/** Choose the file: drop it on the box, or pick it with the button (the box is a label for the hidden input, so Enter/Space work too). */
import { useRef, useState, type DragEvent } from 'react';
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';

export function FileDrop({ onFile, compact = false }: { onFile(file: File): void; compact?: boolean }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) onFile(f);
  };
  const picker = (
    <input
      ref={input}
      type="file"
      accept=".csv,.txt,.tsv,text/csv,text/plain"
      hidden
      data-testid="import-file-input"
      onChange={(e) => {
        const f = e.currentTarget.files?.[0];
        e.currentTarget.value = '';
        if (f) onFile(f);
      }}
    />
  );
  if (compact) {
    return (
      <>
        {picker}
        <Button variant="default" onClick={() => input.current?.click()} data-testid="import-another">
          {t('channels.drop.another')}
        </Button>
      </>
    );
  }
  return (
    <Paper
      withBorder
      radius="md"
      p="xl"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{ borderStyle: 'dashed', borderWidth: 2, background: over ? 'var(--mantine-color-blue-light)' : undefined }}
      data-testid="import-drop"
    >
      {picker}
      <Stack align="center" gap="sm" py="xl">
        <Text fw={600} size="lg">
          {t('channels.drop.title')}
        </Text>
        <Text c="dimmed" size="sm" ta="center" maw={560}>
          {t('channels.drop.body')}
        </Text>
        <Button onClick={() => input.current?.click()} data-testid="import-choose">
          {t('channels.drop.choose')}
        </Button>
      </Stack>
    </Paper>
  );
}
