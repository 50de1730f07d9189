/**
 * A reader process for multiProcess.test.ts: its own read-only connection to the file,
 * reading in a loop until `stopFile` exists. Each read is one transaction over three views
 * of the same stock — movements, lot balances, per-location balances — which must agree
 * in every snapshot (a torn read would see a movement without its balance); the number of
 * movements must never go down. Prints what it saw.   reader.ts <db> <stopFile>
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

const [dbPath, stopFile] = process.argv.slice(2);
const db = new Database(dbPath!, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const snapshot = db.transaction(() => ({
  movements: db.prepare('SELECT count(*) FROM stock_movements').pluck().get() as number,
  moved: (db.prepare('SELECT coalesce(sum(qty_milli), 0) FROM stock_movements').pluck().get() as number) ?? 0,
  onHand: (db.prepare('SELECT coalesce(sum(on_hand_milli), 0) FROM lots').pluck().get() as number) ?? 0,
  balances: (db.prepare('SELECT coalesce(sum(qty_milli), 0) FROM stock_balances').pluck().get() as number) ?? 0,
}));
let reads = 0;
let torn = 0;
let wentBack = 0;
let last = 0;
let maxSeen = 0;
const deadline = Date.now() + 60_000;
while (!existsSync(stopFile!) && Date.now() < deadline) {
  const s = snapshot.deferred();
  reads++;
  if (s.moved !== s.onHand || s.onHand !== s.balances) torn++;
  if (s.movements < last) wentBack++;
  last = s.movements;
  maxSeen = Math.max(maxSeen, s.movements);
}
db.close();
process.stdout.write(JSON.stringify({ reads, torn, wentBack, maxSeen }));
