/** The customer/supplier form: Italian fiscal data, addresses, contacts; errors under each field. */
import { useEffect, useState } from 'react';
import { Button, Fieldset, Grid, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import type { Party } from '../../../src-shared/contract/parties';
import type { MessageKey } from '../../../src-shared/i18n';
import { useApiCommand } from '../../api/hooks';
import { ErrorAlert, fieldErrors } from '../../components/errors';
import { IconArchive } from '../../components/icons';
import { notifySaved } from '../../components/notify';
import { useSaveShortcut } from '../../components/shortcuts';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { PARTY_KINDS, type PartyKind } from './partyKinds';
import { SubmitForm } from '../../components/SubmitForm';
import { useEditedFields } from '../../components/editedFields';
import { DiscardOrFooter, type DiscardQuestion } from '../../components/ConfirmDiscard';

const TEXT_FIELDS = [
  'name', 'vatNumber', 'fiscalCode', 'street', 'postcode', 'city', 'province', 'country',
  'shipStreet', 'shipPostcode', 'shipCity', 'shipProvince', 'shipCountry', 'sdiCode', 'pec', 'email', 'phone', 'notes',
] as const;
type Field = (typeof TEXT_FIELDS)[number];
type Values = Record<Field, string> & { language: 'it' | 'en' };

function valuesOf(p: Party | null, lang: 'it' | 'en'): Values {
  const v = Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Values;
  v.country = 'IT';
  v.language = lang;
  if (!p) return v;
  for (const f of TEXT_FIELDS) v[f] = p[f] ?? '';
  v.language = p.language;
  return v;
}

const LABEL: Record<Field, MessageKey> = {
  name: 'party.field.name',
  vatNumber: 'party.field.vatNumber',
  fiscalCode: 'party.field.fiscalCode',
  street: 'party.field.street',
  postcode: 'party.field.postcode',
  city: 'party.field.city',
  province: 'party.field.province',
  country: 'party.field.country',
  shipStreet: 'party.field.street',
  shipPostcode: 'party.field.postcode',
  shipCity: 'party.field.city',
  shipProvince: 'party.field.province',
  shipCountry: 'party.field.country',
  sdiCode: 'party.field.sdiCode',
  pec: 'party.field.pec',
  email: 'party.field.email',
  phone: 'party.field.phone',
  notes: 'party.field.notes',
};

/**
 * `discard` is the drawer's question (Close, Escape or a click outside ask it when something was
 * typed; it shows in place of this form's footer); `onDirtyChange` tells the drawer whether
 * anything differs from what is saved.
 */
export function PartyForm({
  kind,
  party,
  discard,
  onDirtyChange,
  onReload,
}: {
  kind: PartyKind;
  party: Party | null;
  discard: DiscardQuestion;
  onDirtyChange(dirty: boolean): void;
  onReload?: () => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const k = PARTY_KINDS[kind];
  const [saved, setSaved] = useState<Values>(() => valuesOf(party, lang));
  const [v, setV] = useState<Values>(saved);
  const [required, setRequired] = useState(false);
  // the version the form shows: the one it was opened on, then each of its own saves' (someone else's save in between is a conflict)
  const [shownVersion, setShownVersion] = useState(party?.version);
  const edits = useEditedFields();
  const dirty = JSON.stringify(v) !== JSON.stringify(saved);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);
  const done = (out: Party) => {
    setSaved(valuesOf(out, lang));
    setV(valuesOf(out, lang));
    setShownVersion(out.version);
    notifySaved(t(party ? 'parties.saved' : k.created));
    navigate(`${k.base}/${out.id}`, { replace: true });
  };
  const create = useApiCommand(k.create, { onSuccess: done });
  const update = useApiCommand(k.update, { onSuccess: done });
  const archive = useApiCommand(k.archive, {
    onSuccess: (after: Party) => {
      setShownVersion(after.version);
      notifySaved(t(after.archived ? 'parties.archivedDone' : 'parties.restoredDone'));
    },
  });
  const error = party ? update.error : create.error;
  const server = fieldErrors(error, t);

  const field = (f: Field, extra: { upper?: boolean; mono?: boolean } = {}) => ({
    label: t(LABEL[f]),
    value: v[f],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = extra.upper ? e.currentTarget.value.toUpperCase() : e.currentTarget.value;
      setV((prev) => ({ ...prev, [f]: value }));
      edits.edit(f);
    },
    error: f === 'name' && required && v.name.trim() === '' ? t('issue.required') : edits.isEdited(f) ? undefined : server[f],
    classNames: extra.mono ? { input: 'mono-input' } : undefined,
    'data-testid': `party-form-${f}`,
  });

  const save = () => {
    if (v.name.trim() === '') {
      setRequired(true);
      return;
    }
    edits.reset();
    if (party) update.mutate({ ...v, id: party.id, expectedVersion: shownVersion });
    else create.mutate(v);
  };
  useSaveShortcut(save);

  return (
    <SubmitForm onSubmit={save}>
      <Stack gap="md">
        {error ? <ErrorAlert error={error} shownFields={[...TEXT_FIELDS, 'language']} onReload={onReload} /> : null}
        <Fieldset legend={t('party.section.main')} variant="filled">
          <Grid gap="sm">
            <Grid.Col span={12}>
              <TextInput required autoFocus={!party} {...field('name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput inputMode="numeric" {...field('vatNumber', { mono: true })} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput {...field('fiscalCode', { upper: true, mono: true })} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput maxLength={7} description={t('party.field.sdiCode.hint')} {...field('sdiCode', { upper: true, mono: true })} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput type="email" description={t('party.field.pec.hint')} {...field('pec')} />
            </Grid.Col>
          </Grid>
        </Fieldset>
        <Fieldset legend={t('party.section.address')} variant="filled">
          <Grid gap="sm">
            <Grid.Col span={12}>
              <TextInput {...field('street')} />
            </Grid.Col>
            <Grid.Col span={{ base: 4, sm: 3 }}>
              <TextInput {...field('postcode')} />
            </Grid.Col>
            <Grid.Col span={{ base: 8, sm: 5 }}>
              <TextInput {...field('city')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <TextInput maxLength={10} {...field('province', { upper: true })} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <TextInput maxLength={2} {...field('country', { upper: true })} />
            </Grid.Col>
          </Grid>
        </Fieldset>
        <Fieldset legend={t('party.section.shipping')} variant="filled">
          <Grid gap="sm">
            <Grid.Col span={12}>
              <TextInput {...field('shipStreet')} />
            </Grid.Col>
            <Grid.Col span={{ base: 4, sm: 3 }}>
              <TextInput {...field('shipPostcode')} />
            </Grid.Col>
            <Grid.Col span={{ base: 8, sm: 5 }}>
              <TextInput {...field('shipCity')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <TextInput maxLength={10} {...field('shipProvince', { upper: true })} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <TextInput maxLength={2} {...field('shipCountry', { upper: true })} />
            </Grid.Col>
          </Grid>
        </Fieldset>
        <Fieldset legend={t('party.section.contacts')} variant="filled">
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput type="email" {...field('email')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput type="tel" {...field('phone')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect
                label={t('party.field.language')}
                value={v.language}
                onChange={(e) => setV((prev) => ({ ...prev, language: e.currentTarget.value === 'en' ? 'en' : 'it' }))}
                data={[
                  { value: 'it', label: t('settings.language.it') },
                  { value: 'en', label: t('settings.language.en') },
                ]}
                error={server.language}
                data-testid="party-form-language"
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea
                label={t('party.field.notes')}
                autosize
                minRows={2}
                maxRows={6}
                value={v.notes}
                onChange={(e) => setV((prev) => ({ ...prev, notes: e.currentTarget.value }))}
                error={server.notes}
                data-testid="party-form-notes"
              />
            </Grid.Col>
          </Grid>
        </Fieldset>
        <DiscardOrFooter question={discard} className="sticky-actions">
          <Group justify="space-between" className="sticky-actions">
            {party ? (
              <Button
                variant="default"
                leftSection={<IconArchive size={16} />}
                loading={archive.isPending}
                onClick={() => archive.mutate({ id: party.id, archived: !party.archived, expectedVersion: shownVersion })}
                data-testid="party-archive"
              >
                {party.archived ? t('common.restore') : t('common.archive')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={discard.leave} data-testid="party-close">
                {t('common.close')}
              </Button>
              <Button type="submit" loading={create.isPending || update.isPending} data-testid="party-save">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </DiscardOrFooter>
      </Stack>
    </SubmitForm>
  );
}
