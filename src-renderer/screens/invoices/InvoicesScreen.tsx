/** #/invoices (the list), #/invoices/month (invoice the month), #/invoices/new (a draft without DDT), #/invoices/12 (one invoice). */
import { useRoute } from '../../router';
import { InvoiceList } from './InvoiceList';
import { InvoiceMonth } from './InvoiceMonth';
import { InvoicePage } from './InvoicePage';
import { NewInvoice } from './NewInvoice';

export function InvoicesScreen() {
  const { segments, query } = useRoute();
  if (segments[1] === 'month') return <InvoiceMonth initialMonth={query.get('month')} />;
  if (segments[1] === 'new') return <NewInvoice />;
  const id = Number(segments[1]);
  if (segments[1] && Number.isInteger(id) && id > 0) return <InvoicePage key={id} id={id} />;
  return <InvoiceList />;
}
