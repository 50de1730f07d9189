/** Settings → Company logo: the picture the DDT and the other documents print (PNG/JPEG, size-checked by the server). */
import { useRef } from 'react';
import { Button, Card, Group, Image, Text } from '@mantine/core';
import { LOGO_MAX_BYTES } from '../../../src-shared/contract/logo';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { notifyError, notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryError } from '../../components/QueryState';

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

export function LogoCard() {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const logo = useApiQuery('settings.logo', {});
  const save = useApiCommand('settings.setLogo', { onSuccess: () => notifySaved(t('settings.logo.saved')) });
  const remove = useApiCommand('settings.removeLogo');
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') return notifyError(t('error.title'), t('settings.logo.wrongType'));
    if (file.size > LOGO_MAX_BYTES) return notifyError(t('error.title'), t('issue.logo_too_large', { kb: Math.ceil(file.size / 1024), maxKb: LOGO_MAX_BYTES / 1024 }));
    save.mutate({ contentType: file.type, base64: await toBase64(file) });
  };
  return (
    <Card withBorder radius="md" padding="lg" data-testid="settings-logo">
      <Text fw={650}>{t('settings.logo.title')}</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('settings.logo.body')}
      </Text>
      <Group>
        {logo.error ? <QueryError query={logo} compact /> : logo.data ? <Image src={`data:${logo.data.contentType};base64,${logo.data.base64}`} h={56} w="auto" fit="contain" alt={t('settings.logo.title')} /> : <Text size="sm" c="dimmed">{t('settings.logo.none')}</Text>}
        <input ref={input} type="file" accept="image/png,image/jpeg" hidden data-testid="logo-file" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
        <Button variant="default" loading={save.isPending} onClick={() => input.current?.click()} data-testid="logo-upload">
          {t('settings.logo.upload')}
        </Button>
        {logo.data ? (
          <Button variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate({})}>
            {t('settings.logo.remove')}
          </Button>
        ) : null}
      </Group>
      {save.error ? <ErrorAlert error={save.error} /> : null}
    </Card>
  );
}
