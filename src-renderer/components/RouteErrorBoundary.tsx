/**
 * A screen that throws while rendering (an answer of an unexpected shape, a bug) shows
 * what happened and a way back instead of a blank window; the sidebar stays usable.
 * App.tsx wraps the routed screen in it. Moving to another screen clears the error
 * (without remounting a healthy screen: `resetKey` is compared, not used as a React key).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';
import { navigate } from '../router';
import { IconAlert } from './icons';

function ScreenFailed({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Stack maw={640} data-testid="screen-error">
      <Alert color="red" variant="light" icon={<IconAlert />} title={t('error.screen.title')}>
        <Text size="sm">{t('error.screen.body')}</Text>
        <Text size="xs" c="dimmed" mt={4} data-testid="screen-error-detail">
          {error.message}
        </Text>
      </Alert>
      <Group>
        <Button variant="default" onClick={onRetry} data-testid="screen-error-retry">
          {t('common.retry')}
        </Button>
        <Button variant="default" onClick={() => window.history.back()} data-testid="screen-error-back">
          {t('common.back')}
        </Button>
        <Button variant="subtle" onClick={() => navigate('/')} data-testid="screen-error-home">
          {t('error.screen.home')}
        </Button>
      </Group>
    </Stack>
  );
}

interface Props {
  /** the route's path: when it changes, a shown error is cleared */
  resetKey: string;
  children: ReactNode;
}

export class RouteErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // the console keeps the component stack for whoever reports the problem
    console.error('screen failed', error, info.componentStack);
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (this.state.error) return <ScreenFailed error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
