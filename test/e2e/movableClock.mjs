// Preloaded into a test's server (node --import): "now" is the instant written in the file
// BOTTEGA_CLOCK_FILE, read at each call, so a test can ship DDTs in one month and then
// invoice them "in the next one" by rewriting the file. Only Date moves: timers run as usual.
import { readFileSync } from 'node:fs';

const file = process.env.BOTTEGA_CLOCK_FILE;
if (!file) throw new Error('movableClock.mjs needs BOTTEGA_CLOCK_FILE (a file holding an ISO instant)');
const RealDate = Date;
const now = () => {
  const t = RealDate.parse(readFileSync(file, 'utf8').trim());
  if (Number.isNaN(t)) throw new Error(`${file} does not hold an ISO instant`);
  return t;
};
class MovableDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(now());
    else super(...args);
  }
  static now() {
    return now();
  }
}
globalThis.Date = MovableDate;
