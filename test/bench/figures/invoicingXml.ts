/**
 * `invoicing.xml` (issue 15): one invoice's FatturaPA XML from its frozen document — the
 * largest deferred invoice (most lines and DDTs) of the busiest month of the dataset's last
 * year, issued through the registry in the untimed setup on the working copy.
 */
import { defineFigure } from '../harness';
import { fatturaXml } from '../../../src-main/modules/invoicing/fatturapa/xml';
import { sdiChecks } from '../../../src-main/modules/invoicing/fatturapa/sdiChecks';
import type { InvoiceDocument } from '../../../src-shared/contract/invoiceDocument';
import { customersOf, fiscalData, months } from './invoicing';

export const figures = [
  defineFigure({
    name: 'invoicing.xml',
    what: "fatturaXml of the month's largest deferred invoice (its frozen document, as the export makes it)",
    n: 300,
    warmup: 30,
    goal: { median_ms: 10 },
    scales: ['large', 'small'],
    setup: (env) => {
      const m = months(env)[0];
      if (!m) throw new Error('no DDT in the dataset');
      fiscalData(env, customersOf(env, m.month));
      const res = env.app.invoke('invoicing.issueMonth', { month: m.month });
      if (!res.ok) throw new Error(`invoicing.issueMonth: ${res.error.message}`);
      const id = env.app.ctx.sqlite.prepare("SELECT invoice_id FROM invoice_lines GROUP BY invoice_id ORDER BY count(*) DESC LIMIT 1").pluck().get() as number;
      const doc = env.app.call('invoicing.document', { id }) as InvoiceDocument;
      const problems = sdiChecks(doc, { today: '2999-12-31' });
      if (problems.length) throw new Error(`the document would be rejected: ${problems[0]!.message}`);
      env.log(`invoice ${doc.number}: ${doc.lines.length} lines, ${doc.ddts.length} DDTs, ${fatturaXml(doc, { progressivo: '00001' }).length} characters of XML`);
      return doc;
    },
    run: (_env, doc) => {
      fatturaXml(doc, { progressivo: '00001' });
    },
  }),
];
