/** #/shipments (the list), #/shipments/new?orders=3,4 (a new shipment), #/shipments/7 (one shipment). */
import { useRoute } from '../../router';
import { NewShipment } from './NewShipment';
import { ShipmentList } from './ShipmentList';
import { ShipmentPage } from './ShipmentPage';

export function ShipmentsScreen() {
  const { segments, query } = useRoute();
  if (segments[1] === 'new') {
    const orders = (query.get('orders') ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
    return <NewShipment key={orders.join(',')} initialOrders={orders} />;
  }
  const id = Number(segments[1]);
  if (segments[1] && Number.isInteger(id) && id > 0) return <ShipmentPage key={id} id={id} />;
  return <ShipmentList />;
}
