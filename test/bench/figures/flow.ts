/**
 * The make-to-order flow (BENCH.md): per order create → fulfil → release and complete
 * (intermediates first) → allocated, ready to ship. Timed three ways in the same run, on
 * the same copy of the file:
 * - flow.make_to_order: through the registry, as every door calls it;
 * - flow.make_to_order_http: through the browser door (HTTP, JSON, token), from a
 *   keep-alive client in a child process, as a browser is (test/bench/clientProcess.ts);
 *   flow.make_to_order_http_same_process: the same with the client in this process, so
 *   its HTTP and JSON work shares the app's event loop (how the figure was taken before);
 * - flow.commit_floor: the disk's floor for it — as many immediate transactions as one
 *   flow commits, each writing one small row, same connection, pragmas and file — so the
 *   flow reads as a multiple of what synchronous=FULL costs on this machine.
 */
import type Database from 'better-sqlite3';
import { startHttpDoor } from '../../../src-main/api/http';
import type { BenchEnv } from '../harness';
import { defineFigure } from '../harness';
import { Rng } from '../../../src-main/demo/rng';
import { statSync } from 'node:fs';
import { call, stockUp } from './support';
import { customerId, makeToOrder, plenty, twoLevelProduct } from './orders';
import { httpDoorCall, oneOrder, startClientProcess } from '../clientProcess';

export interface FlowSetup {
  itemId: number;
  yieldMilli: number;
  customerId: number;
}

/**
 * A product of the usual make-to-order shape, its materials stocked up for thousands of
 * orders: the same product for the three figures (chosen by flow.make_to_order's own
 * generator), so the floor commits as many transactions as the flow does.
 */
export function flowSetup(env: BenchEnv): FlowSetup {
  const p = twoLevelProduct({ ...env, rng: Rng.forStep(env.seed, 'bench:flow.make_to_order') });
  stockUp(env, p.leaves, plenty);
  env.log(`product ${p.itemId} (batch ${p.yieldMilli / 1000}), ${p.leaves.length} bought materials stocked up`);
  return { itemId: p.itemId, yieldMilli: p.yieldMilli, customerId: customerId(env) };
}

/**
 * Three orders first: each must end ready to ship, and the figure's runs must fit in a bench
 * run. Logs what one order writes to the WAL (pages, from an emptied log): under a busy disk
 * a commit costs by what it syncs, not only by how many there are.
 */
export function trial(env: BenchEnv, s: FlowSetup, runs: number): number {
  const wal = `${env.app.ctx.dbPath}-wal`;
  env.app.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const t0 = performance.now();
  let commits = 0;
  for (let i = 0; i < 3; i++) {
    const order = makeToOrder(env, s);
    const status = call(env, 'orders.get', { id: order.id }).status;
    if (status !== 'ready_to_ship') throw new Error(`order ${order.number} is ${status}, not ready_to_ship`);
    commits = order.commits;
  }
  const each = (performance.now() - t0) / 3;
  const pageSize = env.app.ctx.sqlite.pragma('page_size', { simple: true }) as number;
  env.log(`one order writes about ${Math.round(statSync(wal).size / pageSize / 3)} pages to the WAL (${Math.round(statSync(wal).size / 3 / 1024)} KiB) in ${commits} commits`);
  if (each > 1000) throw new Error(`not run: an order takes ${Math.round(each)} ms through the flow (3 trial orders), ${runs} would take ${Math.round((each * runs) / 60_000)} min`);
  return commits;
}

/**
 * Untimed orders before the HTTP figures' timed ones. The door's path (Node's HTTP server,
 * the request and the answer) and the client process are new to V8 when such a figure
 * starts, while the commands are already warm from flow.make_to_order: with 30 orders
 * (180 calls) the timed runs were mostly the door's and the client's JIT warming up (the
 * app's CPU per order still falling after 300 orders; a door with a fixed answer settles
 * after some 2,000 calls, at a quarter of its first cost). 300 orders (1,800 calls) measure
 * the door as a browser session that has been open a while meets it.
 */
const HTTP_WARMUP = 300;

export const figures = [
  defineFigure({
    name: 'flow.make_to_order',
    what: 'per order: create → fulfil → release and complete (intermediates first) → allocated, ready to ship',
    n: 1000,
    warmup: 50,
    perRun: 1,
    goal: { per_s: 500, median_ms: 2 },
    setup: (env) => {
      const s = flowSetup(env);
      env.log(`one order commits ${trial(env, s, 1050)} transactions`);
      return s;
    },
    run: (env, s) => {
      makeToOrder(env, s);
    },
  }),
  defineFigure({
    name: 'flow.make_to_order_http',
    what: 'the same flow through the HTTP door (JSON, token, contract checks), keep-alive client in a child process (as a browser is)',
    n: 300,
    warmup: HTTP_WARMUP,
    perRun: 1,
    goal: { per_s: 100 },
    setup: async (env) => {
      const s = flowSetup(env);
      trial(env, s, 330);
      const door = await startHttpDoor({ invoke: (name, input) => env.app.invokeAsync(name, input, 'browser') });
      const client = startClientProcess();
      return { s, door, client, cpu: process.cpuUsage(), clientCpu: await client.cpu() };
    },
    run: async (env, st, i) => {
      await st.client.httpOrder(st.door.port, st.door.token, st.s);
      // what each process spends per order from the first timed one on (the app's: the door
      // and the commands; the client's: its HTTP and JSON), read at the end of the warm-up
      if (i === HTTP_WARMUP - 1) [st.cpu, st.clientCpu] = [process.cpuUsage(), await st.client.cpu()];
    },
    teardown: async (env, st) => {
      if (!st) return;
      const cpu = process.cpuUsage(st.cpu);
      const now = await st.client.cpu();
      const client = { user: now.user - st.clientCpu.user, system: now.system - st.clientCpu.system };
      const perOrder = (c: NodeJS.CpuUsage) => `${((c.user + c.system) / 1000 / 300).toFixed(2)} ms CPU per order (${(c.user / 1000 / 300).toFixed(2)} user)`;
      env.log(`the app's process: ${perOrder(cpu)}, door and commands; the client's process: ${perOrder(client)}`);
      st.client.close();
      await st.door.close();
    },
  }),
  defineFigure({
    name: 'flow.make_to_order_http_same_process',
    what: 'the HTTP flow with its keep-alive client in the app\'s own process: client and door share one event loop (the figure before the client moved out)',
    n: 300,
    warmup: HTTP_WARMUP,
    perRun: 1,
    setup: async (env) => {
      const s = flowSetup(env);
      trial(env, s, 330);
      const door = await startHttpDoor({ invoke: (name, input) => env.app.invokeAsync(name, input, 'browser') });
      return { s, door, client: httpDoorCall(door.port, door.token) };
    },
    run: (_env, st) => oneOrder(st.client.call, st.s),
    teardown: async (_env, st) => {
      st?.client.close();
      await st?.door.close();
    },
  }),
  defineFigure({
    name: 'flow.commit_floor',
    what: "the disk's floor for one flow: as many immediate transactions as it commits, one small row each, same file and pragmas",
    n: 1000,
    warmup: 50,
    perRun: 1,
    setup: (env) => {
      const s = flowSetup(env);
      const commits = trial(env, s, 0);
      const db: Database.Database = env.app.ctx.sqlite;
      db.exec('CREATE TABLE IF NOT EXISTS bench_commit_floor (id INTEGER PRIMARY KEY, at TEXT NOT NULL)');
      const insert = db.prepare('INSERT INTO bench_commit_floor (at) VALUES (?)');
      const write = db.transaction((at: string) => insert.run(at));
      env.log(`${commits} commits per flow; synchronous = ${String(db.pragma('synchronous', { simple: true }))} (2 = FULL), journal ${String(db.pragma('journal_mode', { simple: true }))}`);
      return { commits, write };
    },
    run: (_env, st) => {
      for (let k = 0; k < st.commits; k++) st.write.immediate(new Date().toISOString());
    },
  }),
];
