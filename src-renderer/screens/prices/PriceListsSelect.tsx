import { MultiSelect } from '@mantine/core';

/** Which price lists apply (a group's, or a customer's own): the lists to pick from, the ids picked as text. */
export function PriceListsSelect({ lists, value, onChange, label, description, error, testId }: { lists: { id: number; name: string }[] | undefined; value: string[]; onChange(ids: string[]): void; label: string; description: string; error?: string; testId: string }) {
  return (
    <MultiSelect
      label={label}
      description={description}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      data={(lists ?? []).map((l) => ({ value: String(l.id), label: l.name }))}
      value={value}
      onChange={onChange}
      searchable
      error={error}
      data-testid={testId}
    />
  );
}
