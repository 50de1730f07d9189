/**
 * Prices and terms of the demo workshop (issue 14): the usual payment terms, two customer
 * groups — Erboristerie and Distributori — each with its list and quantity breaks, the
 * herbal shops and a third of the other shops on them, one customer with its own discount
 * and cash on delivery, and a shipping service item. The large scale gives a third of its
 * customers a group (more groups and lists over the larger catalogue) and a few their own
 * list, so the price decision is measured on every path.
 */
import type { Ctx } from '../../api/context';
import { adjustCents } from '../../../src-shared/domain/pricing';
import { formatDecimal } from '../../../src-shared/domain/decimal';
import { demoCall } from '../call';
import type { Rng } from '../rng';
import type { DemoItem, DemoState, DemoStep } from '../types';

const euros = (cents: number) => formatDecimal(cents, 2, { minFractionDigits: 2 });

/** A list's entries: every sold product at `pct` of its sale price, with breaks at lower percentages. */
function entries(products: DemoItem[], pct: number, breaks: readonly (readonly [string, number])[]) {
  return products.map((p) => ({
    itemId: p.id,
    price: euros(adjustCents(p.salePriceCents!, (pct - 100) * 100)),
    breaks: breaks.map(([from, bp]) => ({ fromQuantity: from, price: euros(adjustCents(p.salePriceCents!, (bp - 100) * 100)) })),
  }));
}

export const pricesStep: DemoStep = {
  name: 'prices',
  run(ctx: Ctx, rng: Rng, state: DemoState) {
    const y = state.baseDate.getUTCFullYear();
    const terms = {
      rimessa: demoCall(ctx, 'prices.createPaymentTerms', { name: 'Rimessa diretta', method: 'MP05', days: [0] }).id,
      bonifico: demoCall(ctx, 'prices.createPaymentTerms', { name: 'Bonifico 30 gg DF', method: 'MP05', days: [30] }).id,
      riba: demoCall(ctx, 'prices.createPaymentTerms', { name: 'RiBa 30/60 gg DFFM', method: 'MP12', days: [30, 60], endOfMonth: true }).id,
      contrassegno: demoCall(ctx, 'prices.createPaymentTerms', { name: 'Contrassegno', method: 'MP01', days: [0], cashOnDelivery: true }).id,
    };
    demoCall(ctx, 'catalog.createItem', { sku: 'SPEDIZIONE', name: 'Spese di trasporto', kind: 'service', unit: 'pcs', lotTracked: false, salePrice: '9,90' });
    demoCall(ctx, 'catalog.createItem', { sku: 'IMBALLO-REGALO', name: 'Confezione regalo', kind: 'service', unit: 'pcs', lotTracked: false, salePrice: '3,50' });
    demoCall(ctx, 'catalog.createItem', { sku: 'SUPPL-PICCOLO-ORDINE', name: 'Supplemento piccolo ordine', kind: 'service', unit: 'pcs', lotTracked: false, salePrice: '5,00' });

    const sold = state.items.filter((i) => i.kind === 'product' && !i.archived && i.salePriceCents !== null && i.salePriceCents > 0);
    const validFrom = `${y}-01-01`;
    const list = (name: string, pct: number, breaks: readonly (readonly [string, number])[], products: DemoItem[], freeShippingOver: string | null) => {
      const id = demoCall(ctx, 'prices.createList', { name, validFrom, freeShippingOver }).id;
      for (let i = 0; i < products.length; i += 2000) demoCall(ctx, 'prices.setPrices', { listId: id, entries: entries(products.slice(i, i + 2000), pct, breaks) });
      return id;
    };
    const erboList = list(`Erboristerie ${y}`, 70, [['24', 65], ['48', 62]], sold, '150');
    const distList = list(`Distributori ${y}`, 55, [['100', 52], ['250', 50]], sold, '400');
    const groups = [
      demoCall(ctx, 'prices.createGroup', { name: 'Erboristerie', priceListIds: [erboList], paymentTermsId: terms.bonifico, notes: 'Listino erboristerie, spedizione gratuita da 150 €' }).id,
      demoCall(ctx, 'prices.createGroup', { name: 'Distributori', priceListIds: [distList], paymentTermsId: terms.riba, discounts: '5' }).id,
    ];
    let lists = 2;
    if (state.scale === 'large') {
      // more groups over the large catalogue: regional wholesalers, pharmacies, hotels
      for (const [name, pct, termsId] of [
        ['Farmacie', 68, terms.riba],
        ['Hotel e SPA', 60, terms.bonifico],
        ['Grossisti Nord', 50, terms.riba],
        ['Grossisti Sud', 52, terms.riba],
      ] as const) {
        const id = list(`${name} ${y}`, pct, [['50', pct - 3], ['200', pct - 6]], sold.filter(() => rng.chance(0.8)), null);
        groups.push(demoCall(ctx, 'prices.createGroup', { name, priceListIds: [id], paymentTermsId: termsId, discounts: rng.chance(0.5) ? '3' : '' }).id);
        lists++;
      }
    }

    let grouped = 0;
    let own = 0;
    const shops = state.customers.filter((c) => c.profile !== 'private' && c.profile !== 'foreign');
    shops.forEach((c, i) => {
      let groupId: number | null = null;
      if (state.scale === 'small') {
        if (c.profile === 'herbalist') groupId = groups[0]!;
        else if (i % 3 === 0) groupId = groups[1]!;
      } else if (i % 3 === 0 || c.profile === 'herbalist') {
        groupId = groups[i % groups.length]!;
      }
      if (groupId === null) return;
      grouped++;
      // one herbal shop in three negotiated "10+5" and pays cash on delivery
      const special = c.profile === 'herbalist' && grouped % 3 === 1;
      let priceListIds: number[] = [];
      if (state.scale === 'large' && grouped % 10 === 0) {
        const mine = list(`Listino ${c.name}`.slice(0, 120), 58, [['30', 55]], sold.filter(() => rng.chance(0.3)), null);
        priceListIds = [mine];
        own++;
        lists++;
      }
      demoCall(ctx, 'prices.setCustomerTerms', {
        customerId: c.id,
        groupId,
        priceListIds,
        paymentTermsId: special ? terms.contrassegno : null,
        discounts: special ? '10+5' : null,
      });
    });
    void terms.rimessa;
    // items: the three service items, added to the catalogue step's count
    return { items: 3, paymentTerms: 4, priceLists: lists, customerGroups: groups.length, customersInGroups: grouped, customersWithOwnList: own };
  },
};
