/**
 * Helpers the figure files share. It has no figures of its own (run.ts loads every file
 * here, so it exports an empty list rather than none).
 */
import type { Contract, InputOf, OperationName, OutputOf } from '../../../src-shared/contract';
import type { BenchEnv, BenchFigure } from '../harness';

export const figures: BenchFigure[] = [];

/** An operation through the registry, as every door calls it; an error envelope throws (the figure reports it). */
export function call<K extends OperationName>(env: BenchEnv, name: K, input: InputOf<Contract[K]>): OutputOf<Contract[K]> {
  const res = env.app.invoke(name, input);
  if (!res.ok) throw new Error(`${name}: ${res.error.code} ${res.error.message}`);
  return res.data as OutputOf<Contract[K]>;
}

/**
 * The demo's "today": the day its history ends (the benchmark builds it with the clock at
 * 2026-01-01), which is not the day the benchmark runs. Figures that read dated data ask
 * for this day where the question has a date.
 */
export function dataToday(env: BenchEnv): string {
  const d = env.app.ctx.sqlite.prepare('SELECT max(ordered_on) FROM customer_orders').pluck().get() as string | null;
  return d ?? new Date().toISOString().slice(0, 10);
}

/** Receives plenty of every given item today (quarantined lots are released), so the runs never lack material. */
export function stockUp(env: BenchEnv, items: { id: number; unit: string }[], quantity: (unit: string) => string): void {
  const db = env.app.ctx.sqlite;
  const supplierId = db.prepare('SELECT id FROM suppliers ORDER BY id LIMIT 1').pluck().get() as number;
  for (let i = 0; i < items.length; i += 100) {
    const chunk = items.slice(i, i + 100);
    const res = call(env, 'inventory.receive', {
      supplierId,
      supplierDdtNumber: `BENCH-SETUP ${i}`,
      lines: chunk.map((it) => ({ itemId: it.id, quantity: quantity(it.unit), unitCost: '1' })),
    });
    for (const lot of res.lots) if (lot.status === 'quarantine') call(env, 'inventory.releaseLot', { lotId: lot.id });
  }
}
