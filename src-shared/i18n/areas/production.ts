import type { Message } from '../types';

/** Messages of the production screens (Italian is the reference; English has exactly the same keys). */
export const productionIt = {
  'production.board.title': 'Bacheca di produzione',
} as const satisfies Record<string, Message>;

export const productionEn: Readonly<Record<keyof typeof productionIt, Message>> = {
  'production.board.title': 'Production board',
};
