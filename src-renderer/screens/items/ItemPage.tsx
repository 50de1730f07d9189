import { useReloadForm } from '../../components/versionConflict';
import { isUnit } from '../../../src-shared/domain/units';
import type { ItemKind } from '../../../src-shared/contract/common';
import { ITEM_KINDS } from '../../kinds';
import { useApiQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/I18nProvider';
import { ItemEditor } from './ItemEditor';
import { SupplierTermsCard } from '../purchasing/SupplierTermsCard';
import { emptyItem, valuesOf } from './itemValues';
import { QueryState } from '../../components/QueryState';

/** #/items/new (optionally ?kind=product) or #/items/12. */
export function ItemPage({ id, query }: { id: string; query: URLSearchParams }) {
  const { fmt } = useI18n();
  const isNew = id === 'new';
  const itemId = Number(id);
  const detail = useApiQuery('catalog.getItem', { id: itemId }, { enabled: !isNew && Number.isInteger(itemId) && itemId > 0 });
  // Reload after a conflict: the item fetched again and the form started again from it
  const again = useReloadForm(() => detail.refetch());

  if (isNew) {
    const kindParam = query.get('kind');
    const kind: ItemKind = ITEM_KINDS.includes(kindParam as ItemKind) ? (kindParam as ItemKind) : 'material';
    const initial = emptyItem(kind);
    const unitParam = query.get('unit');
    if (isUnit(unitParam)) initial.unit = unitParam;
    return <ItemEditor key={`new-${kind}`} item={null} initial={initial} />;
  }
  if (detail.data === undefined || detail.error) return <QueryState query={detail} />;
  // keyed by id and the saved state, so the form starts from what is stored after each save
  return (
    <>
      <ItemEditor key={`${itemId}-${again.generation}`} item={detail.data} initial={valuesOf(detail.data, fmt)} onReload={again.reload} />
      <SupplierTermsCard item={detail.data} />
    </>
  );
}
