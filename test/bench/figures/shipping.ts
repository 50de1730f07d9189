/**
 * Shipping figures (BENCH.md): confirming a 10-line shipment (DDT number, ship movements
 * from the lots, allocations consumed, orders advanced) and rendering one DDT from its
 * frozen snapshot. Each works on the run's own copy of the database.
 */
import type { BenchEnv } from '../harness';
import { defineFigure } from '../harness';
import { call, stockUp } from './support';
import { loadDdt } from '../../../src-main/modules/shipping/ddtSnapshot';
import { renderDdtSync } from '../../../src-main/modules/shipping/ddtPdf';
import { logoImage } from '../../../src-main/modules/shipping/logo';

const LINES = 10;

function customerId(env: BenchEnv): number {
  return env.app.ctx.sqlite.prepare('SELECT id FROM customers ORDER BY id LIMIT 1').pluck().get() as number;
}

export const figures = [
  defineFigure({
    name: 'shipping.confirm',
    what: 'confirm a 10-line draft shipment (10 products, allocated lots): DDT number, ship movements, orders advanced',
    n: 200,
    warmup: 20,
    goal: { median_ms: 10 },
    setup: (env) => {
      const products = env.app.ctx.sqlite
        .prepare("SELECT id, unit FROM items WHERE kind = 'product' AND archived = 0 AND unit = 'pcs' ORDER BY id LIMIT ?")
        .all(LINES) as { id: number; unit: string }[];
      if (products.length < LINES) throw new Error(`only ${products.length} products sold by the piece`);
      stockUp(env, products, () => '100000');
      return { products, customerId: customerId(env) };
    },
    prepare: (env, s) => {
      const order = call(env, 'orders.create', { customerId: s.customerId, channel: 'wholesale', lines: s.products.map((p) => ({ itemId: p.id, quantity: '6' })), confirm: true });
      call(env, 'orders.fulfil', { orderIds: [order.id] });
      const proposal = call(env, 'shipping.proposal', { orderIds: [order.id] });
      // one lot per line (the first of the FEFO proposal): a line split over two lots ships in part
      const lines = proposal.lines.map((l) => ({ orderLineId: l.orderLineId, lotId: l.lots[0]!.lotId, quantity: String(l.lots[0]!.qtyMilli / 1000) }));
      if (lines.length !== LINES) throw new Error(`the shipment has ${lines.length} lines, not ${LINES}`);
      return call(env, 'shipping.create', { lines, packages: [{ count: 3, appearance: 'scatole', tare: '0,4' }], grossWeight: '12', carrier: 'BRT' }).id;
    },
    run: (env, _s, _i, id) => {
      call(env, 'shipping.confirm', { id });
    },
  }),
  defineFigure({
    name: 'shipping.ddt_pdf',
    what: 'render one DDT (a shipment of the history, up to 8 lines) from its snapshot',
    n: 200,
    warmup: 20,
    goal: { median_ms: 100 },
    setup: (env) => {
      const ids = env.app.ctx.sqlite
        .prepare("SELECT d.id FROM ddts d WHERE d.kind = 'shipment' AND json_array_length(d.snapshot, '$.lines') >= 4 ORDER BY d.id DESC LIMIT 200")
        .pluck()
        .all() as number[];
      if (ids.length === 0) throw new Error('no DDT with 4 lines or more in the dataset');
      return ids;
    },
    run: (env, ids, i) => {
      const d = loadDdt(env.app.ctx, ids[i % ids.length]!);
      const pdf = renderDdtSync(d.snapshot, logoImage(env.app.ctx, d.snapshot.logoId));
      if (pdf.length < 1000) throw new Error('the DDT came out empty');
    },
  }),
];
