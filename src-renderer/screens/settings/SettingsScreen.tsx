import { useEffect, useState } from 'react';
import { Button, Card, Grid, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import type { z } from 'zod';
import type { company as companySchema } from '../../../src-shared/contract/settings';
import { explainPartitaIva, isValidCodiceFiscale } from '../../../src-shared/domain/italianTax';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/errors';
import { notifyError, notifySaved } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useSaveShortcut } from '../../components/shortcuts';
import { useI18n } from '../../i18n/I18nProvider';
import { useRoute } from '../../router';
import { errorText } from '../../components/errors';
import { StockSettingsCard } from './StockSettingsCard';
import { MarginSettingsCard } from './MarginSettingsCard';
import { BackupCard } from './BackupCard';
import { UpdatesCard } from './UpdatesCard';
import { RestoreCard } from './RestoreCard';
import { BackupsCard } from './BackupsCard';
import { LabelSettingsCard } from './LabelSettingsCard';
import { NotificationSettingsCard } from './NotificationSettingsCard';
import { LogoCard } from './LogoCard';
import { CalendarSettingsCard } from './CalendarSettingsCard';
import { ActivityCard } from './ActivityCard';
import { OtherDevicesCard } from './OtherDevicesCard';
import { FiscalSettingsCard } from './FiscalSettingsCard';
import { InvoicingSettingsCard } from './InvoicingSettingsCard';
import { UsersCard } from './UsersCard';

/** The general company fields this card edits (the fiscal ones have their own card, FiscalSettingsCard). */
const COMPANY_FIELDS = ['name', 'vatNumber', 'fiscalCode', 'street', 'postcode', 'city', 'province', 'country', 'email', 'phone'] as const;
type CompanyField = (typeof COMPANY_FIELDS)[number];
type Company = Pick<z.output<typeof companySchema>, CompanyField>;

const FIELDS: { key: CompanyField; label: Parameters<ReturnType<typeof useI18n>['t']>[0]; span: number }[] = [
  { key: 'name', label: 'party.field.name', span: 12 },
  { key: 'vatNumber', label: 'party.field.vatNumber', span: 6 },
  { key: 'fiscalCode', label: 'party.field.fiscalCode', span: 6 },
  { key: 'street', label: 'party.field.street', span: 12 },
  { key: 'postcode', label: 'party.field.postcode', span: 3 },
  { key: 'city', label: 'party.field.city', span: 5 },
  { key: 'province', label: 'party.field.province', span: 2 },
  { key: 'country', label: 'party.field.country', span: 2 },
  { key: 'email', label: 'party.field.email', span: 6 },
  { key: 'phone', label: 'party.field.phone', span: 6 },
];

export function SettingsScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  // query-error: settings.get is loaded before any screen shows — I18nProvider waits for it and shows its error with Retry
  const settings = useApiQuery('settings.get', {}, { staleTime: Infinity });
  // query-error: loaded by App before any screen (App shows its error); here only read from the cache
  const status = useApiQuery('system.status', {});
  const update = useApiCommand('settings.update');
  const [company, setCompany] = useState<Company | null>(null);
  const [errors, setErrors] = useState<Partial<Record<CompanyField, string>>>({});

  useEffect(() => {
    if (settings.data && company === null) setCompany(Object.fromEntries(COMPANY_FIELDS.map((k) => [k, settings.data.company[k]])) as Company);
  }, [settings.data, company]);

  // #/settings?section=calendar (the home screen's setup steps, its backup tile): that card in view
  const section = useRoute().query.get('section');
  const loaded = company !== null;
  useEffect(() => {
    if (section && loaded) document.getElementById(`settings-${section}`)?.scrollIntoView({ block: 'start' });
  }, [section, loaded]);

  const langValue = i18n.saved ?? 'system';
  const onLanguage = (v: string) => {
    const next = v === 'it' || v === 'en' ? v : null;
    i18n.setLanguage(next).catch((err: unknown) => notifyError(t('error.title'), errorText(err, t)));
  };

  const check = (c: Company) => {
    const e: Partial<Record<CompanyField, string>> = {};
    const vat = c.vatNumber.trim();
    if (vat && (c.country || 'IT').toUpperCase() === 'IT') {
      const why = explainPartitaIva(vat);
      if (why !== 'ok') e.vatNumber = t(`issue.vat.${why}`);
    }
    if (c.fiscalCode.trim() && !isValidCodiceFiscale(c.fiscalCode)) e.fiscalCode = t('issue.fiscal_code.invalid');
    if (c.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email.trim())) e.email = t('issue.email.invalid');
    return e;
  };

  const save = () => {
    if (!company) return;
    const e = check(company);
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    const trimmed = Object.fromEntries(Object.entries(company).map(([k, v]) => [k, v.trim()])) as Company;
    update.mutate({ company: trimmed }, { onSuccess: () => notifySaved(t('settings.company.saved')) });
  };
  useSaveShortcut(save);

  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Stack gap="md" maw={900}>
        <Card withBorder radius="md" padding="lg">
          <Text fw={600}>{t('settings.language')}</Text>
          <Text size="sm" c="dimmed" mb="sm">
            {t('settings.language.hint')}
          </Text>
          <SegmentedControl
            data-testid="lang-select"
            value={langValue}
            onChange={onLanguage}
            data={[
              { value: 'it', label: t('settings.language.it') },
              { value: 'en', label: t('settings.language.en') },
              { value: 'system', label: t('settings.language.system') },
            ]}
          />
        </Card>

        <Card withBorder radius="md" padding="lg" id="settings-company">
          <Text fw={600}>{t('settings.company')}</Text>
          <Text size="sm" c="dimmed" mb="md">
            {t('settings.company.hint')}
          </Text>
          {company ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                save();
              }}
            >
              <Grid gap="sm">
                {FIELDS.map((f) => (
                  <Grid.Col key={f.key} span={{ base: 12, sm: f.span }}>
                    <TextInput
                      label={t(f.label)}
                      value={company[f.key]}
                      error={errors[f.key]}
                      data-testid={`company-${f.key}`}
                      onChange={(e) => setCompany({ ...company, [f.key]: e.currentTarget.value })}
                    />
                  </Grid.Col>
                ))}
              </Grid>
              {update.error ? (
                <div style={{ marginTop: 12 }}>
                  <ErrorAlert error={update.error} />
                </div>
              ) : null}
              <Group justify="flex-end" mt="md">
                <Button type="submit" loading={update.isPending} data-testid="company-save">
                  {t('common.save')}
                </Button>
              </Group>
            </form>
          ) : null}
        </Card>

        <FiscalSettingsCard />
        <InvoicingSettingsCard />
        <div id="settings-logo">
          <LogoCard />
        </div>
        <StockSettingsCard />
        <MarginSettingsCard />
        <LabelSettingsCard />
        <NotificationSettingsCard />

        <div id="settings-backups">
          <BackupsCard />
        </div>
        <BackupCard />
        <UpdatesCard />
        <RestoreCard />
        <div id="settings-users">
          <UsersCard />
        </div>
        <ActivityCard />
        <div id="settings-devices">
          <OtherDevicesCard />
        </div>
        <div id="settings-calendar">
          <CalendarSettingsCard />
        </div>

        <Card withBorder radius="md" padding="lg">
          <Text fw={600} mb="xs">
            {t('settings.about')}
          </Text>
          <Table withRowBorders={false} verticalSpacing={4} fz="sm">
            <Table.Tbody>
              <Table.Tr>
                <Table.Td w={160} c="dimmed">
                  {t('settings.about.version')}
                </Table.Td>
                <Table.Td>{status.data?.appVersion}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td c="dimmed">{t('settings.about.database')}</Table.Td>
                <Table.Td ff="monospace">{status.data?.dbPath}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Card>
      </Stack>
    </>
  );
}
