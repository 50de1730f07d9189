import { useEffect, useState } from 'react';
import { Button, Card, Grid, Group, NativeSelect, Text } from '@mantine/core';
import { LABEL_LAYOUTS, type LabelLayoutId, type LabelSettings } from '../../../src-shared/contract/labels';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryError } from '../../components/QueryState';

const KINDS = ['product', 'case', 'shipping'] as const;

/** The layout proposed for each label kind (labels.saveSettings). */
export function LabelSettingsCard() {
  const { t } = useI18n();
  const stored = useApiQuery('labels.settings', {});
  const save = useApiCommand('labels.saveSettings', { onSuccess: () => notifySaved(t('labels.settings.saved')) });
  const [v, setV] = useState<LabelSettings | null>(null);
  useEffect(() => {
    if (stored.data && v === null) setV(stored.data);
  }, [stored.data, v]);
  if (!v) return <QueryError query={stored} what={t('labels.settings.title')} />;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="label-settings">
      <Text fw={600}>{t('labels.settings.title')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('labels.settings.hint')}
      </Text>
      <Grid gap="sm">
        {KINDS.map((k) => (
          <Grid.Col key={k} span={{ base: 12, sm: 4 }}>
            <NativeSelect
              label={t(`labels.kind.${k}`)}
              value={v[k]}
              onChange={(e) => setV({ ...v, [k]: e.currentTarget.value as LabelLayoutId })}
              data={LABEL_LAYOUTS.map((l) => ({ value: l, label: t(`labels.layout.${l}`) }))}
              data-testid={`label-layout-${k}`}
            />
          </Grid.Col>
        ))}
      </Grid>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Group justify="flex-end" mt="md">
        <Button onClick={() => save.mutate(v)} loading={save.isPending} data-testid="label-settings-save">
          {t('common.save')}
        </Button>
      </Group>
    </Card>
  );
}
