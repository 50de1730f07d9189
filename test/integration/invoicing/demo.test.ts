import { afterAll, describe, expect, it } from 'vitest';
import { demoApp, removeTempDbs, tempDbPath } from '../../builders';

afterAll(removeTempDbs);

describe('the demo workshop has invoices', () => {
  it('three months invoiced (TD24), a credit note, payments, and some instalments overdue', () => {
    const app = demoApp({ path: tempDbPath() });
    try {
      const td24 = app.call('invoicing.list', { kind: 'TD24', limit: 1000 });
      const months = new Set(td24.invoices.map((i) => i.periodMonth));
      expect(months.size).toBe(3);
      expect(app.call('invoicing.list', { kind: 'TD04' }).invoices.map((i) => i.state)).toEqual(['issued']);
      const paid = app.call('invoicing.instalments', { state: 'paid' });
      const overdue = app.call('invoicing.instalments', { state: 'overdue' });
      expect(paid.total).toBeGreaterThan(0);
      expect(overdue.totals.overdueCents).toBeGreaterThan(0);
      for (const i of td24.invoices.slice(0, 5)) expect(app.call('invoicing.document', { id: i.id }).number).toBe(i.number);
    } finally {
      app.close();
    }
  });
});
