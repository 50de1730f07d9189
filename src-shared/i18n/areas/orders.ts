import type { Message } from '../types';

/** Messages of the orders screens (Italian is the reference; English has exactly the same keys). */
export const ordersIt = {
  'orders.new.title': 'Nuovo ordine',
} as const satisfies Record<string, Message>;

export const ordersEn: Readonly<Record<keyof typeof ordersIt, Message>> = {
  'orders.new.title': 'New order',
};
