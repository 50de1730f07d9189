/** An expired lot is shown as expired with nothing available for use, on its page and in the item's lot list. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
// the clock moves: lots are received before they expire
let now = new Date('2026-10-01T08:00:00.000Z');
beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: () => now });
});
afterEach(() => {
  app.close();
  t.cleanup();
});

describe('expired lots', () => {
  it('say expired and have 0 available for use; a lot expiring today or later keeps its availability', () => {
    const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio di oliva', kind: 'material', unit: 'l' });
    const [old, today, fresh] = app.call('inventory.receive', {
      lines: [
        { itemId: oil.id, quantity: '2', expiresOn: '2026-10-21' },
        { itemId: oil.id, quantity: '3', expiresOn: '2026-10-22' },
        { itemId: oil.id, quantity: '4', expiresOn: '2027-01-01' },
      ],
    }).lots;
    now = new Date('2026-10-22T08:00:00.000Z');
    const page = app.call('inventory.lot', { lotId: old!.id }).lot;
    expect(page).toMatchObject({ status: 'released', expired: true, onHandMilli: 2000, availableMilli: 0 });
    expect(app.call('inventory.lot', { lotId: today!.id }).lot).toMatchObject({ expired: false, availableMilli: 3000 });
    const listed = app.call('inventory.itemLots', { itemId: oil.id }).lots;
    expect(listed.map((l) => [l.id, l.expired, l.availableMilli])).toEqual(
      expect.arrayContaining([
        [old!.id, true, 0],
        [today!.id, false, 3000],
        [fresh!.id, false, 4000],
      ]),
    );
  });
});
