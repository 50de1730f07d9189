/**
 * Choose a lot of one item (inventory.itemLots): code, expiry, what is free, and the
 * status when it is not released — the server refuses those, and says why.
 */
import { Select, Text } from '@mantine/core';
import type { Unit } from '../../../src-shared/domain/units';
import { useApiQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/I18nProvider';
import { errorText } from '../../components/errors';

interface Props {
  itemId: number;
  unit: Unit;
  value: number | null;
  /** a code to show while the lots load, or when the lot is no longer listed */
  knownCode?: string;
  onChange(lotId: number | null, code: string | null): void;
  error?: string;
  'data-testid'?: string;
  'aria-label'?: string;
}

export function LotSelect({ itemId, unit, value, knownCode, onChange, error, ...rest }: Props) {
  const { t, fmt } = useI18n();
  const lots = useApiQuery('inventory.itemLots', { itemId, limit: 200 }, { staleTime: 10_000 });
  const options = (lots.data?.lots ?? []).map((l) => ({
    value: String(l.id),
    label: t('production.lot.option', { code: l.code, available: fmt.qty(l.availableMilli, unit) }),
    expiresOn: l.expiresOn,
    status: l.status,
    code: l.code,
  }));
  if (value !== null && !options.some((o) => o.value === String(value))) {
    options.unshift({ value: String(value), label: knownCode ?? String(value), expiresOn: null, status: 'released', code: knownCode ?? String(value) });
  }
  const byValue = new Map(options.map((o) => [o.value, o]));
  return (
    <Select
      {...rest}
      data={options.map((o) => ({ value: o.value, label: o.label }))}
      value={value === null ? null : String(value)}
      placeholder={t('production.lot.pick')}
      searchable
      allowDeselect={false}
      // a failed search says so under the box; typing again asks again
      error={error ?? (lots.error ? errorText(lots.error, t) : undefined)}
      comboboxProps={{ withinPortal: true, shadow: 'md' }}
      classNames={{ input: 'mono-input' }}
      style={{ flex: 1, minWidth: 0 }}
      onChange={(v) => onChange(v ? Number(v) : null, v ? (byValue.get(v)?.code ?? null) : null)}
      renderOption={({ option }) => {
        const o = byValue.get(option.value);
        return (
          <div>
            <Text size="sm" ff="monospace">
              {option.label}
            </Text>
            {o && (o.expiresOn || o.status !== 'released') ? (
              <Text size="xs" c={o.status !== 'released' ? 'red.7' : 'dimmed'}>
                {[o.expiresOn ? t('production.lot.expires', { date: fmt.date(o.expiresOn) }) : null, o.status !== 'released' ? t(`production.lot.status.${o.status}`) : null].filter(Boolean).join(' · ')}
              </Text>
            ) : null}
          </div>
        );
      }}
    />
  );
}
