/** #/production (the board, ?new=1 opens "new production order") and #/production/7. */
import { useRoute } from '../../router';
import { ProductionBoard } from './ProductionBoard';
import { ProductionPage } from './ProductionPage';

export function ProductionScreen() {
  const { segments, query } = useRoute();
  const id = Number(segments[1]);
  if (segments[1] && Number.isInteger(id) && id > 0) return <ProductionPage key={id} id={id} />;
  return <ProductionBoard creating={query.get('new') === '1'} query={query} />;
}
