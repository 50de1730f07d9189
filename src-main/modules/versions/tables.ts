/**
 * The documents that carry an optimistic version, by their kind in the activity log
 * (`orders/42`). Each owning module keeps the SQL for its own table and says
 * which commands raise it; this list only names them. Versioned: the documents several people edit from a screen — customer
 * orders, shipments, production orders, and the master data (items, customers,
 * suppliers). Lots, invoices and purchase orders are not (yet): their commands are
 * single steps (release, issue, send) that the state check already guards.
 */
import { orderVersionSql } from '../orders/orderVersion';
import { shipmentVersionSql } from '../shipping/shipmentVersion';
import { productionVersionSql } from '../production/productionVersion';
import { itemVersionSql } from '../catalog/itemVersion';
import { customerVersionSql, supplierVersionSql } from '../parties/partyVersions';

export interface VersionSql {
  readonly kind: string;
  readonly bump: string;
  /** `bump` for several ids at once (a JSON array), answering id and version: a fulfil names a dozen production orders */
  readonly bumpMany?: string;
  readonly bumpIf: string;
  readonly read: string;
  /**
   * Only these commands raise the version (master data: the commands of its own form);
   * absent, every logged change of the document does (orders, shipments, production
   * orders, whose state moves with the work done on them).
   */
  readonly raisedBy?: readonly string[];
}

const ALL: readonly VersionSql[] = [orderVersionSql, shipmentVersionSql, productionVersionSql, itemVersionSql, customerVersionSql, supplierVersionSql];

export const VERSIONED: ReadonlyMap<string, VersionSql> = new Map(ALL.map((t) => [t.kind, t]));

/** `orders/42` → the orders table's statements and 42; null for a document without a version. */
export function versionedDoc(doc: string): { sql: VersionSql; id: number } | null {
  const slash = doc.indexOf('/');
  const table = VERSIONED.get(doc.slice(0, slash));
  if (!table) return null;
  const id = Number(doc.slice(slash + 1));
  return Number.isInteger(id) && id > 0 ? { sql: table, id } : null;
}
