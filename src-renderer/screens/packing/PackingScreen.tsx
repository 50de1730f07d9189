/** #/packing (the orders ready to ship) and #/packing/12 (packing order 12 by scanning its labels). */
import { useRoute } from '../../router';
import { PackingStation } from './PackingStation';
import { ReadyOrderList } from './ReadyOrderList';

export function PackingScreen() {
  const { segments } = useRoute();
  const id = Number(segments[1]);
  if (segments[1] && Number.isInteger(id) && id > 0) return <PackingStation key={id} orderId={id} />;
  return <ReadyOrderList />;
}
