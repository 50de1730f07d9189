/** Choose a supplier by typing part of its name, P.IVA or city (parties.searchSuppliers). */
import { useMemo, useState } from 'react';
import { Select } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import { errorText } from '../../components/errors';
import { useTypedSearchRows } from '../../components/typedSearch';

export interface PickedSupplier {
  id: number;
  name: string;
}

export function SupplierSelect({ value, onChange, error, label }: { value: PickedSupplier | null; onChange(s: PickedSupplier | null): void; error?: string; label: string }) {
  const { t } = useI18n();
  const [search, setSearch] = useState(value?.name ?? '');
  const q = value && search === value.name ? '' : search;
  const { rows, awaiting, error: searchError } = useTypedSearchRows(q, 'parties.searchSuppliers', (sent) => ({ q: sent, limit: 30 }), (out) => out.parties);
  const byId = useMemo(() => {
    const m = new Map<string, PickedSupplier>();
    if (value) m.set(String(value.id), value);
    for (const p of rows) m.set(String(p.id), { id: p.id, name: p.name });
    return m;
  }, [rows, value]);

  return (
    <Select
      label={label}
      placeholder={t('inventory.receive.supplier.placeholder')}
      searchable
      clearable
      data={[...byId.values()].map((s) => ({ value: String(s.id), label: s.name }))}
      value={value ? String(value.id) : null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={awaiting ? t('common.loading') : t('inventory.receive.supplier.none')}
      comboboxProps={{ withinPortal: true, shadow: 'md' }}
      // a failed search says so under the box; typing again asks again
      error={error ?? (searchError ? errorText(searchError, t) : undefined)}
      onChange={(v) => onChange(v ? (byId.get(v) ?? null) : null)}
      data-testid="receive-supplier"
      autoFocus
      openOnFocus={false}
    />
  );
}
