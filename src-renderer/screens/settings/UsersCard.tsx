/** Settings → Users: the people who log in from other devices, their roles; the owner alone sees it. */
import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, NativeSelect, PasswordInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { ROLES, type Account, type Role } from '../../../src-shared/contract/accounts';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { useCallerRole } from '../../api/caller';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { QueryError } from '../../components/QueryState';
import { DialogFooter } from '../../components/DialogFooter';
import { useI18n } from '../../i18n/I18nProvider';

function useRoleOptions() {
  const { t } = useI18n();
  return ROLES.map((r) => ({ value: r, label: t(`accounts.role.${r}`) }));
}

/** A password typed twice; the two must match before anything is sent. */
function PasswordPair({ value, again, onChange, error }: { value: string; again: string; onChange(v: { value: string; again: string }): void; error?: string }) {
  const { t } = useI18n();
  return (
    <>
      <PasswordInput
        label={t('accounts.field.password')}
        description={t('accounts.field.password.hint')}
        value={value}
        error={error}
        autoComplete="new-password"
        onChange={(e) => onChange({ value: e.currentTarget.value, again })}
        data-testid="user-password"
      />
      <PasswordInput
        label={t('accounts.field.passwordAgain')}
        value={again}
        error={again !== '' && again !== value ? t('accounts.passwordsDiffer') : undefined}
        autoComplete="new-password"
        onChange={(e) => onChange({ value, again: e.currentTarget.value })}
        data-testid="user-password-again"
      />
    </>
  );
}

function AddUser({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const roleOptions = useRoleOptions();
  const [v, setV] = useState({ login: '', name: '', role: 'office' as Role, password: '', again: '' });
  const create = useApiCommand('accounts.create', {
    onSuccess: (a) => {
      notifySaved(t('accounts.added', { login: a.login }));
      onClose();
    },
  });
  const errors = fieldErrors(create.error, t);
  const submit = () => {
    if (v.password !== v.again) return;
    create.mutate({ login: v.login.trim(), role: v.role, password: v.password, ...(v.name.trim() ? { name: v.name.trim() } : {}) });
  };
  return (
    <Stack gap="sm">
      <TextInput label={t('accounts.field.login')} description={t('accounts.field.login.hint')} value={v.login} error={errors.login} onChange={(e) => setV({ ...v, login: e.currentTarget.value })} data-testid="user-login" data-autofocus />
      <TextInput label={t('accounts.field.name')} value={v.name} error={errors.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} data-testid="user-name" />
      <NativeSelect label={t('accounts.field.role')} description={t(`accounts.role.${v.role}.hint`)} value={v.role} error={errors.role} data={roleOptions} onChange={(e) => setV({ ...v, role: e.currentTarget.value as Role })} data-testid="user-role" />
      <PasswordPair value={v.password} again={v.again} error={errors.password} onChange={(p) => setV({ ...v, password: p.value, again: p.again })} />
      <ErrorAlert error={create.error} shownFields={['login', 'name', 'role', 'password']} />
      <DialogFooter onClose={onClose} onSubmit={submit} label={t('accounts.add')} loading={create.isPending} disabled={!v.password || v.password !== v.again} testId="user-add-save" />
    </Stack>
  );
}

function ResetPassword({ user, onClose }: { user: Account; onClose(): void }) {
  const { t } = useI18n();
  const [p, setP] = useState({ value: '', again: '' });
  const set = useApiCommand('accounts.setPassword', {
    onSuccess: (a) => {
      notifySaved(t('accounts.passwordSet', { login: a.login }));
      onClose();
    },
  });
  const errors = fieldErrors(set.error, t);
  return (
    <Stack gap="sm">
      <PasswordPair value={p.value} again={p.again} error={errors.password} onChange={setP} />
      <ErrorAlert error={set.error} shownFields={['password']} />
      <DialogFooter onClose={onClose} onSubmit={() => set.mutate({ id: user.id, password: p.value })} label={t('common.save')} loading={set.isPending} disabled={!p.value || p.value !== p.again} testId="user-password-save" />
    </Stack>
  );
}

function UserRow({ user }: { user: Account }) {
  const { t } = useI18n();
  const roleOptions = useRoleOptions();
  const [resetting, setResetting] = useState(false);
  const update = useApiCommand('accounts.update', { onSuccess: (a) => notifySaved(t('accounts.roleChanged', { login: a.login })) });
  const disable = useApiCommand('accounts.disable', { onSuccess: (a) => notifySaved(t('accounts.disabledDone', { login: a.login })) });
  const enable = useApiCommand('accounts.enable', { onSuccess: (a) => notifySaved(t('accounts.enabledDone', { login: a.login })) });
  const error = update.error ?? disable.error ?? enable.error;
  return (
    <>
      <Table.Tr data-testid={`user-row-${user.login}`}>
        <Table.Td ff="monospace">{user.login}</Table.Td>
        <Table.Td>{user.name}</Table.Td>
        <Table.Td>
          <NativeSelect
            size="xs"
            aria-label={t('accounts.col.role')}
            value={user.role}
            data={roleOptions}
            onChange={(e) => update.mutate({ id: user.id, role: e.currentTarget.value as Role })}
            data-testid={`user-role-${user.login}`}
          />
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color={user.active ? 'green' : 'gray'}>
            {t(user.active ? 'accounts.active' : 'accounts.disabled')}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Group gap={6} justify="flex-end" wrap="nowrap">
            <Button size="compact-sm" variant="default" onClick={() => setResetting(true)} data-testid={`user-reset-${user.login}`}>
              {t('accounts.resetPassword')}
            </Button>
            {user.active ? (
              <Button size="compact-sm" variant="subtle" color="red" loading={disable.isPending} onClick={() => disable.mutate({ id: user.id })} data-testid={`user-disable-${user.login}`}>
                {t('accounts.disable')}
              </Button>
            ) : (
              <Button size="compact-sm" variant="subtle" loading={enable.isPending} onClick={() => enable.mutate({ id: user.id })} data-testid={`user-enable-${user.login}`}>
                {t('accounts.enable')}
              </Button>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {error ? (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <ErrorAlert error={error} testId={`user-error-${user.login}`} fieldLabel={() => null} />
          </Table.Td>
        </Table.Tr>
      ) : null}
      <Modal opened={resetting} onClose={() => setResetting(false)} title={<Text fw={650}>{t('accounts.passwordFor', { login: user.login })}</Text>}>
        <ResetPassword user={user} onClose={() => setResetting(false)} />
      </Modal>
    </>
  );
}

export function UsersCard() {
  const { t } = useI18n();
  const role = useCallerRole();
  const owner = role === 'owner';
  const list = useApiQuery('accounts.list', {}, { enabled: owner });
  const [adding, setAdding] = useState(false);
  if (!owner) return null;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="users-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <div>
          <Text fw={600}>{t('accounts.title')}</Text>
          <Text size="sm" c="dimmed">
            {t('accounts.hint')}
          </Text>
        </div>
        <Button variant="default" onClick={() => setAdding(true)} data-testid="user-add" style={{ flexShrink: 0 }}>
          {t('accounts.add')}
        </Button>
      </Group>
      {!list.data ? (
        <QueryError query={list} compact what={t('accounts.title')} />
      ) : list.data.rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="users-none">
          {t('accounts.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accounts.col.login')}</Table.Th>
                <Table.Th>{t('accounts.col.name')}</Table.Th>
                <Table.Th w={150}>{t('accounts.col.role')}</Table.Th>
                <Table.Th>{t('accounts.col.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.rows.map((u) => (
                <UserRow key={u.id} user={u} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={<Text fw={650}>{t('accounts.add')}</Text>}>
        <AddUser onClose={() => setAdding(false)} />
      </Modal>
    </Card>
  );
}
