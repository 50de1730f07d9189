import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import './app.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError, initTransport } from './api/client';
import { App } from './App';
import { StartupScreen } from './components/StartupScreen';
import { I18nProvider } from './i18n/I18nProvider';
import { theme } from './theme';
import { LanGate } from './screens/lan/LanGate';

initTransport();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // a refused input or a missing record will not change by asking again
      retry: (count, err) => !(err instanceof ApiError && err.code !== 'NETWORK' && err.code !== 'INTERNAL') && count < 2,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <LanGate>
          <I18nProvider startup={(p) => <StartupScreen {...p} />}>
            <App />
          </I18nProvider>
        </LanGate>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
