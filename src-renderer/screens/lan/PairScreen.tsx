import { useState } from 'react';
import { Alert, Button, Text, TextInput } from '@mantine/core';
import { lanPair } from '../../api/lanAuth';
import { GateFrame, useGateSubmit, type GateProps } from './GateFrame';

/** First visit of a device: the pairing code shown on the office PC, typed once. */
export function PairScreen({ onPaired, ...gate }: GateProps & { onPaired(): void }) {
  const { t } = gate;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const { submit, busy, error } = useGateSubmit(t, () => lanPair(code, name.trim() || navigator.platform || 'Device'), onPaired, t('lan.pair.wrong'));

  return (
    <GateFrame {...gate} title={t('lan.pair.title')}>
      <Text size="sm">{t('lan.pair.body')}</Text>
      <Text size="sm" c="dimmed">
        {t('lan.pair.fingerprint')}
      </Text>
      <form onSubmit={(e) => void submit(e)} data-testid="pair-form">
        <TextInput
          label={t('lan.pair.code')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          placeholder="ABCD-EFGH"
          autoComplete="off"
          autoCapitalize="characters"
          required
          size="md"
          data-testid="pair-code"
          aria-invalid={error !== null}
        />
        <TextInput
          mt="sm"
          label={t('lan.pair.name')}
          placeholder={t('lan.pair.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={60}
          size="md"
          data-testid="pair-name"
        />
        <Button type="submit" mt="md" fullWidth size="md" loading={busy} data-testid="pair-submit">
          {t('lan.pair.submit')}
        </Button>
      </form>
      {error && (
        <Alert color="red" variant="light" data-testid="pair-error">
          {error}
        </Alert>
      )}
    </GateFrame>
  );
}
