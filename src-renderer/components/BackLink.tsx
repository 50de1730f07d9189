import type { ReactNode } from 'react';
import { Group } from '@mantine/core';
import { Link } from '../router';
import { IconArrowLeft } from './icons';

/** "← Orders": the way back to the list a page belongs to, above its title. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} size="sm" c="dimmed" className="back-link" data-testid="back-link">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} />
        {children}
      </Group>
    </Link>
  );
}
