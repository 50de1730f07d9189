/**
 * The small workshop's shipments, through the real commands: every order that was ready
 * to ship before the last few days leaves one to three working days after its goods were
 * allocated, with packages, weight, a carrier and a tracking number, each with its DDT
 * (numbered in date order); a few come back (reso) a week or so later, restocked or
 * scrapped, some collected with a return DDT. The last days' ready orders stay ready, so
 * the shipping screen has work on it. Sets the company data a DDT needs, if empty.
 */
import { addDays, localDate } from '../../../src-shared/domain/dates';
import { partitaIvaCheckDigit } from '../../../src-shared/domain/italianTax';
import type { Ctx } from '../../api/context';
import { readSettings } from '../../modules/settings/store';
import { atTime, demoCall } from '../call';
import { weekday, workTime } from '../paperwork';
import type { Rng } from '../rng';
import type { DemoStep } from '../types';

const CARRIERS = [
  ['BRT', 'Express', 'BRT'],
  ['GLS', 'Business Parcel', 'GLS'],
  ['SDA', 'Extra Large', 'SDA'],
  ['Poste Italiane', 'Crono', 'PI'],
] as const;
/** orders made ready this many days before today are still waiting to leave */
const KEEP_READY_DAYS = 4;

function workingDayAfter(day: string, days: number): string {
  let d = addDays(day, days);
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1);
  return d;
}

export function fillDemoCompany(ctx: Ctx): void {
  if (readSettings(ctx).company.vatNumber !== '') return;
  const first10 = '0123456001';
  demoCall(ctx, 'settings.update', {
    company: {
      name: 'Saponificio Bottega S.r.l.',
      vatNumber: first10 + String(partitaIvaCheckDigit(first10)),
      street: 'Via delle Fornaci, 8',
      postcode: '53100',
      city: 'Siena',
      province: 'SI',
      country: 'IT',
      email: 'ordini@saponificiobottega.example',
      phone: '0577 123456',
    },
  });
}

type Event = { day: string; minutes: number; run: (ctx: Ctx) => void };

function shipOrder(ctx: Ctx, rng: Rng, orderId: number, day: string, returns: Event[], today: string): boolean {
  const proposal = demoCall(ctx, 'shipping.proposal', { orderIds: [orderId] });
  if (proposal.lines.length === 0 || proposal.lines.some((l) => l.lots.some((lot) => lot.expiresOn !== null && lot.expiresOn < day))) return false;
  const [carrier, service, prefix] = rng.pick(CARRIERS);
  const lines = proposal.lines.flatMap((l) => l.lots.map((lot) => ({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: String(lot.qtyMilli / 1000) })));
  const draft = demoCall(ctx, 'shipping.create', {
    lines,
    packages: [{ count: Math.max(1, Math.ceil(lines.length / 3)), appearance: 'scatole di cartone', tare: '0,35' }],
    grossWeight: proposal.netWeightG === null ? String(1 + lines.length) : null,
    carrier,
    carrierService: service,
    trackingNumber: `${prefix}${rng.digits(10)}`,
    transportBy: 'carrier',
  });
  const shipped = demoCall(ctx, 'shipping.confirm', { id: draft.id });
  const back = workingDayAfter(day, rng.int(5, 12));
  if (rng.chance(0.08) && back <= today) {
    const line = rng.pick(shipped.lines);
    const collected = rng.chance(0.4);
    returns.push({
      day: back,
      minutes: rng.int(60, 300),
      run: (at) =>
        demoCall(at, 'shipping.createReturn', {
          shipmentId: shipped.id,
          reason: rng.pick(['Confezione danneggiata nel trasporto', 'Articolo sbagliato', 'Ordine doppio', 'Reso per recesso']),
          collected,
          packageCount: collected ? 1 : undefined,
          appearance: collected ? 'scatola' : '',
          lines: [{ shipmentLineId: line.id, quantity: String(Math.max(1, Math.floor(line.qtyMilli / 2000))), disposition: rng.chance(0.5) ? 'restock' : 'scrap' }],
        }),
    });
  }
  return true;
}

export const workshopShipmentsStep: DemoStep = {
  name: 'workshop-shipments',
  run: (ctx, rng, state): Record<string, number> => {
    if (state.scale !== 'small') return {};
    fillDemoCompany(ctx);
    const today = localDate(ctx.now());
    const ready = ctx.sqlite
      .prepare(
        `SELECT o.id, max(r.created_at) AS allocatedAt FROM customer_orders o JOIN reservations r ON r.doc_type = 'customer_order' AND r.doc_id = o.id AND r.qty_milli > 0
         WHERE o.status = 'ready_to_ship' GROUP BY o.id ORDER BY o.id`,
      )
      .all() as { id: number; allocatedAt: string }[];
    const events: Event[] = [];
    const returns: Event[] = [];
    let shipments = 0;
    for (const o of ready) {
      const day = workingDayAfter(localDate(new Date(o.allocatedAt)), rng.int(1, 3));
      if (day > addDays(today, -KEEP_READY_DAYS)) continue;
      events.push({ day, minutes: rng.int(420, 560), run: (at) => void (shipOrder(at, rng, o.id, day, returns, today) && shipments++) });
    }
    // in date order, so DDT numbers grow with their dates; returns join the timeline as they are made
    const byTime = (a: Event, b: Event) => (a.day === b.day ? a.minutes - b.minutes : a.day < b.day ? -1 : 1);
    events.sort(byTime);
    const queue = [...events];
    let n = 0;
    while (queue.length > 0) {
      const e = queue.shift()!;
      e.run(atTime(ctx, workTime(e.day, e.minutes)));
      if (returns.length > 0) {
        queue.push(...returns.splice(0));
        queue.sort(byTime);
        n++;
      }
    }
    return { shipments, returns: n };
  },
};
