/**
 * Data care for the app a long-lived door holds (browser-mode `serve`, the desktop app):
 * started once the background integrity check found the file sound — a backup of a damaged
 * file would rotate the good ones away — and restarted on the new connection when a restore
 * swaps it. `quit` waits for a start still under way, so a stop right after the start still
 * re-makes missing copies and makes the on-quit backup.
 */
import type { BottegaApp } from '../../api/app';
import type { LiveApp } from '../../api/liveApp';
import { startDataCare, type DataCare } from './lifecycle';

export interface LiveCare {
  quit(): Promise<void>;
}

export function careForLiveApp(live: LiveApp): LiveCare {
  let care: DataCare | null = null;
  let starting: Promise<void> = Promise.resolve();
  const startFor = (app: BottegaApp | null) => {
    const old = care;
    care = null;
    if (old) void old.stop();
    if (!app) return;
    // on the next turn: a restore sets the outcome of its own check right after reopening
    starting = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => live.integrity())
      .then((outcome) => {
        if (outcome.state === 'ok' && live.current() === app && app.ctx.sqlite.open) care = startDataCare(app);
      });
  };
  live.onSwap(startFor);
  startFor(live.current());
  return { quit: async () => starting.then(() => care?.quit()) };
}
