import { useState } from 'react';
import { Alert, Button, PasswordInput, Text, TextInput } from '@mantine/core';
import { lanLogin } from '../../api/lanAuth';
import { GateFrame, useGateSubmit, type GateProps } from './GateFrame';

/** A paired device, nobody logged in (or the session ended): login and password. */
export function LoginScreen({ deviceName, onLoggedIn, ...gate }: GateProps & { deviceName: string; onLoggedIn(): void }) {
  const { t } = gate;
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { submit, busy, error } = useGateSubmit(t, () => lanLogin(login, password), onLoggedIn, t('lan.login.wrong'), () => setPassword(''));

  return (
    <GateFrame {...gate} title={t('lan.login.title')}>
      <Text size="sm" c="dimmed" data-testid="login-device">
        {t('lan.login.device', { name: deviceName })}
      </Text>
      <form onSubmit={(e) => void submit(e)} data-testid="login-form">
        <TextInput label={t('lan.login.login')} value={login} onChange={(e) => setLogin(e.currentTarget.value)} autoComplete="username" autoCapitalize="none" required size="md" data-testid="login-login" />
        <PasswordInput mt="sm" label={t('lan.login.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" required size="md" data-testid="login-password" />
        <Button type="submit" mt="md" fullWidth size="md" loading={busy} data-testid="login-submit">
          {t('lan.login.submit')}
        </Button>
      </form>
      {error && (
        <Alert color="red" variant="light" data-testid="login-error">
          {error}
        </Alert>
      )}
    </GateFrame>
  );
}
