/** #/inventory/locations: where stock lies (shelves, rooms, the fridge), and a new one. */
import { useState } from 'react';
import { Badge, Button, Card, Grid, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { IconPlus } from '../../components/icons';
import { notifySaved } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { BackLink, CardTitle } from './common';
import { InvErrorAlert, invFieldErrors, invErrorText } from './invErrors';
import { QueryError } from '../../components/QueryState';

export function LocationsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const locations = useApiQuery('inventory.locations', {});
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const create = useApiCommand('inventory.createLocation', {
    onSuccess: (l) => {
      notifySaved(t('inventory.locations.created', { code: l.code }));
      setCode('');
      setName('');
    },
  });
  const errors = invFieldErrors(create.error, i18n);
  const rows = locations.data?.locations ?? [];

  return (
    <>
      <BackLink to="/inventory">{t('nav.inventory')}</BackLink>
      <PageHeader title={t('inventory.locations.title')} subtitle={t('inventory.locations.subtitle')} />
      <QueryError query={locations} describe={(e) => invErrorText(e, i18n)} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder radius="md" padding={0} data-testid="locations-card">
            <Table className="inv-table" verticalSpacing={6} horizontalSpacing="md" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={140}>{t('inventory.locations.code')}</Table.Th>
                  <Table.Th>{t('inventory.locations.name')}</Table.Th>
                  <Table.Th w={120} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((l) => (
                  <Table.Tr key={l.id} data-testid={`location-row-${l.code}`}>
                    <Table.Td ff="monospace" fw={600}>
                      {l.code}
                    </Table.Td>
                    <Table.Td>{l.name}</Table.Td>
                    <Table.Td>
                      {l.isDefault ? (
                        <Badge variant="light" color="teal" size="sm">
                          {t('inventory.locations.default')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder radius="md" padding="md">
            <CardTitle>{t('inventory.locations.new')}</CardTitle>
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                const need = { code: code.trim() === '', name: name.trim() === '' };
                setMissing(need);
                if (need.code || need.name) return;
                create.mutate({ code, name });
              }}
            >
              <Stack gap="sm">
                <Group grow align="flex-start">
                  <TextInput
                    label={t('inventory.locations.code')}
                    required
                    maxLength={20}
                    value={code}
                    onChange={(e) => setCode(e.currentTarget.value)}
                    classNames={{ input: 'mono-input' }}
                    error={missing.code ? t('issue.required') : errors.code}
                    data-testid="location-code"
                  />
                  <TextInput
                    label={t('inventory.locations.name')}
                    required
                    value={name}
                    onChange={(e) => setName(e.currentTarget.value)}
                    error={missing.name ? t('issue.required') : errors.name}
                    data-testid="location-name"
                  />
                </Group>
                <Text size="xs" c="dimmed">
                  {t('inventory.locations.hint')}
                </Text>
                <InvErrorAlert error={create.error} shownFields={['code', 'name']} />
                <Group justify="flex-end">
                  <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending} data-testid="location-create">
                    {t('inventory.locations.create')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
