import { PartiesScreen } from '../parties/PartiesScreen';

export function SuppliersScreen({ selected }: { selected?: string }) {
  return <PartiesScreen kind="supplier" selected={selected} />;
}
