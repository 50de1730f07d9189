/**
 * The bench's door clients in a process of their own, as a browser or another device is:
 * their HTTP, TLS and JSON work is not counted on the app's event loop. The parent
 * (clientProcess.ts's `startClientProcess`) asks for one order at a time over IPC (the
 * HTTP figure) or for a timed load of several logged-in devices (the LAN figure); the
 * calls themselves go over real keep-alive sockets to the door, as before.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Envelope } from '../../src-shared/contract/errors';
import { LanDevice, PinnedAgent } from '../support/lanClient';
import { Client } from 'undici';

/** The flow's inputs (flow.ts's FlowSetup). */
export interface OrderSpec {
  customerId: number;
  itemId: number;
  yieldMilli: number;
}

type Call = (name: string, input: unknown) => Promise<unknown>;

/** One make-to-order through a door: create (confirmed) → fulfil → release and complete, intermediates first. */
export async function oneOrder(call: Call, s: OrderSpec): Promise<void> {
  const order = (await call('orders.create', { customerId: s.customerId, channel: 'shopify', lines: [{ itemId: s.itemId, quantity: String(s.yieldMilli / 1000) }], confirm: true })) as { id: number };
  const done = (await call('orders.fulfil', { orderIds: [order.id] })) as { productionOrderIds: number[] };
  for (const id of [...done.productionOrderIds].reverse()) {
    await call('production.release', { id });
    await call('production.complete', { id });
  }
}

/**
 * A keep-alive JSON client of the local browser door: what the renderer's fetch does, minus
 * the browser. undici's Client (HTTP/1.1, one kept-alive socket, one request at a time) —
 * a browser's network stack is native code; Node's general http client cost this process
 * about 0.4 ms of CPU a call on the app's two cores, undici about 0.05. Its `dispatch`
 * with a handler that only gathers the answer's bytes, not `request`: `request` gives
 * every answer a Node stream to read it through, which was most of this process's CPU
 * per call once the door was warm.
 */
export function httpDoorCall(port: number, token: string): { call: Call; close(): void } {
  const client = new Client(`http://127.0.0.1:${port}`, { pipelining: 1 });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const post = (path: string, body: string) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      client.dispatch(
        { path, method: 'POST', headers, body },
        {
          // undici reads a handler with onRequestStart as one of its current (v7) shape
          onRequestStart: () => undefined,
          onResponseData: (_c, chunk) => void chunks.push(chunk),
          onResponseEnd: () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')),
          onResponseError: (_c, err) => reject(err),
        },
      );
    });
  return {
    call: async (name, input) => {
      const res = JSON.parse(await post(`/api/${name}`, JSON.stringify(input))) as Envelope<unknown>;
      if (!res.ok) throw new Error(`${name}: ${res.error.code} ${res.error.message}`);
      return res.data;
    },
    close: () => void client.close(),
  };
}

/** A paired, logged-in device's call (its cookies came from the parent, which paired it). */
function lanCall(device: LanDevice): Call {
  return async (name, input) => {
    const res = await device.call(name, input);
    if (!res.json.ok) throw new Error(`${name}: ${res.json.error?.code} ${res.json.error?.message}`);
    return res.json.data;
  };
}

export interface LanLoad {
  port: number;
  fingerprint: string;
  /** each device's cookies (device token and session), as the parent's pairing and login left them */
  devices: [string, string][][];
  /** orders begun over all devices: a fixed count, so the run's later figures meet the same workshop however fast this one ran */
  orders: number;
  /** the bound on a machine too slow to make them all */
  seconds: number;
  s: OrderSpec;
}

export interface LanLoadResult {
  samples: number[];
  seconds: number;
  refused: number;
  error?: string;
}

/**
 * The devices make `load.orders` orders between them (each takes the next while any are
 * left), or fewer if the time is up first. Ten people at once on one product: a
 * release may find the intermediate lot its batch was planned on already reserved by
 * another device's release (FEFO takes any released lot). The app refuses it cleanly
 * (INSUFFICIENT_STOCK, nothing written), as it would for two people, so such an order is
 * counted as refused, not timed, and the device goes on.
 */
export async function lanLoad(load: LanLoad): Promise<LanLoadResult> {
  const devices = load.devices.map((cookies) => {
    const d = new LanDevice(load.port, new PinnedAgent(load.fingerprint, { keepAlive: true, maxSockets: 1 }));
    for (const [k, v] of cookies) d.cookies.set(k, v);
    return d;
  });
  const samples: number[] = [];
  let refused = 0;
  let begun = 0;
  let failed: Error | null = null;
  const started = performance.now();
  const deadline = started + load.seconds * 1000;
  await Promise.all(
    devices.map(async (device) => {
      const call = lanCall(device);
      while (begun < load.orders && performance.now() < deadline && !failed) {
        begun++;
        const t0 = performance.now();
        try {
          await oneOrder(call, load.s);
        } catch (err) {
          const e = err instanceof Error ? err : new Error(String(err));
          if (/INSUFFICIENT_STOCK/.test(e.message)) {
            refused++;
            continue;
          }
          failed = e;
          return;
        }
        samples.push(performance.now() - t0);
      }
    }),
  );
  for (const d of devices) d.agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  return { samples, seconds, refused, ...(failed ? { error: (failed as Error).message } : {}) };
}

type Ask = { kind: 'http-order'; port: number; token: string; s: OrderSpec } | { kind: 'lan-load'; load: LanLoad } | { kind: 'cpu' };
type Request = Ask & { id: number };
type Reply = { id: number; error?: string; result?: unknown };

/** The parent's handle on the client process: each request answered in order, errors as rejections. */
export interface ClientProcess {
  httpOrder(port: number, token: string, s: OrderSpec): Promise<void>;
  lanLoad(load: LanLoad): Promise<LanLoadResult>;
  /** the client process's CPU so far (process.cpuUsage there): what the client costs, apart from the app */
  cpu(): Promise<NodeJS.CpuUsage>;
  close(): void;
}

export function startClientProcess(): ClientProcess {
  // the same loader as the bench (tsx), so the child runs this very file
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--bench-client'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 0;
  child.on('message', (m: Reply) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error !== undefined) w?.reject(new Error(m.error));
    else w?.resolve(m.result);
  });
  child.on('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`the client process ended (${code})`));
    waiting.clear();
  });
  const ask = <T>(req: Ask): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ ...req, id });
    });
  return {
    httpOrder: (port, token, s) => ask<void>({ kind: 'http-order', port, token, s }),
    lanLoad: (load) => ask<LanLoadResult>({ kind: 'lan-load', load }),
    cpu: () => ask<NodeJS.CpuUsage>({ kind: 'cpu' }),
    close: () => child.kill(),
  };
}

// the child's side: one HTTP client per door, kept across orders (keep-alive)
if (process.argv.includes('--bench-client') && process.send) {
  const clients = new Map<string, ReturnType<typeof httpDoorCall>>();
  process.on('message', (req: Request) => {
    const answer = (p: Promise<unknown>) =>
      p.then(
        (result) => process.send!({ id: req.id, result } satisfies Reply),
        (err: unknown) => process.send!({ id: req.id, error: err instanceof Error ? err.message : String(err) } satisfies Reply),
      );
    if (req.kind === 'http-order') {
      const key = `${req.port} ${req.token}`;
      let c = clients.get(key);
      if (!c) clients.set(key, (c = httpDoorCall(req.port, req.token)));
      void answer(oneOrder(c.call, req.s));
    } else if (req.kind === 'cpu') void answer(Promise.resolve(process.cpuUsage()));
    else void answer(lanLoad(req.load));
  });
  process.on('disconnect', () => process.exit(0));
}
