import { Badge, EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

/** A clear empty state: what lives here and, when it can be done, the first action. */
export function EmptyScreen({
  icon,
  title,
  description,
  action,
  badge,
  testId,
}: {
  icon: ReactNode;
  title: ReactNode;
  description: ReactNode;
  action?: ReactNode;
  badge?: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" py={48} px="xl" data-testid={testId}>
      <EmptyState icon={icon} variant="light" size="md" title={title} description={description} maw={560} mx="auto">
        {badge ? <Badge variant="outline" color="gray">{badge}</Badge> : null}
        {action ? <EmptyState.Actions>{action}</EmptyState.Actions> : null}
      </EmptyState>
    </Paper>
  );
}
