/**
 * The bench's side panel: how far the packing is, packages and gross weight, and the
 * confirmation — straight when every line is packed, after a question when only part is
 * (shipping allows partial shipments: the rest stays on the order).
 */
import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';

export interface PanelValues {
  packages: number | string;
  weight: string;
}

export function PackPanel({
  values,
  onChange,
  linesDone,
  linesTotal,
  anyPacked,
  busy,
  canUndo,
  onUndo,
  onReset,
  onConfirm,
}: {
  values: PanelValues;
  onChange: (v: PanelValues) => void;
  linesDone: number;
  linesTotal: number;
  anyPacked: boolean;
  busy: boolean;
  canUndo: boolean;
  onUndo: () => void;
  onReset: () => void;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const complete = linesTotal > 0 && linesDone === linesTotal;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Text fz={18} fw={650} data-testid="pack-progress">
          {t('packing.progress', { packed: linesDone, total: linesTotal })}
        </Text>
        {/* side by side, except in the narrow side column of a 1024 px tablet */}
        <SimpleGrid cols={{ base: 2, md: 1, lg: 2 }} spacing="sm">
          <NumberInput
            size="lg"
            label={t('packing.packages')}
            min={1}
            max={9999}
            allowDecimal={false}
            allowNegative={false}
            value={values.packages}
            onChange={(v) => onChange({ ...values, packages: v })}
            data-testid="pack-packages"
          />
          <TextInput
            size="lg"
            label={t('packing.weight')}
            inputMode="decimal"
            value={values.weight}
            onChange={(e) => onChange({ ...values, weight: e.currentTarget.value })}
            data-testid="pack-weight"
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={-6}>
          {t('packing.weight.hint')}
        </Text>
        <Button
          size="xl"
          color={complete ? 'green' : 'orange'}
          disabled={!anyPacked}
          loading={busy}
          onClick={() => (complete ? onConfirm() : setAsking(true))}
          // wraps in the narrow side column instead of cutting the words
          h="auto"
          mih={60}
          py="xs"
          styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.25 } }}
          data-testid="pack-confirm"
        >
          {complete || !anyPacked ? t('packing.confirm') : t('packing.confirmPartial')}
        </Button>
        {!anyPacked ? (
          <Text size="sm" c="dimmed">
            {t('packing.nothingPacked')}
          </Text>
        ) : null}
        <Group gap="xs">
          <Button size="md" variant="default" disabled={!canUndo || busy} onClick={onUndo} data-testid="pack-undo">
            {t('packing.undoLast')}
          </Button>
          <Button size="md" variant="subtle" color="gray" disabled={!anyPacked || busy} onClick={onReset} data-testid="pack-reset">
            {t('packing.reset')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={asking} onClose={() => setAsking(false)} title={<Text fw={650}>{t('packing.partial.title')}</Text>} centered>
        <Text mb="md">{t('packing.partial.body', { packed: linesDone, total: linesTotal })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            onClick={() => {
              setAsking(false);
              onConfirm();
            }}
            data-testid="pack-partial-go"
          >
            {t('packing.partial.go')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}
