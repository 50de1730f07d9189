import type { Message } from '../types';

/** Messages about the data file itself: damage, the writer lock, backups and restore (Italian is the reference). */
export const dataIt = {
  'error.DB_DAMAGED': 'Il file dei dati è danneggiato: ripristina una copia di sicurezza.',
  'error.DB_LOCKED': 'Il file dei dati è già aperto in un altro Bottega: chiudilo prima.',
} satisfies Record<string, Message>;

export const dataEn: Record<keyof typeof dataIt, Message> = {
  'error.DB_DAMAGED': 'The data file is damaged: restore a backup.',
  'error.DB_LOCKED': 'The data file is already open in another Bottega: close it there first.',
};
