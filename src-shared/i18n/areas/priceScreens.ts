import type { Message } from '../types';

/** Messages of the price screens (lists, groups, payment terms), the customer's terms and the order editor's prices and margins. */
export const priceScreensIt = {
  'settings.margins': 'Margini',
  'settings.margins.hint': 'Nell’ordine, una riga o un totale con un margine sotto questa soglia compare in rosso. Il margine è la parte del prezzo netto che resta dopo il costo di ricetta.',
  'settings.margins.warnBelow': 'Segnala margini sotto',
  'settings.margins.invalid': 'Scrivi una percentuale da 0 a 100',
  'settings.margins.saved': 'Soglia dei margini salvata',

  'orders.margin': 'Margine',
  'orders.margin.line': 'Margine {pct} · {amount}',
  'orders.margin.unknownCost': 'Costo non noto',
  'orders.margin.unknownCost.hint': 'Il costo di ricetta di questo articolo non è noto (mancano costi di materie prime): il margine non si può calcolare.',
  'orders.margin.tooltip': 'Costo di ricetta {cost} · margine {amount} ({pct}) sul netto',
  'orders.margin.under': 'Sotto la soglia del {threshold}',
  'orders.margin.total': 'Margine',
  'orders.margin.totalUnknown': '{count, plural, one {# riga senza costo noto, esclusa dal margine} other {# righe senza costo noto, escluse dal margine}}',
} as const satisfies Record<string, Message>;

export const priceScreensEn: Readonly<Record<keyof typeof priceScreensIt, Message>> = {
  'settings.margins': 'Margins',
  'settings.margins.hint': 'In an order, a line or a total whose margin is under this threshold shows in red. The margin is the share of the net price left after the recipe cost.',
  'settings.margins.warnBelow': 'Flag margins under',
  'settings.margins.invalid': 'Type a percentage from 0 to 100',
  'settings.margins.saved': 'Margin threshold saved',

  'orders.margin': 'Margin',
  'orders.margin.line': 'Margin {pct} · {amount}',
  'orders.margin.unknownCost': 'Cost unknown',
  'orders.margin.unknownCost.hint': 'The recipe cost of this item is not known (some materials have no cost): the margin cannot be worked out.',
  'orders.margin.tooltip': 'Recipe cost {cost} · margin {amount} ({pct}) of the net',
  'orders.margin.under': 'Under the {threshold} threshold',
  'orders.margin.total': 'Margin',
  'orders.margin.totalUnknown': '{count, plural, one {# line without a known cost, left out of the margin} other {# lines without a known cost, left out of the margin}}',
};
