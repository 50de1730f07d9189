/**
 * First run: the steps that make an empty database a working one, each ticked from the
 * data (reports.today's `setup`), each opening the form where it is done. Gone once all are done.
 */
import { Badge, Button, Card, Group, Progress, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import type { MessageKey } from '../../../src-shared/i18n';
import type { TodayOut } from '../../../src-shared/contract/today';
import { IconCheck } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { SETUP_FORMS } from './todayLinks';

export function SetupChecklist({ setup }: { setup: TodayOut['setup'] }) {
  const { t } = useI18n();
  if (setup.done) return null;
  const done = setup.steps.filter((s) => s.done).length;
  return (
    <Card withBorder radius="md" padding="md" mb="sm" data-testid="setup-checklist">
      <Group justify="space-between" wrap="nowrap" mb={4}>
        <Text fw={600}>{t('today.setup.title')}</Text>
        <Badge variant="light" data-testid="setup-progress">
          {t('today.setup.progress', { done, total: setup.steps.length })}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('today.setup.hint')}
      </Text>
      <Progress value={(done / setup.steps.length) * 100} size="sm" mb="sm" />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" verticalSpacing={6}>
        {setup.steps.map((s) => (
          <Group key={s.key} gap="xs" wrap="nowrap" data-testid={`setup-step-${s.key}`} data-done={s.done}>
            <ThemeIcon size="sm" radius="xl" variant={s.done ? 'filled' : 'default'} color={s.done ? 'teal' : 'gray'}>
              {s.done ? <IconCheck size={12} /> : null}
            </ThemeIcon>
            <Text size="sm" td={s.done ? 'line-through' : undefined} c={s.done ? 'dimmed' : undefined} style={{ flex: 1, minWidth: 0 }} truncate>
              {t(`today.setup.${s.key}` as MessageKey)}
            </Text>
            {s.done ? null : (
              <Button size="compact-xs" variant="light" onClick={() => navigate(SETUP_FORMS[s.key])} data-testid={`setup-go-${s.key}`}>
                {t('today.setup.go')}
              </Button>
            )}
          </Group>
        ))}
      </SimpleGrid>
    </Card>
  );
}
