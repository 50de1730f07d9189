import { useState, type FormEvent, type ReactNode } from 'react';
import { Center, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { Lang, Translator } from '../../../src-shared/i18n';
import type { Envelope } from '../../../src-shared/contract/errors';
import { IconLogo } from '../../components/icons';

export interface GateProps {
  t: Translator;
  lang: Lang;
  setLang(lang: Lang): void;
}

/** The card the pairing and login screens share: the logo, a title, the IT/EN switch; sized for a phone or a tablet. */
export function GateFrame({ t, lang, setLang, title, children }: GateProps & { title: string; children: ReactNode }) {
  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={440}>
        <Stack gap="md">
          <Group justify="space-between" wrap="nowrap">
            <Group gap={8} wrap="nowrap">
              <IconLogo size={24} />
              <Text fw={700} fz="lg">
                {t('app.name')}
              </Text>
            </Group>
            <SegmentedControl size="xs" value={lang} onChange={(v) => setLang(v as Lang)} data={[{ value: 'it', label: 'IT' }, { value: 'en', label: 'EN' }]} aria-label="Lingua / Language" />
          </Group>
          <Title order={2} fz="h3">
            {title}
          </Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

/** The message for a refused pairing or login: the door's reason, or how long to wait. */
export function refusal(t: Translator, env: Envelope<unknown>, fallback: string): string {
  if (env.ok) return '';
  const details = env.error.details ?? {};
  if (env.error.code === 'RATE_LIMITED') return t('lan.tooMany', { seconds: Number(details.retryAfterSeconds ?? 60) });
  if (details.reason === 'pairing_expired') return t('lan.pair.expired');
  if (details.reason === 'not_paired') return t('lan.login.notPaired');
  return fallback;
}

/**
 * The submit of a gate form (pairing, login): busy while the door answers, then `onOk`, or
 * the refusal's message (`refused` runs first, e.g. to empty the password field).
 */
export function useGateSubmit(t: Translator, send: () => Promise<Envelope<unknown>>, onOk: () => void, fallback: string, refused?: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const env = await send();
      if (env.ok) return onOk();
      refused?.();
      setError(refusal(t, env, fallback));
    } catch {
      setError(t('lan.failed'));
    } finally {
      setBusy(false);
    }
  };
  return { submit, busy, error };
}
