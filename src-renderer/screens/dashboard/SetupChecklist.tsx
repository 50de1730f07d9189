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
  const todo = setup.steps.filter((s) => !s.done);
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
        {todo.map((s) => (
          <Group key={s.key} gap="xs" wrap="nowrap" data-testid={`setup-step-${s.key}`} data-done={false}>
            <ThemeIcon size="sm" radius="xl" variant="default" color="gray" />
            <Text size="sm" style={{ flex: 1, minWidth: 0 }} truncate>
              {t(`today.setup.${s.key}` as MessageKey)}
            </Text>
            <Button size="compact-xs" variant="light" onClick={() => navigate(SETUP_FORMS[s.key])} data-testid={`setup-go-${s.key}`}>
              {t('today.setup.go')}
            </Button>
          </Group>
        ))}
      </SimpleGrid>
      {/* the steps done take one line of small ticks, so a nearly set-up database keeps the tiles in view */}
      {done > 0 ? (
        <Group gap={6} mt={todo.length > 0 ? 'xs' : 0}>
          {setup.steps
            .filter((s) => s.done)
            .map((s) => (
              <Badge key={s.key} variant="light" color="teal" size="sm" leftSection={<IconCheck size={10} />} tt="none" data-testid={`setup-step-${s.key}`} data-done>
                {t(`today.setup.${s.key}` as MessageKey)}
              </Badge>
            ))}
        </Group>
      ) : null}
    </Card>
  );
}
