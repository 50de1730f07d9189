/**
 * A writer process for multiProcess.test.ts: opens the file as the app does and posts
 * `count` receipts of one piece each (every one its own command, its own transaction),
 * then prints how many went through.   node --import tsx writer.ts <db> <itemId> <count>
 */
import { createApp } from '../../../src-main/api/app';

const [dbPath, itemId, count] = process.argv.slice(2);
const app = createApp(dbPath!);
let done = 0;
for (let i = 0; i < Number(count); i++) {
  app.call('inventory.receive', { note: `p${i}`, lines: [{ itemId: Number(itemId), quantity: '1', supplierLotCode: `P${i % 7}`, existingLot: 'same' }] });
  done++;
}
app.close();
process.stdout.write(JSON.stringify({ done }));
