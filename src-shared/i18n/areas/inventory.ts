import type { Message } from '../types';

/** Messages of the inventory screens (Italian is the reference; English has exactly the same keys). */
export const inventoryIt = {
  'inventory.receive.title': 'Carico merce',
} as const satisfies Record<string, Message>;

export const inventoryEn: Readonly<Record<keyof typeof inventoryIt, Message>> = {
  'inventory.receive.title': 'Receive goods',
};
