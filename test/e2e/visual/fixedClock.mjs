// Preloaded into the visual set's server (node --import): every "now" of the process is
// one fixed instant, so the demo workshop it builds, "today" on the schedule and every
// date on the screens are the same on every run and every day. Only Date is stopped:
// timers still run, so the server works as usual.
const FIXED = Date.parse(process.env.BOTTEGA_FIXED_NOW ?? '');
if (Number.isNaN(FIXED)) throw new Error('fixedClock.mjs needs BOTTEGA_FIXED_NOW (an ISO instant)');

const RealDate = Date;
class FixedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(FIXED);
    else super(...args);
  }
  static now() {
    return FIXED;
  }
}
globalThis.Date = FixedDate;
