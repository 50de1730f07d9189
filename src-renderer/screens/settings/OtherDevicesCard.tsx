/**
 * Settings → Other devices (the owner, on the office PC): the switch of the LAN door and,
 * while it is on, the addresses to open on a device, the certificate fingerprint (text and
 * QR code, to compare with what the device's browser shows), the pairing code with a
 * button for a new one, and the paired devices with Revoke.
 */
import { Badge, Button, Card, Code, Group, Image, Stack, Switch, Table, Text } from '@mantine/core';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { useI18n } from '../../i18n/I18nProvider';
import { useLanSession } from '../lan/LanGate';

function PairedDevices() {
  const { t, fmt } = useI18n();
  const list = useApiQuery('devices.list', {});
  const revoke = useApiCommand('devices.revoke');
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return null;
  if (list.data.devices.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="devices-none">
        {t('lan.settings.noDevices')}
      </Text>
    );
  }
  return (
    <Table verticalSpacing={4} fz="sm" data-testid="devices-list">
      <Table.Tbody>
        {list.data.devices.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td fw={600}>{d.name}</Table.Td>
            <Table.Td c="dimmed">
              {t('lan.settings.pairedAt', { date: fmt.dateTime(d.pairedAt) })}
              {d.lastSeenAt ? ` · ${t('lan.settings.lastSeen', { date: fmt.dateTime(d.lastSeenAt) })}` : ''}
            </Table.Td>
            <Table.Td ta="right">
              {d.revokedAt ? (
                <Badge color="gray" variant="light">
                  {t('lan.settings.revoked')}
                </Badge>
              ) : (
                <Button
                  size="compact-sm"
                  color="red"
                  variant="light"
                  loading={revoke.isPending && revoke.variables?.id === d.id}
                  onClick={() => {
                    if (window.confirm(t('lan.settings.revokeConfirm', { name: d.name }))) revoke.mutate({ id: d.id });
                  }}
                  data-testid={`device-revoke-${d.id}`}
                >
                  {t('lan.settings.revoke')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function OtherDevicesCard() {
  const { t, fmt } = useI18n();
  // a device on the LAN door does not manage the door it is using
  const onLan = useLanSession() !== null;
  const status = useApiQuery('lan.status', {}, { enabled: !onLan, refetchInterval: (q) => (q.state.data?.enabled ? 30_000 : false) });
  const setEnabled = useApiCommand('lan.setEnabled');
  const newCode = useApiCommand('lan.newPairingCode');
  if (onLan) return null;
  const s = status.data;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="other-devices">
      <Text fw={600} mb="xs">
        {t('lan.settings.title')}
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('lan.settings.body')}
      </Text>
      {status.error && <ErrorAlert error={status.error} />}
      {s && (
        <Stack gap="sm">
          <Switch
            checked={s.enabled}
            disabled={!s.available || setEnabled.isPending}
            onChange={(e) => setEnabled.mutate({ enabled: e.currentTarget.checked })}
            label={t('lan.settings.switch')}
            data-testid="lan-switch"
          />
          {!s.available && (
            <Text size="sm" c="dimmed">
              {t('lan.settings.unavailable')}
            </Text>
          )}
          <ErrorAlert error={setEnabled.error ?? newCode.error} />
          {s.enabled && (
            <Group align="flex-start" gap="lg" wrap="wrap">
              <Stack gap="xs" style={{ flex: '1 1 320px', minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {t('lan.settings.open')}
                </Text>
                {s.urls.map((u) => (
                  <Code key={u} data-testid="lan-url">
                    {u}
                  </Code>
                ))}
                <Text size="sm" fw={600} mt="xs">
                  {t('lan.settings.code')}
                </Text>
                <Group gap="sm" wrap="nowrap">
                  <Text ff="monospace" fz={28} fw={700} data-testid="lan-pairing-code">
                    {s.pairingCode}
                  </Text>
                  <Button size="compact-sm" variant="default" loading={newCode.isPending} onClick={() => newCode.mutate({})} data-testid="lan-new-code">
                    {t('lan.settings.newCode')}
                  </Button>
                </Group>
                {s.pairingExpiresAt && (
                  <Text size="xs" c="dimmed">
                    {t('lan.settings.codeExpires', { time: fmt.dateTime(s.pairingExpiresAt) })}
                  </Text>
                )}
                <Text size="sm" fw={600} mt="xs">
                  {t('lan.settings.fingerprint')}
                </Text>
                <Text ff="monospace" size="xs" style={{ wordBreak: 'break-all' }} data-testid="lan-fingerprint">
                  {s.fingerprint}
                </Text>
              </Stack>
              {s.fingerprintQrSvg && (
                <Image
                  src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(s.fingerprintQrSvg)}`}
                  w={160}
                  h={160}
                  alt={s.fingerprint ?? ''}
                  data-testid="lan-fingerprint-qr"
                />
              )}
            </Group>
          )}
          <Text size="sm" fw={600} mt="xs">
            {t('lan.settings.devices')}
          </Text>
          <PairedDevices />
        </Stack>
      )}
    </Card>
  );
}
