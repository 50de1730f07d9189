/**
 * The optimistic version of items (issue 20): the statements the versions module runs on
 * this module's table, kept here because this module owns the table (one writer per table).
 */
export const itemVersionSql = {
  kind: 'items',
  /** +1 after a command changed the document; the new version back */
  bump: 'UPDATE items SET version = version + 1 WHERE id = ? RETURNING version',
  /** +1 only if the caller saw the current version: the whole optimistic check in one statement */
  bumpIf: 'UPDATE items SET version = version + 1 WHERE id = ? AND version = ? RETURNING version',
  read: 'SELECT version FROM items WHERE id = ?',
  /** what the item form edits: its recipe and label details have their own screens and do not move it */
  raisedBy: ['catalog.createItem', 'catalog.updateItem', 'catalog.archiveItem'],
} as const;
