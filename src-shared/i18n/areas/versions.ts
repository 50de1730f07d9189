import type { Message } from '../types';

/** Several people at once: a document changed elsewhere since it was opened (issue 20). Italian is the reference. */
export const versionsIt = {
  'versions.conflict.title': 'Modificato da {who} alle {time} — ricarica',
  'versions.conflict.titleOnDay': 'Modificato da {who} il {time} — ricarica',
  'versions.conflict.titleNobody': 'Modificato su un altro dispositivo — ricarica',
  'versions.conflict.body':
    'Qualcuno ha salvato questo documento dopo che l’hai aperto, e le tue modifiche non sono state salvate. Restano qui finché non premi Ricarica, che mostra la versione salvata: copia prima quello che vuoi riportare.',
  'versions.conflict.reload': 'Ricarica',
  'error.CONFLICT.version': 'Modificato da {who} alle {time}: ricarica e riprova.',
} as const;

export const versionsEn: Record<keyof typeof versionsIt, Message> = {
  'versions.conflict.title': 'Changed by {who} at {time} — reload',
  'versions.conflict.titleOnDay': 'Changed by {who} on {time} — reload',
  'versions.conflict.titleNobody': 'Changed on another device — reload',
  'versions.conflict.body':
    'Someone saved this document after you opened it, and your changes were not saved. They stay on screen until you press Reload, which shows the saved version: copy first anything you want to bring back.',
  'versions.conflict.reload': 'Reload',
  'error.CONFLICT.version': 'Changed by {who} at {time}: reload and try again.',
};
