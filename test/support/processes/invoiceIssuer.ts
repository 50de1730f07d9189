/**
 * An issuing process for invoicing.concurrency.test.ts: opens the file as the app does, but
 * without the app's writer lock (which would refuse the second process: here two writers
 * race on purpose, as two doors could), and issues every draft it is given through the
 * registry, each its own command and transaction. Prints the numbers it got and the refusals.
 *   node --import tsx invoiceIssuer.ts <db> <id,id,…>
 */
import { invoke } from '../../../src-main/api/registry';
import { openDatabase } from '../../../src-main/db/open';

const [dbPath, idList] = process.argv.slice(2);
const opened = openDatabase(dbPath!);
opened.sqlite.pragma('busy_timeout = 20000');
const ctx = { db: opened.db, sqlite: opened.sqlite, now: () => new Date('2026-03-10T10:00:00.000Z'), dbPath: dbPath!, appVersion: 'test' };
const numbers: string[] = [];
const refused: string[] = [];
for (const id of idList!.split(',').map(Number)) {
  const r = invoke(ctx, 'invoicing.issue', { id });
  if (r.ok) numbers.push((r.data as { number: string }).number);
  else refused.push(r.error.code);
}
opened.sqlite.close();
process.stdout.write(JSON.stringify({ numbers, refused }));
