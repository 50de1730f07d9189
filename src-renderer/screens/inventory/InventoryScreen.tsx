/**
 * The inventory area, routed by the rest of the address:
 *   #/inventory                 stock overview (?q= &kind= &filter= &find=)
 *   #/inventory/items/<id>      the lots of one item, with FEFO
 *   #/inventory/lots/<id>       one lot: history and actions
 *   #/inventory/receive         goods receipt (?item=<id> starts a line with that item)
 *   #/inventory/locations       stock locations
 * A barcode scanned anywhere here (outside a field, and not while receiving) opens its lot.
 */
import { useRoute } from '../../router';
import { useScanToLot } from './FindLot';
import { ItemLots } from './ItemLots';
import { LocationsPage } from './LocationsPage';
import { LotPage } from './LotPage';
import { ReceiveScreen } from './ReceiveScreen';
import { StockOverview } from './StockOverview';
import './inventory.css';

const idOf = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : null);

export function InventoryScreen() {
  const route = useRoute();
  const [, section, param] = route.segments;
  // a scan must not leave a receipt half typed
  useScanToLot(section !== 'receive');
  const id = idOf(param);
  if (section === 'items' && id) return <ItemLots key={id} itemId={id} />;
  if (section === 'lots' && id) return <LotPage key={id} lotId={id} />;
  if (section === 'receive') return <ReceiveScreen query={route.query} />;
  if (section === 'locations') return <LocationsPage />;
  return <StockOverview query={route.query} />;
}
