/**
 * lan.flow_10_devices (BENCH.md): what one office PC holds when the workshop works from
 * several devices at once. Ten simulated devices — each paired, logged in as a user,
 * with its own keep-alive HTTPS connection that pins the door's certificate — make the
 * make-to-order flow (create → fulfil → release and complete → allocated) through the
 * LAN door on 127.0.0.1 for a bounded time: a minute at large scale, 10 s at small.
 * Reported: orders per second over all devices, and the median and p95 of one order's
 * whole flow as a device sees it (five to seven calls, queued behind the other devices').
 * The clients run in the bench's process, beside the door: on a 2-core machine they take
 * CPU from it, so the figure is a floor for what real devices would get.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineFigure, type BenchEnv } from '../harness';
import { certificateFor, currentIdentity } from '../../../src-main/api/lanCertificate';
import { startLanDoor, type LanDoor } from '../../../src-main/api/lanDoor';
import { LanDevice, PinnedAgent } from '../../support/lanClient';
import { addTestUser } from '../../support/lanUsers';
import { flowSetup, trial, type FlowSetup } from './flow';
import { stockUp } from './support';
import { plenty, twoLevelProduct } from './orders';
import { Rng } from '../../../src-main/demo/rng';
import { checkThreads, runCheck } from '../../../src-main/db/check';

const DEVICES = 10;

interface LanBench {
  s: FlowSetup;
  door: LanDoor;
  devices: LanDevice[];
  dir: string;
}

async function ok(device: LanDevice, name: string, input: unknown): Promise<unknown> {
  const res = await device.call(name, input);
  if (!res.json.ok) throw new Error(`${name}: ${res.json.error?.code} ${res.json.error?.message}`);
  return res.json.data;
}

async function oneOrder(device: LanDevice, s: FlowSetup): Promise<void> {
  const order = (await ok(device, 'orders.create', { customerId: s.customerId, channel: 'shopify', lines: [{ itemId: s.itemId, quantity: String(s.yieldMilli / 1000) }], confirm: true })) as { id: number };
  const done = (await ok(device, 'orders.fulfil', { orderIds: [order.id] })) as { productionOrderIds: number[] };
  for (const id of [...done.productionOrderIds].reverse()) {
    await ok(device, 'production.release', { id });
    await ok(device, 'production.complete', { id });
  }
}

export const figures = [
  defineFigure<LanBench>({
    name: 'lan.flow_10_devices',
    what: `${DEVICES} logged-in devices making the flow at once through the HTTPS LAN door (keep-alive, pinned certificate), bounded time`,
    n: 1,
    perRun: 1,
    setup: async (env: BenchEnv) => {
      const s = flowSetup(env);
      // ten devices at full speed for a minute make thousands of orders: stock for all of them
      const p = twoLevelProduct({ ...env, rng: Rng.forStep(env.seed, 'bench:flow.make_to_order') });
      for (let k = 0; k < 4; k++) stockUp(env, p.leaves, plenty);
      trial(env, s, 0);
      const sqlite = env.app.ctx.sqlite;
      const login = `bench-${Date.now()}`;
      addTestUser(sqlite, login, 'bench-password', 'owner', 'Bench');
      const dir = mkdtempSync(join(tmpdir(), 'bottega-bench-lan-'));
      const certificate = await certificateFor(dir, currentIdentity());
      const door = await startLanDoor({
        certificate,
        port: 0,
        host: '127.0.0.1',
        ctx: () => env.app.ctx,
        invoke: (name, input, caller) => env.app.invokeAsync(name, input, { door: 'lan', caller }),
      });
      const devices: LanDevice[] = [];
      for (let d = 0; d < DEVICES; d++) {
        const device = new LanDevice(door.port, new PinnedAgent(door.fingerprint, { keepAlive: true, maxSockets: 1 }));
        if (!(await device.pair(door.pairing().code, `Bench device ${d + 1}`)).json.ok) throw new Error('pairing refused');
        if (!(await device.login(login, 'bench-password')).json.ok) throw new Error('login refused');
        devices.push(device);
      }
      env.log(`${DEVICES} devices paired and logged in on https://127.0.0.1:${door.port}/`);
      return { s, door, devices, dir };
    },
    run: () => undefined,
    load: async (env, st) => {
      const seconds = env.scale === 'large' ? 60 : 10;
      const samples: number[] = [];
      const started = performance.now();
      const deadline = started + seconds * 1000;
      let failed: Error | null = null;
      // Ten people at once on one product: a release may find the intermediate lot its batch
      // was planned on already reserved by another device's release (FEFO takes any released
      // lot). The app refuses it cleanly (INSUFFICIENT_STOCK, nothing written) — as it would for
      // two people — so such an order is counted as refused, not timed, and the device goes on.
      let refused = 0;
      await Promise.all(
        st.devices.map(async (device) => {
          while (performance.now() < deadline && !failed) {
            const t0 = performance.now();
            try {
              await oneOrder(device, st.s);
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
      if (failed) throw failed;
      const took = (performance.now() - started) / 1000;
      env.log(`${samples.length} orders ready to ship in ${took.toFixed(1)} s by ${DEVICES} devices; ${refused} refused INSUFFICIENT_STOCK at a release (another device had the intermediate lot)`);
      return { samples, units: samples.length, seconds: took };
    },
    teardown: async (env, st) => {
      if (!st) return;
      for (const d of st.devices) d.agent.destroy();
      await st.door.close();
      rmSync(st.dir, { recursive: true, force: true });
      // `check --full` after the load: every invariant of the ledger still holds with ten writers' worth of orders in it
      const report = runCheck(env.app.ctx, undefined, { full: true, threads: checkThreads(env.app.ctx.dbPath) });
      env.log(`check --full after the load: ${report.ok ? 'all invariants hold' : 'INVARIANTS BROKEN'} (${(report.ms / 1000).toFixed(1)} s)`);
      if (!report.ok) throw new Error(`check --full after the load: ${report.checks.filter((c) => !c.ok).map((c) => c.name).join(', ')}`);
    },
  }),
];
