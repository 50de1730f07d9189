/**
 * Choose a backup and restore it: the backups found (read from disk for their date, size,
 * content and soundness), or any file by its path; the chosen one is checked whole, shown
 * with its counts, and restored after a confirmation. Used by the recovery screen (before
 * the app can open its file, so the i18n comes as a prop) and by Settings → Restore.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, Radio, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import type { DbFileInfoOut } from '../../src-shared/contract/system';
import { useApiCommand, useApiQuery, type Out } from '../api/hooks';
import type { I18n } from '../i18n/I18nProvider';
import { errorText } from './errors';
import { IconAlert } from './icons';

function sizeText(bytes: number, i18n: I18n): string {
  if (bytes < 1024 * 1024) return `${i18n.fmt.number(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${i18n.fmt.number(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

function countsText(b: DbFileInfoOut, i18n: I18n): string {
  return b.counts ? i18n.t('restore.counts', b.counts) : '—';
}

function StateBadge({ b, i18n }: { b: DbFileInfoOut; i18n: I18n }) {
  if (!b.problem) return <Badge color="teal" variant="light">{i18n.t('restore.state.good')}</Badge>;
  return (
    <Badge color="red" variant="light" title={b.problem.message}>
      {i18n.t(`restore.reason.${b.problem.reason}`)}
    </Badge>
  );
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function Preview({ path, i18n, onRestored }: { path: string; i18n: I18n; onRestored: (r: Out<'system.restore'>) => void }) {
  const { t, fmt } = i18n;
  const preview = useApiQuery('system.restorePreview', { path }, { staleTime: 0, gcTime: 0, retry: false });
  const restore = useApiCommand('system.restore', { onSuccess: onRestored });
  const [confirming, setConfirming] = useState(false);
  if (preview.isPending) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm">{t('restore.checking')}</Text>
      </Group>
    );
  }
  if (preview.error) return <Alert color="red" icon={<IconAlert />}>{errorText(preview.error, t)}</Alert>;
  const b = preview.data;
  return (
    <Stack gap="xs" data-testid="restore-preview">
      <Text fw={600} size="sm">
        {t('restore.preview.title')}: <Text span ff="monospace" size="sm">{fileName(b.path)}</Text>
      </Text>
      <Group gap="lg">
        <Text size="sm">{fmt.dateTime(b.modifiedAt)}</Text>
        <Text size="sm">{sizeText(b.size, i18n)}</Text>
        <Text size="sm" data-testid="restore-preview-counts">{countsText(b, i18n)}</Text>
        <StateBadge b={b} i18n={i18n} />
      </Group>
      {b.problem ? (
        <Alert color="red" icon={<IconAlert />}>{b.problem.message}</Alert>
      ) : (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">{t('restore.preview.ok')}</Text>
          <Button color="orange" onClick={() => setConfirming(true)} data-testid="restore-go">
            {t('restore.do')}
          </Button>
        </Group>
      )}
      {restore.error ? <Alert color="red" icon={<IconAlert />}>{errorText(restore.error, t)}</Alert> : null}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('restore.confirm.title')} centered>
        <Text size="sm" mb="md">
          {t('restore.confirm.body', { date: fmt.dateTime(b.modifiedAt), counts: countsText(b, i18n) })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" loading={restore.isPending} onClick={() => restore.mutate({ path: b.path }, { onSettled: () => setConfirming(false) })} data-testid="restore-confirm">
            {t('restore.confirm.go')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

export function BackupChooser({ i18n, onRestored }: { i18n: I18n; onRestored: (r: Out<'system.restore'>) => void }) {
  const { t, fmt } = i18n;
  const found = useApiQuery('system.backupsFound', {}, { retry: false });
  const [chosen, setChosen] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const backups = found.data?.backups ?? [];
  return (
    <Stack gap="sm">
      <Text fw={600} size="sm">
        {t('restore.list.title')}
      </Text>
      {found.isPending ? <Loader size="sm" /> : null}
      {found.error ? <Alert color="red">{errorText(found.error, t)}</Alert> : null}
      {found.data && backups.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('restore.list.none', { folders: found.data.folders.join(', ') })}
        </Text>
      ) : null}
      {backups.length > 0 ? (
        <ScrollArea.Autosize mah={220} type="auto">
          <Radio.Group value={chosen ?? ''} onChange={setChosen}>
            <Table striped highlightOnHover fz="sm" data-testid="backups-found">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40} />
                  <Table.Th>{t('restore.col.date')}</Table.Th>
                  <Table.Th>{t('restore.col.size')}</Table.Th>
                  <Table.Th>{t('restore.col.content')}</Table.Th>
                  <Table.Th>{t('restore.col.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {backups.map((b) => (
                  <Table.Tr key={b.path} title={b.path}>
                    <Table.Td>
                      <Radio value={b.path} disabled={b.problem !== null} aria-label={`${t('restore.choose')} ${fileName(b.path)}`} />
                    </Table.Td>
                    <Table.Td>
                      {fmt.dateTime(b.modifiedAt)}
                      <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                        {fileName(b.path)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{sizeText(b.size, i18n)}</Table.Td>
                    <Table.Td>{countsText(b, i18n)}</Table.Td>
                    <Table.Td>
                      <StateBadge b={b} i18n={i18n} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Radio.Group>
        </ScrollArea.Autosize>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.trim()) setChosen(typed.trim());
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput
            style={{ flex: 1 }}
            label={t('restore.path')}
            placeholder={t('restore.path.placeholder')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            data-testid="restore-path"
          />
          <Button type="submit" variant="default" disabled={!typed.trim()}>
            {t('restore.check')}
          </Button>
        </Group>
      </form>
      {chosen ? <Preview key={chosen} path={chosen} i18n={i18n} onRestored={onRestored} /> : null}
    </Stack>
  );
}
