/**
 * #/orders (the list), #/orders/import (from a shop's export), #/orders/new, #/orders/12 (the order) and #/orders/12/edit.
 */
import { useRoute } from '../../router';
import { OrderEditorPage } from './OrderEditor';
import { OrderList } from './OrderList';
import { OrderPage } from './OrderPage';
import { ImportScreen } from '../channels/ImportScreen';

export function OrdersScreen() {
  const { segments } = useRoute();
  const [, second, third] = segments;
  if (second === 'import') return <ImportScreen />;
  if (second === 'new') return <OrderEditorPage key="new" id={null} />;
  const id = Number(second);
  if (second && Number.isInteger(id) && id > 0) {
    return third === 'edit' ? <OrderEditorPage key={`edit-${id}`} id={id} /> : <OrderPage key={id} id={id} />;
  }
  return <OrderList />;
}
