import { PartiesScreen } from '../parties/PartiesScreen';

export function CustomersScreen({ selected }: { selected?: string }) {
  return <PartiesScreen kind="customer" selected={selected} />;
}
