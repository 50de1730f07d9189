/**
 * Choose a customer by typing part of the name, P.IVA, email or city: the server
 * searches as you type (parties.searchCustomers), so it stays fast with thousands.
 */
import { useMemo, useState } from 'react';
import { Select, Text } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import { errorText } from '../../components/errors';
import { useTypedSearchRows } from '../../components/typedSearch';

export interface PickedCustomer {
  id: number;
  name: string;
  city?: string;
}

interface Props {
  value: PickedCustomer | null;
  onChange(c: PickedCustomer | null): void;
  label?: string;
  placeholder?: string;
  error?: string;
  clearable?: boolean;
  required?: boolean;
  autoFocus?: boolean;
  w?: number | string;
  description?: React.ReactNode;
  inputWrapperOrder?: ('label' | 'input' | 'description' | 'error')[];
  'data-testid'?: string;
  'aria-label'?: string;
}

export function CustomerSelect({ value, onChange, label, placeholder, error, clearable, required, autoFocus, w, description, inputWrapperOrder, ...rest }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState(value?.name ?? '');
  const q = (value && search === value.name ? '' : search).trim();
  const { rows, awaiting, error: searchError } = useTypedSearchRows(q, 'parties.searchCustomers', (sent) => ({ q: sent, limit: 30 }), (out) => out.parties);

  const byId = useMemo(() => {
    const m = new Map<string, PickedCustomer>();
    if (value) m.set(String(value.id), value);
    for (const p of rows) m.set(String(p.id), { id: p.id, name: p.name, city: p.city });
    return m;
  }, [rows, value]);
  const data = [...byId.values()].map((c) => ({ value: String(c.id), label: c.name }));

  return (
    <Select
      {...rest}
      label={label}
      description={description}
      inputWrapperOrder={inputWrapperOrder}
      placeholder={placeholder ?? t('orders.field.customer.placeholder')}
      searchable
      clearable={clearable}
      allowDeselect={false}
      required={required}
      autoFocus={autoFocus}
      w={w}
      data={data}
      value={value ? String(value.id) : null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={awaiting ? t('common.loading') : t('orders.field.customer.none')}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true, shadow: 'md' }}
      // a failed search says so under the box; typing again asks again
      error={error ?? (searchError ? errorText(searchError, t) : undefined)}
      onChange={(v) => {
        const c = v ? (byId.get(v) ?? null) : null;
        if (!c) setSearch('');
        onChange(c);
      }}
      renderOption={({ option }) => {
        const c = byId.get(option.value);
        return (
          <div style={{ minWidth: 0 }}>
            <Text size="sm" truncate>
              {option.label}
            </Text>
            {c?.city ? (
              <Text size="xs" c="dimmed" truncate>
                {c.city}
              </Text>
            ) : null}
          </div>
        );
      }}
    />
  );
}
