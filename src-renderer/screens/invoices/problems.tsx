/**
 * What stops an invoice from being issued, as the user reads it: the field named with the
 * label they know from the form it lives on (Settings' fiscal data or the customer's page)
 * and a link there, then the server's words (or our translation of its code).
 */
import { List, Text } from '@mantine/core';
import { hasMessage, type MessageKey, type Translator } from '../../../src-shared/i18n';
import type { InvoiceProblem } from '../../../src-shared/contract/invoicing';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';

/** A problem's field as labelled on screen ('sdiCode' → "Codice SDI"). */
const FIELD_LABEL: Record<string, MessageKey> = {
  name: 'party.field.name',
  vatNumber: 'party.field.vatNumber',
  fiscalCode: 'party.field.fiscalCode',
  street: 'party.field.street',
  postcode: 'party.field.postcode',
  city: 'party.field.city',
  province: 'party.field.province',
  country: 'party.field.country',
  sdiCode: 'party.field.sdiCode',
  pec: 'party.field.pec',
  regimeFiscale: 'settings.fiscal.regime',
  reaOffice: 'settings.fiscal.reaOffice',
  reaNumber: 'settings.fiscal.reaNumber',
  iban: 'settings.fiscal.iban',
  bankName: 'settings.fiscal.bankName',
  transmitterId: 'settings.fiscal.transmitterId',
  transmitterCountry: 'settings.fiscal.transmitterCountry',
};

/** "CAP: manca" when the field and the code are known; else the server's own sentence. */
export function problemText(p: InvoiceProblem, t: Translator): string {
  const key = 'invoice.problem.' + p.code;
  const label = FIELD_LABEL[p.field];
  return label && hasMessage(key) ? `${t(label)}: ${t(key)}` : p.message;
}

/** Where the user fixes it: Settings for the company, the customer's page for a customer. */
export function problemLink(p: InvoiceProblem): string | null {
  if (p.scope === 'company') return '/settings';
  if (p.scope === 'customer' && p.customerId !== null) return `/customers/${p.customerId}`;
  return null;
}

export function ProblemList({ problems, testId }: { problems: InvoiceProblem[]; testId?: string }) {
  const { t } = useI18n();
  return (
    <List size="sm" spacing={2} data-testid={testId}>
      {problems.map((p, i) => {
        const to = problemLink(p);
        return (
          <List.Item key={i}>
            <Text size="sm" c="red.8" span>
              {problemText(p, t)}
            </Text>
            {to ? (
              <>
                {' · '}
                <Link to={to} size="sm">
                  {t('invoice.problem.fix')}
                </Link>
              </>
            ) : null}
          </List.Item>
        );
      })}
    </List>
  );
}
