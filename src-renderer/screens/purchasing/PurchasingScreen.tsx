/** #/purchasing (the list; ?item=12 only the orders of that item; ?overdue=1 only those the supplier is late with), #/purchasing/new, #/purchasing/7 and #/purchasing/7/edit. */
import { useRoute } from '../../router';
import { PurchaseList } from './PurchaseList';
import { PurchaseOrderEditorPage } from './PurchaseOrderEditor';
import { PurchaseOrderPage } from './PurchaseOrderPage';

export function PurchasingScreen() {
  const { segments, query } = useRoute();
  const id = Number(segments[1]);
  if (segments[1] === 'new') return <PurchaseOrderEditorPage id={null} />;
  if (segments[1] && Number.isInteger(id) && id > 0) return segments[2] === 'edit' ? <PurchaseOrderEditorPage key={`e${id}`} id={id} /> : <PurchaseOrderPage key={id} id={id} />;
  const itemId = Number(query.get('item'));
  return <PurchaseList itemId={Number.isInteger(itemId) && itemId > 0 ? itemId : undefined} overdue={query.get('overdue') === '1'} />;
}
