import { useEffect, useState } from 'react';
import { Button, Card, Grid, Group, NumberInput, PasswordInput, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useApiCommand, useApiQuery, type Out } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryError } from '../../components/QueryState';

type Stored = Out<'notifications.settings'>;

/** "BRT = https://…{tracking}" one per line, both ways. */
function trackingText(list: Stored['trackingUrls']): string {
  return list.map((x) => `${x.carrier} = ${x.url}`).join('\n');
}
function parseTracking(text: string): Stored['trackingUrls'] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const i = l.indexOf('=');
      return i < 0 ? { carrier: l, url: '' } : { carrier: l.slice(0, i).trim(), url: l.slice(i + 1).trim() };
    });
}

/** SMTP for customer emails and the carriers' tracking links (notifications.saveSettings). */
export function NotificationSettingsCard() {
  const { t } = useI18n();
  const stored = useApiQuery('notifications.settings', {});
  const save = useApiCommand('notifications.saveSettings', {
    onSuccess: () => {
      setPassword('');
      notifySaved(t('notify.settings.saved'));
    },
  });
  const [v, setV] = useState<Stored | null>(null);
  const [password, setPassword] = useState('');
  const [tracking, setTracking] = useState('');
  useEffect(() => {
    if (stored.data && v === null) {
      setV(stored.data);
      setTracking(trackingText(stored.data.trackingUrls));
    }
  }, [stored.data, v]);
  if (!v) return <QueryError query={stored} what={t('notify.settings.title')} />;
  const server = fieldErrors(save.error, t);
  const set = <K extends keyof Stored>(k: K, value: Stored[K]) => setV({ ...v, [k]: value });
  return (
    <Card withBorder radius="md" padding="lg" data-testid="notification-settings">
      <Text fw={600}>{t('notify.settings.title')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('notify.settings.hint')}
      </Text>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('notify.settings.host')} value={v.host} onChange={(e) => set('host', e.currentTarget.value)} placeholder="smtp.example.com" error={server.host} data-testid="smtp-host" />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 2 }}>
          <NumberInput label={t('notify.settings.port')} value={v.port} onChange={(p) => set('port', Number(p) || 587)} min={1} max={65535} allowDecimal={false} error={server.port} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4 }} style={{ display: 'flex', alignItems: 'flex-end', paddingBottom: 14 }}>
          <Switch label={t('notify.settings.secure')} checked={v.secure} onChange={(e) => set('secure', e.currentTarget.checked)} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('notify.settings.user')} value={v.user} onChange={(e) => set('user', e.currentTarget.value)} autoComplete="off" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <PasswordInput
            label={t('notify.settings.password')}
            description={v.passwordSet ? t('notify.settings.passwordSet') : undefined}
            error={v.passwordLost && !password ? t('notify.settings.passwordLost') : undefined}
            data-testid="smtp-password"
            visibilityToggleButtonProps={{ 'aria-label': t('notify.settings.password.toggle') }}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="new-password"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('notify.settings.from')} description={t('notify.settings.from.hint')} value={v.from} onChange={(e) => set('from', e.currentTarget.value)} error={server.from} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('notify.settings.bcc')} value={v.bcc} onChange={(e) => set('bcc', e.currentTarget.value)} error={server.bcc} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea
            label={t('notify.settings.tracking')}
            description={t('notify.settings.tracking.hint')}
            value={tracking}
            onChange={(e) => setTracking(e.currentTarget.value)}
            autosize
            minRows={3}
            classNames={{ input: 'mono-input' }}
          />
        </Grid.Col>
      </Grid>
      {save.error ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={save.error} shownFields={['host', 'port', 'from', 'bcc']} />
        </div>
      ) : null}
      <Group justify="flex-end" mt="md">
        <Button
          onClick={() =>
            save.mutate({ host: v.host, port: v.port, secure: v.secure, user: v.user, from: v.from, bcc: v.bcc, trackingUrls: parseTracking(tracking), ...(password ? { password } : {}) })
          }
          loading={save.isPending}
          data-testid="smtp-save"
        >
          {t('common.save')}
        </Button>
      </Group>
    </Card>
  );
}
