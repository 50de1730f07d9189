/**
 * The company's fiscal data for electronic invoices (FatturaPA CedentePrestatore): regime
 * fiscale, REA (office, number, capital, shareholders, liquidation), the bank for transfers
 * and RiBa, the transmitter when an intermediary sends the files, and the sezionale. An
 * IBAN is checked here (mod 97) before it is saved; issuing checks the rest and names
 * what is missing.
 */
import { useEffect, useState } from 'react';
import { Button, Checkbox, Divider, Grid, Group, Select, Card, Text, TextInput } from '@mantine/core';
import type { z } from 'zod';
import type { company as companySchema } from '../../../src-shared/contract/settings';
import { parseDecimal } from '../../../src-shared/domain/decimal';
import { useApiCommand, useApiQuery } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import { isValidIban } from './iban';

type Company = z.output<typeof companySchema>;

/** RegimeFiscale codes of the schema (RF01…RF20, no RF03). */
const REGIMES = ['RF01', 'RF02', 'RF04', 'RF05', 'RF06', 'RF07', 'RF08', 'RF09', 'RF10', 'RF11', 'RF12', 'RF13', 'RF14', 'RF15', 'RF16', 'RF17', 'RF18', 'RF19', 'RF20'];

interface Values {
  regimeFiscale: string;
  reaOffice: string;
  reaNumber: string;
  capital: string;
  soleShareholder: 'SU' | 'SM' | null;
  inLiquidation: boolean;
  iban: string;
  bankName: string;
  transmitterCountry: string;
  transmitterId: string;
  defaultSezionale: string;
}

export function FiscalSettingsCard() {
  const { t, fmt } = useI18n();
  // query-error: settings.get is loaded before any screen shows — I18nProvider waits for it and shows its error with Retry
  const settings = useApiQuery('settings.get', {}, { staleTime: Infinity });
  const update = useApiCommand('settings.update', { onSuccess: () => notifySaved(t('settings.fiscal.saved')) });
  const [v, setV] = useState<Values | null>(null);

  useEffect(() => {
    if (!settings.data || v !== null) return;
    const c: Company = settings.data.company;
    setV({
      regimeFiscale: c.regimeFiscale || 'RF01',
      reaOffice: c.reaOffice,
      reaNumber: c.reaNumber,
      capital: c.shareCapitalCents === null ? '' : fmt.decimalInput(c.shareCapitalCents, 2, { minFractionDigits: 2 }),
      soleShareholder: c.soleShareholder,
      inLiquidation: c.inLiquidation,
      iban: c.iban,
      bankName: c.bankName,
      transmitterCountry: c.transmitterCountry,
      transmitterId: c.transmitterId,
      defaultSezionale: c.defaultSezionale,
    });
  }, [settings.data, v, fmt]);

  if (v === null) return null;
  const server = fieldErrors(update.error, t);
  const ibanError = v.iban.trim() !== '' && !isValidIban(v.iban) ? t('settings.fiscal.iban.invalid') : undefined;
  let capitalCents: number | null = null;
  let capitalError: string | undefined;
  if (v.capital.trim() !== '') {
    try {
      capitalCents = parseDecimal(v.capital, 2);
      if (capitalCents < 0) capitalError = t('payments.register.amountInvalid');
    } catch {
      capitalError = t('payments.register.amountInvalid');
    }
  }
  const set = (patch: Partial<Values>) => setV({ ...v, ...patch });
  const text = (key: keyof Values & string, label: string, extra: { upper?: boolean; mono?: boolean; maxLength?: number; description?: string } = {}) => (
    <TextInput
      label={label}
      description={extra.description}
      value={String(v[key] ?? '')}
      maxLength={extra.maxLength}
      onChange={(e) => set({ [key]: extra.upper ? e.currentTarget.value.toUpperCase() : e.currentTarget.value } as Partial<Values>)}
      error={server[`company.${key}`]}
      classNames={extra.mono ? { input: 'mono-input' } : undefined}
      data-testid={`fiscal-${key}`}
    />
  );
  const save = () => {
    if (ibanError || capitalError) return;
    update.mutate({
      company: {
        regimeFiscale: v.regimeFiscale,
        reaOffice: v.reaOffice.trim(),
        reaNumber: v.reaNumber.trim(),
        shareCapitalCents: capitalCents,
        soleShareholder: v.soleShareholder,
        inLiquidation: v.inLiquidation,
        iban: v.iban.replace(/\s+/g, '').toUpperCase(),
        bankName: v.bankName.trim(),
        transmitterCountry: v.transmitterCountry.trim(),
        transmitterId: v.transmitterId.trim(),
        defaultSezionale: v.defaultSezionale.trim(),
      },
    });
  };

  return (
    <Card withBorder radius="md" padding="lg" data-testid="fiscal-settings">
      <Text fw={600}>{t('settings.fiscal')}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.fiscal.hint')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('settings.fiscal.regime')}
              data={REGIMES.map((r) => ({ value: r, label: r === 'RF01' || r === 'RF19' ? t(`settings.fiscal.regime.${r}`) : r }))}
              value={v.regimeFiscale}
              onChange={(r) => r && set({ regimeFiscale: r })}
              allowDeselect={false}
              searchable
              error={server['company.regimeFiscale']}
              data-testid="fiscal-regimeFiscale"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>{text('defaultSezionale', t('settings.fiscal.sezionale'), { maxLength: 10, description: t('settings.fiscal.sezionale.hint') })}</Grid.Col>
        </Grid>
        <Divider label={t('settings.fiscal.rea')} labelPosition="left" my="sm" />
        <Grid gap="sm">
          <Grid.Col span={{ base: 6, sm: 3 }}>{text('reaOffice', t('settings.fiscal.reaOffice'), { upper: true, maxLength: 2 })}</Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>{text('reaNumber', t('settings.fiscal.reaNumber'), { mono: true, maxLength: 20 })}</Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput label={t('settings.fiscal.capital')} value={v.capital} onChange={(e) => set({ capital: e.currentTarget.value })} rightSection="€" error={capitalError ?? server['company.shareCapitalCents']} classNames={{ input: 'num' }} data-testid="fiscal-capital" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <Select
              label={t('settings.fiscal.shareholders')}
              data={[
                { value: '', label: t('settings.fiscal.shareholders.none') },
                { value: 'SU', label: t('settings.fiscal.shareholders.SU') },
                { value: 'SM', label: t('settings.fiscal.shareholders.SM') },
              ]}
              value={v.soleShareholder ?? ''}
              onChange={(s) => set({ soleShareholder: s === 'SU' || s === 'SM' ? s : null })}
              allowDeselect={false}
              data-testid="fiscal-soleShareholder"
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Checkbox label={t('settings.fiscal.liquidation')} checked={v.inLiquidation} onChange={(e) => set({ inLiquidation: e.currentTarget.checked })} data-testid="fiscal-inLiquidation" />
          </Grid.Col>
        </Grid>
        <Divider label={t('settings.fiscal.bank')} labelPosition="left" my="sm" />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <TextInput label={t('settings.fiscal.iban')} value={v.iban} onChange={(e) => set({ iban: e.currentTarget.value.toUpperCase() })} error={ibanError ?? server['company.iban']} classNames={{ input: 'mono-input' }} data-testid="fiscal-iban" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>{text('bankName', t('settings.fiscal.bankName'))}</Grid.Col>
        </Grid>
        <Divider label={t('settings.fiscal.transmitter')} labelPosition="left" my="sm" />
        <Text size="xs" c="dimmed" mb="xs">
          {t('settings.fiscal.transmitter.hint')}
        </Text>
        <Grid gap="sm">
          <Grid.Col span={{ base: 4, sm: 2 }}>{text('transmitterCountry', t('settings.fiscal.transmitterCountry'), { upper: true, maxLength: 2 })}</Grid.Col>
          <Grid.Col span={{ base: 8, sm: 6 }}>{text('transmitterId', t('settings.fiscal.transmitterId'), { upper: true, mono: true, maxLength: 28 })}</Grid.Col>
        </Grid>
        {update.error ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={update.error} shownFields={Object.keys(v).map((k) => `company.${k}`)} />
          </div>
        ) : null}
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={update.isPending} disabled={ibanError !== undefined || capitalError !== undefined} data-testid="fiscal-save">
            {t('common.save')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}
