import { IconInventory } from '../../components/icons';
import { PlaceholderScreen } from '../placeholder';

export function InventoryScreen() {
  return <PlaceholderScreen title="nav.inventory" heading="placeholder.inventory.title" body="placeholder.inventory.body" icon={IconInventory} testId="inventory-empty" />;
}
