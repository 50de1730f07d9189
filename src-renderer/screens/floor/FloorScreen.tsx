/** #/floor (today's batches) and #/floor/7 (one batch: scan, record, complete). */
import { useRoute } from '../../router';
import { FloorBatch } from './FloorBatch';
import { FloorList } from './FloorList';

export function FloorScreen() {
  const { segments } = useRoute();
  const id = Number(segments[1]);
  if (segments[1] && Number.isInteger(id) && id > 0) return <FloorBatch key={id} id={id} />;
  return <FloorList />;
}
