/**
 * Prices into a list from cells pasted from Excel (SKU and price columns, optionally
 * break columns) or from a CSV file (Italian Excel: ';' and decimal comma). First a
 * preview: the rows read, the SKUs the catalogue does not know and the rows with a bad
 * price. Nothing is imported while a row is wrong, nor while unknown SKUs remain — the
 * user fixes the text and reads it again, or chooses to skip them.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, FileButton, Group, Modal, ScrollArea, Stack, Table, Text, Textarea } from '@mantine/core';
import type { ImportPreview } from '../../../src-shared/contract/prices';
import { call } from '../../api/client';
import { useApiCommand } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { IconAlert } from '../../components/icons';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';

export function ImportPricesDialog({ listId, format, onClose }: { listId: number; format: 'paste' | 'csv'; onClose(): void }) {
  const { t, fmt } = useI18n();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<unknown>(null);
  const [skip, setSkip] = useState(false);
  const commit = useApiCommand('prices.importCommit', {
    onSuccess: (r) => {
      notifySaved(t('prices.import.done', { count: r.changed }));
      onClose();
    },
  });

  const read = async (body: string) => {
    setReading(true);
    setReadError(null);
    try {
      setPreview(await call('prices.importPreview', { listId, text: body, format }));
    } catch (e) {
      setReadError(e);
      setPreview(null);
    } finally {
      setReading(false);
    }
  };
  const onFile = async (file: File | null) => {
    if (!file) return;
    setFileName(file.name);
    const body = await file.text();
    setText(body);
    await read(body);
  };

  const unknown = preview?.unknownSkus ?? [];
  const errors = preview?.errors ?? [];
  const blocked = !preview || errors.length > 0 || preview.rows.length === 0 || (unknown.length > 0 && !skip);

  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{format === 'paste' ? t('prices.paste.title') : t('prices.import.csvTitle')}</Text>} size="xl">
      <Stack gap="sm" data-testid="price-import-dialog">
        {format === 'paste' ? (
          <>
            <Text size="sm" c="dimmed">
              {t('prices.paste.hint')}
            </Text>
            <Textarea
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setPreview(null);
              }}
              autosize
              minRows={5}
              maxRows={12}
              placeholder={'SAP-LAV-100\t4,20\nSAP-ROS-100\t4,50'}
              classNames={{ input: 'mono-input' }}
              data-autofocus
              data-testid="price-paste-text"
            />
            <Group>
              <Button variant="default" onClick={() => void read(text)} loading={reading} disabled={text.trim() === ''} data-testid="price-paste-read">
                {t('prices.paste.read')}
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <FileButton onChange={(f) => void onFile(f)} accept=".csv,text/csv,text/plain">
              {(props) => (
                <Button variant="default" loading={reading} {...props} data-testid="price-csv-choose">
                  {t('prices.import.choose')}
                </Button>
              )}
            </FileButton>
            <Text size="sm" c="dimmed">
              {fileName ?? t('prices.import.csvHint')}
            </Text>
          </Group>
        )}
        {readError ? <ErrorAlert error={readError} /> : null}

        {preview ? (
          <>
            <Group gap="xs">
              <Badge variant="light" color="green" data-testid="price-import-count">
                {t('prices.import.rows', { count: preview.rows.length })}
              </Badge>
              {unknown.length > 0 ? (
                <Badge variant="light" color="yellow">
                  {t('prices.import.unknownCount', { count: unknown.length })}
                </Badge>
              ) : null}
              {errors.length > 0 ? (
                <Badge variant="light" color="red">
                  {t('prices.import.errorCount', { count: errors.length })}
                </Badge>
              ) : null}
            </Group>
            {errors.length > 0 ? (
              <Alert color="red" icon={<IconAlert />} title={t('prices.import.errorsTitle')} data-testid="price-import-errors">
                <Stack gap={2}>
                  {errors.slice(0, 20).map((e, i) => (
                    <Text key={i} size="sm">
                      {t('prices.import.errorRow', { row: e.row, field: e.field, message: e.message })}
                    </Text>
                  ))}
                </Stack>
              </Alert>
            ) : null}
            {unknown.length > 0 ? (
              <Alert color="yellow" icon={<IconAlert />} title={t('prices.import.unknownTitle')} data-testid="price-import-unknown">
                <Text size="sm" mb={6}>
                  {t('prices.import.unknownBody')}
                </Text>
                <Text size="sm" ff="monospace" mb="xs">
                  {unknown.map((u) => t('prices.import.unknownSku', { sku: u.sku, row: u.row })).join(' · ')}
                </Text>
                <Checkbox label={t('prices.import.skipUnknown', { count: unknown.length })} checked={skip} onChange={(e) => setSkip(e.currentTarget.checked)} data-testid="price-import-skip" />
              </Alert>
            ) : null}
            {preview.rows.length > 0 ? (
              <ScrollArea.Autosize mah={300}>
                <Table verticalSpacing={4} fz="sm" data-testid="price-import-rows">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={60}>{t('prices.import.col.row')}</Table.Th>
                      <Table.Th w={140}>{t('prices.entry.col.sku')}</Table.Th>
                      <Table.Th>{t('prices.entry.col.item')}</Table.Th>
                      <Table.Th w={110} ta="right">
                        {t('prices.import.col.now')}
                      </Table.Th>
                      <Table.Th w={110} ta="right">
                        {t('prices.import.col.new')}
                      </Table.Th>
                      <Table.Th w={90} ta="right">
                        {t('prices.entry.col.breaks')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.rows.map((r) => (
                      <Table.Tr key={r.row}>
                        <Table.Td c="dimmed">{r.row}</Table.Td>
                        <Table.Td ff="monospace">{r.sku}</Table.Td>
                        <Table.Td>{r.name}</Table.Td>
                        <Table.Td ta="right" c="dimmed" className="num">
                          {r.currentPriceCents === null ? t('prices.import.newOnList') : fmt.money(r.currentPriceCents)}
                        </Table.Td>
                        <Table.Td ta="right" className="num" fw={r.currentPriceCents !== r.priceCents ? 600 : undefined}>
                          {fmt.money(r.priceCents)}
                        </Table.Td>
                        <Table.Td ta="right">{r.breaks.length > 0 ? fmt.number(r.breaks.length) : ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            ) : null}
          </>
        ) : null}
        {commit.error ? <ErrorAlert error={commit.error} /> : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button onClick={() => commit.mutate({ listId, text, format, skipUnknown: skip })} disabled={blocked} loading={commit.isPending} data-testid="price-import-commit">
            {preview ? t('prices.import.commit', { count: preview.rows.length }) : t('prices.import.commitNone')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
