import { IconOrders } from '../../components/icons';
import { PlaceholderScreen } from '../placeholder';

export function OrdersScreen() {
  return <PlaceholderScreen title="nav.orders" heading="placeholder.orders.title" body="placeholder.orders.body" icon={IconOrders} testId="orders-empty" />;
}
