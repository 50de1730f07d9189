import type { ComponentType } from 'react';
import type { MessageKey } from '../../src-shared/i18n';
import { EmptyScreen } from '../components/EmptyScreen';
import { PageHeader } from '../components/PageHeader';
import { useI18n } from '../i18n/I18nProvider';

/** A screen that is not built yet says, in the user's language, what will live there. */
export function PlaceholderScreen({ title, heading, body, icon: Icon, testId }: { title: MessageKey; heading: MessageKey; body: MessageKey; icon: ComponentType<{ size?: number }>; testId: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t(title)} />
      <EmptyScreen icon={<Icon size={28} />} title={t(heading)} description={t(body)} badge={t('common.comingSoon')} testId={testId} />
    </>
  );
}
