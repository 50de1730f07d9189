/**
 * The commands a screen sends after showing a document, and which document each edits:
 * the ones that accept `expectedVersion`. Typed by the contract, so a command listed here
 * must have that field, and a test checks the reverse (every command with the field is
 * listed), so a new editing command cannot forget its check.
 */
import type { Contract, OperationName, ParsedInputOf } from '../../../src-shared/contract';

// (the same as audit's CommandName: audit imports this module, so it is not imported back)
type CommandName = { [K in OperationName]: Contract[K]['kind'] extends 'command' ? K : never }[OperationName];

type Keys<K extends CommandName> = keyof ParsedInputOf<Contract[K]>;
// an empty input's keys are `string`: it has no expectedVersion field
type WithExpected = { [K in CommandName]: string extends Keys<K> ? never : 'expectedVersion' extends Keys<K> ? K : never }[CommandName];

const byId =
  (kind: string) =>
  (i: { id: number }): string =>
    `${kind}/${i.id}`;

export const EDITS: { [K in WithExpected]: (input: ParsedInputOf<Contract[K]>) => string } = {
  'orders.update': byId('orders'),
  'orders.confirm': byId('orders'),
  'orders.cancel': byId('orders'),
  'orders.setPromisedDate': byId('orders'),
  'shipping.update': byId('shipments'),
  'shipping.setTracking': byId('shipments'),
  'shipping.confirm': byId('shipments'),
  'shipping.cancel': byId('shipments'),
  'production.update': byId('production'),
  'production.release': byId('production'),
  'production.start': byId('production'),
  'production.complete': byId('production'),
  'production.cancel': byId('production'),
  'catalog.updateItem': byId('items'),
  'catalog.archiveItem': byId('items'),
  'parties.updateCustomer': byId('customers'),
  'parties.archiveCustomer': byId('customers'),
  'parties.updateSupplier': byId('suppliers'),
  'parties.archiveSupplier': byId('suppliers'),
};

/** The document `operation` edits when its input carries `expectedVersion`, else null. */
export function editedDoc(operation: string, input: unknown): { doc: string; expected: number } | null {
  const expected = (input as { expectedVersion?: unknown } | null)?.expectedVersion;
  if (typeof expected !== 'number') return null;
  const rule = (EDITS as Record<string, ((i: unknown) => string) | undefined>)[operation];
  return rule ? { doc: rule(input), expected } : null;
}
