/** Settings → Backups: where, when and how many backups are kept, "Back up now", and the list with each backup's check. */
import { useEffect, useState } from 'react';
import { Badge, Button, Card, Grid, Group, NumberInput, ScrollArea, Switch, Table, Text, TextInput } from '@mantine/core';
import type { BackupEntry } from '../../../src-shared/contract/backups';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert, errorText, fieldErrors } from '../../components/errors';
import { notifyError, notifySaved } from '../../components/notify';
import { QueryError } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';

interface Form {
  folder: string;
  time: string;
  onQuit: boolean;
  keepDaily: number | string;
  keepWeekly: number | string;
  keepMonthly: number | string;
}

function CheckBadge({ b }: { b: BackupEntry }) {
  const { t } = useI18n();
  if (!b.verification) return <Badge color="gray" variant="light">{t('backups.check.unknown')}</Badge>;
  return b.verification.ok ? (
    <Badge color="green" variant="light" data-testid="backup-check-ok">
      {t('backups.check.ok')}
    </Badge>
  ) : (
    <Badge color="red" variant="light" title={b.verification.integrity} data-testid="backup-check-failed">
      {t('backups.check.failed')}
    </Badge>
  );
}

function BackupList() {
  const { t, fmt } = useI18n();
  const list = useApiQuery('backups.list', {});
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return null;
  return (
    <>
      <Text size="sm" fw={600} mt="lg" mb={4} style={{ overflowWrap: 'anywhere' }}>
        {t('backups.list', { folder: list.data.folder })}
      </Text>
      {list.data.backups.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('backups.none')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={260}>
          <Table fz="sm" verticalSpacing={4} data-testid="backup-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backups.col.date')}</Table.Th>
                <Table.Th>{t('backups.col.kind')}</Table.Th>
                <Table.Th ta="right">{t('backups.col.size')}</Table.Th>
                <Table.Th>{t('backups.col.check')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.backups.map((b) => (
                <Table.Tr key={b.fileName} title={b.fileName}>
                  <Table.Td className="num">{fmt.dateTime(b.at)}</Table.Td>
                  <Table.Td>{t(`backups.kind.${b.reason}`)}</Table.Td>
                  <Table.Td ta="right" className="num">
                    {fmt.number(Math.max(1, Math.round(b.bytes / 1024)))} KB
                  </Table.Td>
                  <Table.Td>
                    <Group gap={8} wrap="nowrap">
                      <CheckBadge b={b} />
                      {b.verification?.counts ? (
                        <Text size="xs" c="dimmed">
                          {t('backups.counts', b.verification.counts)}
                        </Text>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </>
  );
}

export function BackupsCard() {
  const { t } = useI18n();
  const stored = useApiQuery('backups.settings', {});
  const [form, setForm] = useState<Form | null>(null);
  const save = useApiCommand('backups.saveSettings', { onSuccess: () => notifySaved(t('backups.saved')) });
  const runNow = useApiCommand('backups.runNow', {
    onSuccess: (b) => (b.verification?.ok ? notifySaved(t('backups.done', { file: b.fileName })) : notifyError(t('backups.title'), t('backups.failedCheck', { file: b.fileName }))),
    onError: (err) => notifyError(t('backups.title'), errorText(err, t)),
  });
  useEffect(() => {
    if (stored.data && form === null) setForm({ ...stored.data, folder: stored.data.folder ?? '' });
  }, [stored.data, form]);
  if (!form || !stored.data) return <QueryError query={stored} what={t('backups.title')} />;
  const server = fieldErrors(save.error, t);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...form, [k]: v });
  const num = (v: number | string) => (v === '' ? 0 : Number(v));
  return (
    <Card withBorder radius="md" padding="lg" data-testid="backups-card">
      <Text fw={600}>{t('backups.title')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('backups.hint')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            folder: form.folder.trim() === '' ? null : form.folder.trim(),
            time: form.time,
            onQuit: form.onQuit,
            keepDaily: num(form.keepDaily),
            keepWeekly: num(form.keepWeekly),
            keepMonthly: num(form.keepMonthly),
          });
        }}
      >
        <Grid gap="sm">
          <Grid.Col span={12}>
            <TextInput
              label={t('backups.folder')}
              description={t('backups.folder.hint', { path: stored.data.defaultFolder })}
              value={form.folder}
              onChange={(e) => set('folder', e.currentTarget.value)}
              placeholder={stored.data.defaultFolder}
              error={server.folder}
              classNames={{ input: 'mono-input' }}
              data-testid="backups-folder"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput type="time" label={t('backups.time')} value={form.time} onChange={(e) => set('time', e.currentTarget.value)} error={server.time} data-testid="backups-time" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <NumberInput label={t('backups.keepDaily')} value={form.keepDaily} onChange={(v) => set('keepDaily', v)} min={1} max={366} allowDecimal={false} allowNegative={false} error={server.keepDaily} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <NumberInput label={t('backups.keepWeekly')} value={form.keepWeekly} onChange={(v) => set('keepWeekly', v)} min={0} max={520} allowDecimal={false} allowNegative={false} error={server.keepWeekly} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <NumberInput label={t('backups.keepMonthly')} value={form.keepMonthly} onChange={(v) => set('keepMonthly', v)} min={0} max={1200} allowDecimal={false} allowNegative={false} error={server.keepMonthly} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Switch label={t('backups.onQuit')} checked={form.onQuit} onChange={(e) => set('onQuit', e.currentTarget.checked)} />
          </Grid.Col>
        </Grid>
        {save.error && Object.keys(server).length === 0 ? <ErrorAlert error={save.error} /> : null}
        <Group justify="flex-end" mt="md">
          <Button variant="default" loading={runNow.isPending} onClick={() => runNow.mutate({})} data-testid="backups-run-now">
            {t('backups.runNow')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="backups-save">
            {t('common.save')}
          </Button>
        </Group>
      </form>
      <BackupList />
    </Card>
  );
}
