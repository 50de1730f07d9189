/**
 * "Export" on a list screen: the lists it offers, as CSV for Excel in the UI's language
 * (Italian: semicolons and decimal commas), downloaded as a file. The filters passed are
 * the screen's own, so what is exported is what the user was looking at.
 */
import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import type { z } from 'zod';
import type { exportInput } from '../../src-shared/contract/channels';
import type { MessageKey } from '../../src-shared/i18n';
import { call } from '../api/client';
import { downloadText } from '../api/files';
import { useI18n } from '../i18n/I18nProvider';
import { errorText } from './errors';
import { IconChevronDown } from './icons';
import { notifyError, notifySaved } from './notify';

type ExportInput = z.input<typeof exportInput>;
export type ExportList = ExportInput['list'];
export type ExportFilters = Omit<ExportInput, 'list' | 'locale'>;

export function ExportMenu({ lists, filters = {} }: { lists: ExportList[]; filters?: ExportFilters }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const run = async (list: ExportList) => {
    setBusy(true);
    try {
      const out = await call('exports.csv', { ...filters, list, locale: lang });
      downloadText(out.csv, out.fileName);
      notifySaved(t('exports.done', { file: out.fileName, rows: out.rows }));
    } catch (err) {
      notifyError(t('exports.button'), errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" loading={busy} rightSection={<IconChevronDown size={14} />} data-testid="export-menu">
          {t('exports.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('exports.csv')}</Menu.Label>
        {lists.map((l) => (
          <Menu.Item key={l} onClick={() => void run(l)} data-testid={`export-${l}`}>
            {t(`exports.list.${l}` as MessageKey)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
