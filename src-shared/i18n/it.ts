import type { Message } from './types';
import { commonIt } from './areas/common';
import { catalogIt } from './areas/catalog';
import { inventoryIt } from './areas/inventory';
import { inventoryActionsIt } from './areas/inventoryActions';
import { ordersIt } from './areas/orders';
import { productionIt } from './areas/production';
import { floorIt } from './areas/floor';
import { purchasingIt } from './areas/purchasing';
import { traceIt } from './areas/trace';
import { channelsIt } from './areas/channels';
import { labelsIt } from './areas/labels';
import { desktopIt } from './areas/desktop';
import { dataIt } from './areas/data';
import { backupsIt } from './areas/backups';
import { auditIt } from './areas/audit';
import { versionsIt } from './areas/versions';
import { searchIt } from './areas/search';
import { invoiceFilesIt } from './areas/invoiceFiles';
import { shippingIt } from './areas/shipping';
import { packingIt } from './areas/packing';
import { planningIt } from './areas/planning';
import { todayIt } from './areas/today';
import { priceScreensIt } from './areas/priceScreens';
import { priceTermsIt } from './areas/priceTerms';
import { reportsIt } from './areas/reports';
import { invoicingIt } from './areas/invoicing';
import { paymentsIt } from './areas/payments';
import { lanIt } from './areas/lan';
import { accountsIt } from './areas/accounts';

/**
 * Italian: the reference dictionary. Every key lives here or in an area's file spread
 * below (areas/common.ts holds the words every screen uses); en.ts must have the same
 * keys (the type of `en` is derived from this object). Words follow DOMAIN.md.
 */
export const it = {
  'app.name': 'Bottega',
  'app.tagline': 'Ordini e produzione',

  // first run
  'firstRun.title': 'Benvenuto in Bottega',
  'firstRun.subtitle': 'Ordini, ricette, produzione e spedizioni della tua bottega, in un unico posto. Come vuoi cominciare?',
  'firstRun.empty.title': 'Inizia da zero',
  'firstRun.empty.description': 'Un archivio vuoto: inserisci i tuoi articoli, le ricette e i clienti.',
  'firstRun.empty.action': 'Inizia vuoto',
  'firstRun.demo.title': 'Carica il laboratorio di esempio',
  'firstRun.demo.description': 'Un saponificio di prova con materie prime, ricette, clienti e ordini, per esplorare Bottega senza rischi.',
  'firstRun.demo.action': 'Carica l’esempio',
  'firstRun.demo.failed': 'Non è stato possibile caricare il laboratorio di esempio',
  'firstRun.database': 'Archivio: {path}',

  // dashboard
  'dashboard.quick.title': 'Azioni rapide',
  'dashboard.quick.newItem': 'Nuovo articolo',
  'dashboard.quick.newCustomer': 'Nuovo cliente',
  'dashboard.quick.recipes': 'Apri le ricette',
  'dashboard.quick.palette': 'Palette dei comandi',
  'dashboard.alerts.title': 'Avvisi',
  'dashboard.alerts.body':
    'I lotti in scadenza e gli articoli sotto il punto di riordino compariranno qui, quando arriverà il magazzino.',
  'dashboard.about': 'Bottega {version} · archivio {path}',

  // screens not built yet
  'placeholder.orders.title': 'Qui vivranno gli ordini dei clienti',
  'placeholder.orders.body':
    'Ordini da negozio online, grossisti, telefono ed email: righe, prezzi, IVA e date promesse. Lo stato di ogni ordine si calcolerà dalle sue righe: impegnato, in produzione, pronto, spedito.',
  'placeholder.production.title': 'Qui vivranno gli ordini di produzione',
  'placeholder.production.body':
    'Lotti da produrre a partire dalle ricette, collegati agli ordini che servono: pianificati, rilasciati, in corso, completati. Il consumo effettivo dei lotti di materia prima e il lotto prodotto con la sua scadenza.',
  'placeholder.inventory.title': 'Qui vivrà il magazzino',
  'placeholder.inventory.body':
    'Lotti con codice, scadenza e stato (quarantena, rilasciato, bloccato, richiamato), giacenze e impegni, movimenti di magazzino e avvisi di riordino.',
  'placeholder.shipments.title': 'Qui vivranno le spedizioni',
  'placeholder.shipments.body':
    'Cosa è partito, per quali ordini e da quali lotti: colli, peso, vettore e tracking. Stampa del DDT, della distinta di imballo e delle etichette; resi.',
  'placeholder.traceability.title': 'Qui vivrà la tracciabilità',
  'placeholder.traceability.body':
    'In pochi secondi: cosa è entrato in un lotto prodotto e a quali clienti è arrivato un lotto di materia prima, con numeri di DDT e contatti. Rapporto di richiamo in PDF e CSV.',

  // parties
  'customers.title': 'Clienti',
  'customers.subtitle': 'Negozi, grossisti e privati a cui vendi',
  'customers.new': 'Nuovo cliente',
  'customers.edit': 'Cliente',
  'customers.empty.title': 'Ancora nessun cliente',
  'customers.empty.body': 'Inserisci i clienti con ragione sociale, P.IVA e indirizzi: compariranno su ordini e DDT.',
  'customers.created': 'Cliente creato',
  'suppliers.title': 'Fornitori',
  'suppliers.subtitle': 'Chi ti vende materie prime e imballi',
  'suppliers.new': 'Nuovo fornitore',
  'suppliers.edit': 'Fornitore',
  'suppliers.empty.title': 'Ancora nessun fornitore',
  'suppliers.empty.body': 'Inserisci i fornitori di materie prime e imballi: serviranno per gli ordini di acquisto e la tracciabilità.',
  'suppliers.created': 'Fornitore creato',
  'parties.search': 'Cerca per nome, P.IVA, email o città…',
  'parties.noMatch.title': 'Nessun risultato',
  'parties.noMatch.body': 'Nessuna anagrafica corrisponde alla ricerca «{q}».',
  'parties.saved': 'Modifiche salvate',
  'parties.archivedDone': 'Archiviato',
  'parties.restoredDone': 'Ripristinato',
  'party.col.name': 'Ragione sociale',
  'party.col.vat': 'P.IVA',
  'party.col.city': 'Città',
  'party.col.email': 'Email',
  'party.col.phone': 'Telefono',
  'party.field.name': 'Ragione sociale',
  'party.field.vatNumber': 'P.IVA',
  'party.field.fiscalCode': 'Codice fiscale',
  'party.field.street': 'Indirizzo',
  'party.field.postcode': 'CAP',
  'party.field.city': 'Città',
  'party.field.province': 'Provincia',
  'party.field.country': 'Paese',
  'party.field.email': 'Email',
  'party.field.phone': 'Telefono',
  'party.field.notes': 'Note',
  'party.field.sdiCode': 'Codice destinatario SDI',
  'party.field.sdiCode.hint': '7 caratteri, per la fattura elettronica',
  'party.field.pec': 'PEC',
  'party.field.pec.hint': 'Posta certificata, se non c’è il codice SDI',
  'party.field.language': 'Lingua dei documenti',
  'party.section.main': 'Dati fiscali',
  'party.section.address': 'Sede',
  'party.section.shipping': 'Indirizzo di spedizione (se diverso)',
  'party.section.contacts': 'Contatti',

  // settings
  'settings.title': 'Impostazioni',
  'settings.subtitle': 'Lingua, dati dell’azienda e informazioni sull’archivio',
  'settings.language': 'Lingua',
  'settings.language.hint': 'La lingua dell’interfaccia; numeri, importi e date seguono la stessa scelta.',
  'settings.language.it': 'Italiano',
  'settings.language.en': 'English',
  'settings.language.system': 'Come il sistema',
  'settings.language.saved': 'Lingua cambiata',
  'settings.company': 'Dati dell’azienda',
  'settings.company.hint': 'Compaiono come mittente su DDT, distinte ed etichette.',
  'settings.company.saved': 'Dati dell’azienda salvati',
  'settings.stock': 'Magazzino e produzione',
  'settings.stock.hint': 'Come si chiamano i lotti e come si calcolano le scadenze.',
  'settings.stock.lotPattern': 'Codice lotto',
  'settings.stock.lotPattern.hint': '{yyyy} {yy} anno, {mm} mese, {dd} giorno, {ddd} giorno dell’anno, {n} progressivo, {sku} articolo',
  'settings.stock.lotPattern.invalid': 'Deve contenere {n} e solo i campi indicati',
  'settings.stock.lotPattern.example': 'Esempio di oggi:',
  'settings.stock.expiringDays': 'In scadenza entro (giorni)',
  'settings.stock.expiringDays.hint': 'Un lotto che scade entro questi giorni compare negli avvisi',
  'settings.stock.expiryRule': 'Scadenza del lotto prodotto',
  'settings.stock.expiryRule.shelf_life': 'Data di produzione + durata dell’articolo',
  'settings.stock.expiryRule.earliest_ingredient': 'La scadenza più vicina tra i lotti usati',
  'settings.stock.saved': 'Impostazioni di magazzino salvate',
  'settings.about': 'Informazioni',
  'settings.about.version': 'Versione',
  'settings.about.database': 'Archivio',

  // each area's own file (src-shared/i18n/areas)
  ...commonIt,
  ...catalogIt,
  ...inventoryIt,
  ...inventoryActionsIt,
  ...ordersIt,
  ...productionIt,
  ...floorIt,
  ...purchasingIt,
  ...traceIt,
  ...channelsIt,
  ...labelsIt,
  ...desktopIt,
  ...dataIt,
  ...backupsIt,
  ...auditIt,
  ...versionsIt,
  ...searchIt,
  ...invoiceFilesIt,
  ...shippingIt,
  ...packingIt,
  ...planningIt,
  ...todayIt,
  ...priceScreensIt,
  ...priceTermsIt,
  ...reportsIt,
  ...invoicingIt,
  ...paymentsIt,
  ...lanIt,
  ...accountsIt,
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof it;
