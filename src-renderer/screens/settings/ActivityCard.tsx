/** Settings → the way to the activity log. */
import { Button, Card, Text } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';

export function ActivityCard() {
  const { t } = useI18n();
  return (
    <Card withBorder radius="md" padding="lg">
      <Text fw={600} mb="xs">
        {t('audit.card.title')}
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('audit.card.body')}
      </Text>
      <Button variant="default" onClick={() => navigate('/settings/activity')} data-testid="open-activity">
        {t('audit.card.open')}
      </Button>
    </Card>
  );
}
