/**
 * The item page's "Label" card: what decides the wording of its labels (food / cosmetic /
 * other, use by or best before, PAO), the net quantity printed and units per case.
 * It sits inside the item form's column but saves on its own (labels.saveItemInfo).
 */
import { useEffect, useState } from 'react';
import { Button, Card, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { LABEL_KINDS } from '../../../src-shared/contract/labels';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryError } from '../../components/QueryState';

type Kind = (typeof LABEL_KINDS)[number];
type Wording = 'use_by' | 'best_before';

export function ItemLabelCard({ itemId }: { itemId: number }) {
  const { t } = useI18n();
  const info = useApiQuery('labels.itemInfo', { itemId });
  const save = useApiCommand('labels.saveItemInfo', { onSuccess: () => notifySaved(t('labels.item.saved')) });
  const [kind, setKind] = useState<Kind | null>(null);
  const [wording, setWording] = useState<Wording>('best_before');
  const [pao, setPao] = useState<string | number>('');
  const [net, setNet] = useState('');
  const [perCase, setPerCase] = useState<string | number>('');

  useEffect(() => {
    if (info.data && kind === null) {
      setKind(info.data.labelKind);
      setWording(info.data.expiryWording);
      setPao(info.data.paoMonths ?? '');
      setNet(info.data.netContent);
      setPerCase(info.data.unitsPerCase ?? '');
    }
  }, [info.data, kind]);
  if (kind === null) return <QueryError query={info} />;
  const server = fieldErrors(save.error, t);
  const submit = () =>
    save.mutate({
      itemId,
      labelKind: kind,
      expiryWording: wording,
      paoMonths: kind === 'cosmetic' && pao !== '' ? Number(pao) : null,
      netContent: net,
      unitsPerCase: perCase === '' ? null : Number(perCase),
    });

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid="item-label-card"
      // the card lives inside the item form: Enter here saves the label facts, not the item
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
          e.preventDefault();
          submit();
        }
      }}
    >
      <Text fw={600}>{t('labels.item.title')}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('labels.item.hint')}
      </Text>
      <Stack gap="xs">
        <NativeSelect label={t('labels.item.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)} data={LABEL_KINDS.map((k) => ({ value: k, label: t(`labels.item.kind.${k}`) }))} data-testid="label-kind" />
        {kind === 'food' ? (
          <NativeSelect
            label={t('labels.item.wording')}
            value={wording}
            onChange={(e) => setWording(e.currentTarget.value as Wording)}
            data={(['best_before', 'use_by'] as const).map((w) => ({ value: w, label: t(`labels.item.wording.${w}`) }))}
            data-testid="label-wording"
          />
        ) : null}
        {kind === 'cosmetic' ? <NumberInput label={t('labels.item.pao')} value={pao} onChange={setPao} min={1} max={120} allowDecimal={false} error={server.paoMonths} data-testid="label-pao" /> : null}
        <TextInput label={t('labels.item.netContent')} description={t('labels.item.netContent.hint')} value={net} onChange={(e) => setNet(e.currentTarget.value)} maxLength={40} data-testid="label-net" />
        <NumberInput label={t('labels.item.unitsPerCase')} value={perCase} onChange={setPerCase} min={1} allowDecimal={false} error={server.unitsPerCase} data-testid="label-per-case" />
        {save.error ? <ErrorAlert error={save.error} shownFields={['paoMonths', 'unitsPerCase']} /> : null}
        <Group justify="flex-end">
          <Button type="button" size="xs" onClick={submit} loading={save.isPending} data-testid="label-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
