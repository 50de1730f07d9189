/**
 * Run as a real child process by savedCopies.crash.test.ts: prepares a shipment, confirms
 * it in a committed transaction, and is killed (SIGKILL) right after the commit, before
 * the DDT's copy is written — the window a crash or a power cut can hit.
 */
import { createApp } from '../../../src-main/api/app';
import { handlers } from '../../../src-main/api/registry';
import { contract } from '../../../src-shared/contract';
import { fillCompany, readyOrder } from './workshop';

const app = createApp(process.argv[2]!, { now: () => new Date('2026-10-22T08:00:00.000Z') });
fillCompany(app);
const w = readyOrder(app);
const proposal = app.call('shipping.proposal', { orderIds: [w.order.id] });
const draft = app.call('shipping.create', {
  lines: proposal.lines.flatMap((l) => l.lots.map((lot) => ({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: String(lot.qtyMilli / 1000) }))),
  packages: [{ count: 2, appearance: 'scatole', tare: '0,25' }],
  transportBy: 'sender',
});
const input = contract['shipping.confirm'].input.parse({ id: draft.id, transportStart: '2026-10-22T15:30' });
// the command's own transaction, committed; the copy would be written on the next turn
app.ctx.sqlite.transaction(() => handlers['shipping.confirm'](app.ctx, input as never)).immediate();
process.stdout.write('committed\n');
process.kill(process.pid, 'SIGKILL');
