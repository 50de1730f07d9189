import { IconShipments } from '../../components/icons';
import { PlaceholderScreen } from '../placeholder';

export function ShipmentsScreen() {
  return <PlaceholderScreen title="nav.shipments" heading="placeholder.shipments.title" body="placeholder.shipments.body" icon={IconShipments} testId="shipments-empty" />;
}
