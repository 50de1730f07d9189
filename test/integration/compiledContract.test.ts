/**
 * The registry checks inputs and outputs with zod's compiled fast path (api/compiledSchema.ts)
 * instead of zod's runtime parser. It must answer exactly what the runtime answers: the same
 * values, the same keys stripped or kept (an `undefined` one too), in the same order, and the
 * same refusal. Every call the demo workshop makes through the registry (orders, fulfil,
 * production, receipts, shipments, invoices…) and a make-to-order flow with traces on top are
 * recorded — each raw input and each handler's answer before its check — and parsed both ways.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type OperationName } from '../../src-shared/contract';
import type { Ctx } from '../../src-main/api/context';
import { handlers, invoke } from '../../src-main/api/registry';
import { compiled } from '../../src-main/api/compiledSchema';
import { bindDemoCalls } from '../../src-main/demo/call';
import type { BottegaApp } from '../../src-main/api/app';
import { demoApp, removeTempDbs } from '../builders';

type Sample = { name: OperationName; value: unknown };
const PER_OPERATION = 25;
const inputs: Sample[] = [];
const outputs: Sample[] = [];
const taken = new Map<string, number>();
function keep(list: Sample[], kind: string, name: OperationName, value: unknown): void {
  const key = `${kind} ${name}`;
  const n = taken.get(key) ?? 0;
  if (n >= PER_OPERATION) return;
  taken.set(key, n + 1);
  // a snapshot: later code may change the object the handler answered
  list.push({ name, value: structuredClone(value) });
}

const originalHandlers = { ...handlers };
let app: BottegaApp;

beforeAll(() => {
  const table = handlers as unknown as Record<string, (ctx: Ctx, input: unknown) => unknown>;
  for (const [name, handler] of Object.entries(originalHandlers) as [OperationName, (ctx: Ctx, input: unknown) => unknown][]) {
    table[name] = (ctx, input) => {
      const out = handler(ctx, input);
      if (!(out instanceof Promise)) keep(outputs, 'out', name, out);
      return out;
    };
  }
  bindDemoCalls((ctx, name, input) => {
    keep(inputs, 'in', name as OperationName, input);
    return invoke(ctx, name, input);
  });
  app = demoApp({ seed: 1 });
  const call = (name: OperationName, input: unknown) => {
    keep(inputs, 'in', name, input);
    const res = app.invoke(name, input);
    if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
    return res.data as Record<string, unknown>;
  };
  // the bench's flow and reads on top of the demo
  const db = app.ctx.sqlite;
  const customerId = db.prepare('SELECT id FROM customers ORDER BY id LIMIT 1').pluck().get() as number;
  const itemId = db.prepare("SELECT i.id FROM items i JOIN recipes r ON r.item_id = i.id AND r.active = 1 WHERE i.kind = 'product' AND i.archived = 0 ORDER BY i.id LIMIT 1").pluck().get() as number;
  const order = call('orders.create', { customerId, channel: 'shopify', lines: [{ itemId, quantity: '3' }], confirm: true });
  const done = call('orders.fulfil', { orderIds: [order.id] }) as { productionOrderIds: number[] };
  for (const id of [...done.productionOrderIds].reverse()) {
    call('production.release', { id });
    call('production.complete', { id });
  }
  call('orders.get', { id: order.id });
  // lots made from other lots: traces with several lots and edges each way
  const lots = db.prepare('SELECT DISTINCT output_lot_id FROM lot_genealogy ORDER BY id DESC LIMIT 8').pluck().all() as number[];
  for (const lotId of lots) for (const direction of ['backward', 'forward', 'both']) call('trace.lot', { lotId, direction });
});

afterAll(() => {
  Object.assign(handlers, originalHandlers);
  bindDemoCalls(invoke);
  app?.close();
  removeTempDbs();
});

/** JSON with `undefined` values kept visible: a key zod keeps as undefined must be kept the same way. */
const exact = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (x === undefined ? '<undefined>' : x));

function sameParse(schema: z.ZodType, value: unknown): void {
  const slow = schema.safeParse(value);
  const fast = compiled(schema).safeParse(value);
  expect(fast.success).toBe(slow.success);
  if (slow.success && fast.success) {
    expect(exact(fast.data)).toBe(exact(slow.data));
    expect(isDeepStrictEqual(fast.data, slow.data)).toBe(true);
  } else expect(fast.error?.issues).toEqual(slow.error?.issues);
}

describe('the compiled contract checks answer what zod answers', () => {
  it('on the demo and the flow: every recorded input and answer, for the operations of the flow and the trace', () => {
    const names = new Set(outputs.map((s) => s.name));
    for (const op of ['orders.create', 'orders.fulfil', 'production.release', 'production.complete', 'orders.get', 'trace.lot'] as const) expect(names.has(op), op).toBe(true);
    expect(names.size).toBeGreaterThan(25);
    for (const s of inputs) sameParse(contract[s.name].input, s.value);
    for (const s of outputs) sameParse(contract[s.name].output, s.value);
  });

  it('on answers with a key the contract does not have, and with a wrong value: stripped, or refused with the same issues', () => {
    const trace = outputs.find((s) => s.name === 'trace.lot' && (s.value as { lots: unknown[] }).lots.length > 1)!;
    const value = structuredClone(trace.value) as { lots: Record<string, unknown>[]; secret?: string };
    value.secret = 'not in the contract';
    value.lots[0]!.internalCost = 12;
    const stripped = compiled(contract['trace.lot'].output).safeParse(value);
    expect(stripped.success && 'secret' in stripped.data).toBe(false);
    sameParse(contract['trace.lot'].output, value);
    value.lots[1]!.depth = 'far';
    sameParse(contract['trace.lot'].output, value);
    expect(compiled(contract['trace.lot'].output).safeParse(value).success).toBe(false);
    sameParse(contract['orders.create'].input, { customerId: -1, channel: 'nowhere', lines: [] });
  });
});
