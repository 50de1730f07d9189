/**
 * A page header's secondary actions behind one "⋯" button, so the title, its badge and the
 * main action keep their room at 1366 px. Items are Mantine Menu.Items (with their test ids):
 * `<MoreActions testId="order-more"><Menu.Item …>Cancel order</Menu.Item></MoreActions>`.
 */
import type { ReactNode } from 'react';
import { ActionIcon, Menu } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';

function IconDots({ size = 18 }: { size?: number }) {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" width={size} height={size} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">
      <circle cx="5" cy="12" r="1.8" />
      <circle cx="12" cy="12" r="1.8" />
      <circle cx="19" cy="12" r="1.8" />
    </svg>
  );
}

export function MoreActions({ children, testId }: { children: ReactNode; testId: string }) {
  const { t } = useI18n();
  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <ActionIcon variant="default" size={36} aria-label={t('common.moreActions')} title={t('common.moreActions')} data-testid={testId}>
          <IconDots />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}
