/**
 * One tile of the home screen: a title, a big number (a click on it, or on "See all", opens
 * the filtered list), a line of context, and up to five lines that each open what they name.
 */
import type { ReactNode } from 'react';
import { Card, Group, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import type { TodayRow } from '../../../src-shared/contract/today';
import { IconCheck } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';

export interface TileProps {
  id: string;
  title: string;
  count: number;
  /** the list the tile counts */
  to: string;
  /** red when there is something (late, overdue), orange for attention, gray for plain work */
  tone: 'red' | 'orange' | 'blue';
  hint?: ReactNode;
  badge?: ReactNode;
  rows: TodayRow[];
  open(row: TodayRow): string;
  /** the right-hand text of a line (its date, quantity or amount) */
  right(row: TodayRow): string;
  /** a second right-hand line under it (the date under an amount), so the name keeps its room */
  rightSub?(row: TodayRow): string;
  /** shown instead of lines when the count is 0 */
  empty?: string;
  children?: ReactNode;
}

export function TodayTile({ id, title, count, to, tone, hint, badge, rows, open, right, rightSub, empty, children }: TileProps) {
  const { t, fmt } = useI18n();
  return (
    <Card withBorder radius="md" padding="sm" data-testid={`today-${id}`} className="today-tile">
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} truncate style={{ letterSpacing: 0.3 }}>
            {title}
          </Text>
          <UnstyledButton onClick={() => navigate(to)} data-testid={`today-${id}-count`} aria-label={`${title}: ${count}`}>
            <Text fz={26} fw={650} lh={1.2} c={count > 0 && tone !== 'blue' ? `${tone}.8` : undefined}>
              {fmt.number(count)}
            </Text>
          </UnstyledButton>
        </Stack>
        {badge}
      </Group>
      {hint ? (
        <Text size="xs" c="dimmed" mb={4} lineClamp={2}>
          {hint}
        </Text>
      ) : null}
      {children}
      {count === 0 ? (
        <Group gap={6} py={6} wrap="nowrap">
          <ThemeIcon variant="light" color="teal" size="sm" radius="xl">
            <IconCheck size={12} />
          </ThemeIcon>
          <Text size="xs" c="dimmed">
            {empty ?? t('today.none')}
          </Text>
        </Group>
      ) : (
        <Stack gap={0} mt={2}>
          {rows.map((r) => (
            <UnstyledButton key={r.id} className="dash-alert-row" onClick={() => navigate(open(r))} data-testid={`today-${id}-row`}>
              <Group justify="space-between" wrap="nowrap" gap={6}>
                <div style={{ minWidth: 0 }}>
                  <Text size="xs" fw={600} truncate title={r.title}>
                    {r.title}
                  </Text>
                  <Text size="xs" c="dimmed" truncate title={r.detail}>
                    {r.detail}
                  </Text>
                </div>
                <div style={{ textAlign: 'right', flexShrink: 0 }}>
                  <Text size="xs" fw={r.past ? 600 : undefined} c={r.past ? 'red.8' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                    {right(r)}
                  </Text>
                  {rightSub ? (
                    <Text size="xs" c={r.past ? 'red.8' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                      {rightSub(r)}
                    </Text>
                  ) : null}
                </div>
              </Group>
            </UnstyledButton>
          ))}
          <Link to={to} size="xs" mt={4} data-testid={`today-${id}-all`}>
            {t('today.seeAll')}
          </Link>
        </Stack>
      )}
    </Card>
  );
}
