import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type BottegaApp } from '../../../src-main/api/app';
import { renderStoredDdtSync } from '../../../src-main/modules/shipping/savedCopies';
import { remakeMissingDdtCopies } from '../../../src-main/modules/shipping/copyRecovery';
import { sameDocument } from '../../../src-main/documents/sameDocument';
import { tempDir } from '../../support/tempDir';
import { fillCompany, readyOrder, resetWorkshop } from './workshop';

let t: ReturnType<typeof tempDir>;
const open: BottegaApp[] = [];
function app(name: string, company = 'Saponificio Aurora S.r.l.'): BottegaApp {
  resetWorkshop();
  const a = createApp(join(t.dir, `${name}.db`), { now: () => new Date('2026-10-22T08:00:00.000Z') });
  open.push(a);
  fillCompany(a);
  a.call('settings.update', { company: { name: company } });
  return a;
}
/** Confirmed through invokeAsync, the entry of every door (HTTP, Electron, the CLI's call). */
async function ship(a: BottegaApp) {
  const w = readyOrder(a);
  const proposal = a.call('shipping.proposal', { orderIds: [w.order.id] });
  const draft = a.call('shipping.create', {
    lines: proposal.lines.flatMap((l) => l.lots.map((lot) => ({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: String(lot.qtyMilli / 1000) }))),
    packages: [{ count: 1, appearance: 'scatola', tare: '0,2' }],
    transportBy: 'sender',
  });
  return a.callAsync('shipping.confirm', { id: draft.id, transportStart: '2026-10-22T15:30' });
}
const ddtDir = (name: string) => join(t.dir, 'documents', name, 'DDT');

beforeEach(() => {
  t = tempDir();
});
afterEach(() => {
  for (const a of open.splice(0)) if (a.ctx.sqlite.open) a.close();
  t.cleanup();
});

describe('saved DDT copies', () => {
  it('the copy is on disk when the confirming command answers through a door, and equals a fresh render', async () => {
    const a = app('shop');
    const s = await ship(a);
    const file = join(ddtDir('shop'), 'DDT-2026-00001.pdf');
    expect(existsSync(file)).toBe(true);
    expect(sameDocument(readFileSync(file), renderStoredDdtSync(a.ctx, s.ddt!.id).pdf)).toBe(true);
    expect(readdirSync(ddtDir('shop')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('through the synchronous invoke (code in this process), the copy follows on the next turn of the event loop', async () => {
    const a = app('shop');
    const w = readyOrder(a);
    const proposal = a.call('shipping.proposal', { orderIds: [w.order.id] });
    const draft = a.call('shipping.create', {
      lines: proposal.lines.flatMap((l) => l.lots.map((lot) => ({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: String(lot.qtyMilli / 1000) }))),
      packages: [{ count: 1, appearance: 'scatola', tare: '0,2' }],
      transportBy: 'sender',
    });
    a.call('shipping.confirm', { id: draft.id });
    const file = join(ddtDir('shop'), 'DDT-2026-00001.pdf');
    expect(existsSync(file)).toBe(false);
    await new Promise((r) => setImmediate(r));
    expect(existsSync(file)).toBe(true);
  });

  it('two databases in one folder both issue DDT 1/2026: each keeps its own copy in its own folder', async () => {
    const a = app('shop', 'Saponificio Aurora S.r.l.');
    const b = app('lab', 'Laboratorio Borea S.r.l.');
    const sa = await ship(a);
    const sb = await ship(b);
    expect(sa.ddt!.number).toBe(sb.ddt!.number);
    const fa = readFileSync(join(ddtDir('shop'), 'DDT-2026-00001.pdf'));
    const fb = readFileSync(join(ddtDir('lab'), 'DDT-2026-00001.pdf'));
    expect(sameDocument(fa, renderStoredDdtSync(a.ctx, sa.ddt!.id).pdf)).toBe(true);
    expect(sameDocument(fb, renderStoredDdtSync(b.ctx, sb.ddt!.id).pdf)).toBe(true);
    expect(sameDocument(fa, fb)).toBe(false);
    expect(existsSync(join(t.dir, 'documents', 'DDT'))).toBe(false);
  });

  it('a different file already at the name is kept; this DDT gets the next name, and a reprint finds it', async () => {
    const folder = ddtDir('shop');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'DDT-2026-00001.pdf'), 'someone else’s document');
    const a = app('shop');
    const s = await ship(a);
    expect(readFileSync(join(folder, 'DDT-2026-00001.pdf'), 'utf8')).toBe('someone else’s document');
    const mine = join(folder, 'DDT-2026-00001 (2).pdf');
    expect(sameDocument(readFileSync(mine), renderStoredDdtSync(a.ctx, s.ddt!.id).pdf)).toBe(true);
    expect((await a.callAsync('shipping.ddtPdf', { shipmentId: s.id })).savedPath).toBe(mine);
    expect(readdirSync(folder).filter((f) => f.endsWith('.pdf')).sort()).toEqual(['DDT-2026-00001 (2).pdf', 'DDT-2026-00001.pdf']);
  });

  it('old copies in documents/DDT move to the only database beside them at its first start', async () => {
    const a = app('shop');
    const s = await ship(a);
    const pdf = renderStoredDdtSync(a.ctx, s.ddt!.id).pdf;
    a.close();
    // as an older version left it: the shared folder, no per-database one
    const legacy = join(t.dir, 'documents', 'DDT');
    mkdirSync(legacy, { recursive: true });
    writeFileSync(join(legacy, 'DDT-2026-00001.pdf'), pdf);
    writeFileSync(join(legacy, 'DDT-2025-00007.pdf'), 'an older year, still this workshop’s');
    rmSync(join(t.dir, 'documents', 'shop'), { recursive: true });
    const again = createApp(join(t.dir, 'shop.db'));
    open.push(again);
    expect(remakeMissingDdtCopies(again.ctx).remade).toEqual([]);
    expect(readdirSync(ddtDir('shop')).filter((f) => f.endsWith('.pdf')).sort()).toEqual(['DDT-2025-00007.pdf', 'DDT-2026-00001.pdf']);
    expect(readFileSync(join(ddtDir('shop'), 'DDT-2026-00001.pdf')).equals(pdf)).toBe(true);
    expect(readdirSync(legacy)).toEqual([]);
  });

  it('with two databases, a copy moves to the one that issued that number alone; a number both issued stays, and each re-makes its own', async () => {
    const a = app('shop', 'Saponificio Aurora S.r.l.');
    const b = app('lab', 'Laboratorio Borea S.r.l.');
    const sa1 = await ship(a);
    await ship(a); // 2/2026 only in shop
    await ship(b); // 1/2026 in both
    const shared = renderStoredDdtSync(b.ctx, sb1Id(b)).pdf; // the defect: lab's copy overwrote shop's
    const only = renderStoredDdtSync(a.ctx, sa1.ddt!.id + 1).pdf;
    a.close();
    b.close();
    rmSync(join(t.dir, 'documents', 'shop'), { recursive: true });
    rmSync(join(t.dir, 'documents', 'lab'), { recursive: true });
    const legacy = join(t.dir, 'documents', 'DDT');
    mkdirSync(legacy, { recursive: true });
    writeFileSync(join(legacy, 'DDT-2026-00001.pdf'), shared);
    writeFileSync(join(legacy, 'DDT-2026-00002.pdf'), only);
    const shop = createApp(join(t.dir, 'shop.db'));
    const lab = createApp(join(t.dir, 'lab.db'));
    open.push(shop, lab);
    const r = remakeMissingDdtCopies(shop.ctx);
    expect(r.remade).toEqual([join(ddtDir('shop'), 'DDT-2026-00001.pdf')]);
    remakeMissingDdtCopies(lab.ctx);
    expect(readFileSync(join(ddtDir('shop'), 'DDT-2026-00002.pdf')).equals(only)).toBe(true);
    expect(sameDocument(readFileSync(join(ddtDir('shop'), 'DDT-2026-00001.pdf')), renderStoredDdtSync(shop.ctx, sa1.ddt!.id).pdf)).toBe(true);
    expect(sameDocument(readFileSync(join(ddtDir('lab'), 'DDT-2026-00001.pdf')), shared)).toBe(true);
    // the ambiguous old file is left for the user, untouched
    expect(readdirSync(legacy)).toEqual(['DDT-2026-00001.pdf']);
  });
});

function sb1Id(b: BottegaApp): number {
  return (b.ctx.sqlite.prepare('SELECT id FROM ddts WHERE number = ?').get('1/2026') as { id: number }).id;
}
