/**
 * lan.flow_10_devices (BENCH.md): what one office PC holds when the workshop works from
 * several devices at once. Ten simulated devices — each paired, logged in as a user,
 * with its own keep-alive HTTPS connection that pins the door's certificate — make the
 * make-to-order flow (create → fulfil → release and complete → allocated) through the
 * LAN door on 127.0.0.1: 6,000 orders at large scale (600 at small), or fewer if five
 * minutes (one at small) run out first. A count, not a minute: the figures after this one
 * (planning, the recall report, check) meet the orders it leaves, and with a minute a faster
 * app left them a bigger workshop (7,530 orders one run, 4,102 the next on a busier machine).
 * Reported: orders per second over all devices, and the median and p95 of one order's
 * whole flow as a device sees it (five to seven calls, queued behind the other devices').
 * Pairing and login happen here; the devices then make their orders from a child process
 * (test/bench/clientProcess.ts), as real devices are other machines: their TLS, HTTP and
 * JSON work no longer waits on the app's event loop. On a 2-core machine they still take a
 * core's share of CPU, so the figure is a floor for what real devices would get.
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
import { startClientProcess, type ClientProcess } from '../clientProcess';
import { checkThreads, runCheck } from '../../../src-main/db/check';

const DEVICES = 10;

interface LanBench {
  s: FlowSetup;
  door: LanDoor;
  devices: LanDevice[];
  dir: string;
  client: ClientProcess;
}

export const figures = [
  defineFigure<LanBench>({
    name: 'lan.flow_10_devices',
    what: `${DEVICES} logged-in devices making the flow at once through the HTTPS LAN door (keep-alive, pinned certificate), 6,000 orders at large scale`,
    n: 1,
    perRun: 1,
    setup: async (env: BenchEnv) => {
      const s = flowSetup(env);
      // ten devices make thousands of orders: stock for all of them
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
      return { s, door, devices, dir, client: startClientProcess() };
    },
    run: () => undefined,
    load: async (env, st) => {
      const [orders, seconds] = env.scale === 'large' ? [6000, 300] : [600, 60];
      // the devices go on in a process of their own, with the cookies their pairing and login gave them
      const devices = st.devices.map((d) => [...d.cookies]);
      for (const d of st.devices) d.agent.destroy();
      const cpu = process.cpuUsage();
      const r = await st.client.lanLoad({ port: st.door.port, fingerprint: st.door.fingerprint, devices, orders, seconds, s: st.s });
      const used = process.cpuUsage(cpu);
      if (r.error) throw new Error(r.error);
      env.log(`${r.samples.length} orders ready to ship in ${r.seconds.toFixed(1)} s by ${DEVICES} devices; ${r.refused} refused INSUFFICIENT_STOCK at a release (another device had the intermediate lot)`);
      env.log(`the app's process: ${((used.user + used.system) / 1000 / Math.max(1, r.samples.length + r.refused)).toFixed(2)} ms CPU per order, door and commands; the devices' is their own`);
      return { samples: r.samples, units: r.samples.length, seconds: r.seconds };
    },
    teardown: async (env, st) => {
      if (!st) return;
      for (const d of st.devices) d.agent.destroy();
      st.client.close();
      await st.door.close();
      rmSync(st.dir, { recursive: true, force: true });
      // `check --full` after the load: every invariant of the ledger still holds with ten writers' worth of orders in it
      const report = runCheck(env.app.ctx, undefined, { full: true, threads: checkThreads(env.app.ctx.dbPath) });
      env.log(`check --full after the load: ${report.ok ? 'all invariants hold' : 'INVARIANTS BROKEN'} (${(report.ms / 1000).toFixed(1)} s)`);
      if (!report.ok) throw new Error(`check --full after the load: ${report.checks.filter((c) => !c.ok).map((c) => c.name).join(', ')}`);
    },
  }),
];
