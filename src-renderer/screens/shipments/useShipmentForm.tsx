/**
 * The state of a shipment form and its errors. A value the form can judge (a quantity,
 * "-1" colli, a weight, a time) is refused on its field before anything is sent; what
 * only the server knows (more than ready, a lot in quarantine, no weight at confirmation)
 * comes back by the server's path and is moved onto the same fields — a line by the form
 * row it came from. What has no field (company data in Settings) is named in words.
 */
import { useState } from 'react';
import { Alert } from '@mantine/core';
import { IconAlert } from '../../components/icons';
import type { Unit } from '../../../src-shared/domain/units';
import type { Translator } from '../../../src-shared/i18n';
import { ErrorAlert, fieldErrors, issueText } from '../../components/errors';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { checkValues, formKey, toInput, type ShipmentFormValues } from './shipmentFormValues';

/** Form fields that show their own error; anything else goes to the box under the form. */
const SHOWN = /^(picks|picks\.\d+\.(quantity|lotId)|packages|packages\.0\.tare|grossWeight|causale|carrier|carrierService|trackingNumber|transportStart\.(date|time)|destination\.(name|street|postcode|city|province|country))$/;

/** Which error keys a change of a value clears (the user is fixing that field). */
const CLEARS: Partial<Record<keyof ShipmentFormValues, string[]>> = {
  picks: ['picks'],
  count: ['packages'],
  tare: ['packages.0.tare'],
  grossWeight: ['grossWeight'],
  causale: ['causale'],
  carrier: ['carrier'],
  service: ['carrierService'],
  tracking: ['trackingNumber'],
  startDate: ['transportStart'],
  startTime: ['transportStart'],
  otherDestination: ['destination'],
  destination: ['destination'],
};

/** A field path in the user's words, for the error box ("Riga 2", "Impostazioni → Azienda"). */
export function fieldLabelOf(t: Translator, key: string): string | null {
  const line = /^picks\.(\d+)/.exec(key);
  if (line) return t('shipping.field.line', { row: Number(line[1]) + 1 });
  if (key.startsWith('company')) return t('shipping.field.company');
  return null;
}

type Run = (input: ReturnType<typeof toInput>['input']) => Promise<unknown>;

/** A server error as field errors in form terms ('lines.1.quantity' → the row it came from). */
function serverErrors(error: unknown, rows: number[], t: Translator) {
  return { error, rows, errs: Object.fromEntries(Object.entries(fieldErrors(error, t)).map(([k, v]) => [formKey(k, rows), v])) };
}

export function useShipmentForm(initial: ShipmentFormValues, unitOf: (orderLineId: number) => Unit | null, initialError: unknown = null, onReload?: () => Promise<void>) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const [clientErrs, setClientErrs] = useState<Record<string, string>>({});
  // a draft's rows are its lines in order: an error handed over from the new-shipment form maps one to one
  const [server, setServer] = useState<ReturnType<typeof serverErrors> | null>(() => (initialError ? serverErrors(initialError, initial.picks.map((_, i) => i), t) : null));
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<{ weightKnown: boolean } | undefined>(undefined);

  const translate = (v: ShipmentFormValues, c = confirming) =>
    Object.fromEntries(Object.entries(checkValues(v, unitOf, c)).map(([k, i]) => [k, issueText({ key: i.key, params: i.params, message: i.key, path: [] }, t)]));

  const set = (patch: Partial<ShipmentFormValues>) => {
    const next = { ...values, ...patch };
    setValues(next);
    // errors shown so far follow the typing: a fixed field loses its error at once
    if (Object.keys(clientErrs).length > 0) setClientErrs(translate(next));
    const cleared = Object.keys(patch).flatMap((k) => CLEARS[k as keyof ShipmentFormValues] ?? []);
    if (server && cleared.length > 0) setServer({ ...server, errs: Object.fromEntries(Object.entries(server.errs).filter(([k]) => !cleared.some((c) => k === c || k.startsWith(c + '.')))) });
  };

  /**
   * Checks, then runs the commands (`run` gets the input); true when they all went through.
   * `confirm` adds what confirming needs (packages, a weight), so it is refused on the field first.
   */
  const submit = async (run: Run, confirm?: { weightKnown: boolean }): Promise<boolean> => {
    setConfirming(confirm);
    const errs = translate(values, confirm);
    setClientErrs(errs);
    setServer(null);
    if (Object.keys(errs).length > 0) return false;
    const { input, rows } = toInput(values);
    setBusy(true);
    try {
      await run(input);
      return true;
    } catch (error) {
      setServer(serverErrors(error, rows, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const errs = { ...(server?.errs ?? {}), ...clientErrs };
  /** the box under the form: the error's sentence, and any problem without a field here */
  const errorBox = server ? (
    <ErrorAlert
      error={server.error instanceof ApiError ? remapped(server.error, server.rows) : server.error}
      shownFields={Object.keys(server.errs).filter((k) => SHOWN.test(k))}
      fieldLabel={(k) => fieldLabelOf(t, k)}
      testId="shipment-error"
      onReload={onReload}
    />
  ) : Object.keys(clientErrs).length > 0 ? (
    // every problem is under its field: a short pointer, as for the server's field errors
    <Alert color="red" variant="light" icon={<IconAlert />} title={t('error.checkFields')} data-testid="shipment-error" py="xs" />
  ) : null;

  return { values, set, setValues, errs, submit, busy, errorBox };
}

/** The same error with its issues' paths in form terms, so the box and the fields agree. */
function remapped(err: ApiError, rows: number[]): ApiError {
  const issues = err.issues.map((i) => ({ ...i, path: formKey((i.path ?? []).map(String).join('.'), rows).split('.') }));
  return new ApiError(err.code, err.message, { ...err.details, issues });
}
