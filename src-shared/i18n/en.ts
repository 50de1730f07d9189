import type { MessageKey } from './it';
import type { Message } from './types';
import { commonEn } from './areas/common';
import { catalogEn } from './areas/catalog';
import { inventoryEn } from './areas/inventory';
import { inventoryActionsEn } from './areas/inventoryActions';
import { ordersEn } from './areas/orders';
import { productionEn } from './areas/production';
import { floorEn } from './areas/floor';
import { purchasingEn } from './areas/purchasing';
import { traceEn } from './areas/trace';
import { channelsEn } from './areas/channels';
import { labelsEn } from './areas/labels';
import { desktopEn } from './areas/desktop';
import { dataEn } from './areas/data';
import { backupsEn } from './areas/backups';
import { auditEn } from './areas/audit';
import { versionsEn } from './areas/versions';
import { searchEn } from './areas/search';
import { invoiceFilesEn } from './areas/invoiceFiles';
import { shippingEn } from './areas/shipping';
import { packingEn } from './areas/packing';
import { planningEn } from './areas/planning';
import { todayEn } from './areas/today';
import { priceScreensEn } from './areas/priceScreens';
import { priceTermsEn } from './areas/priceTerms';
import { reportsEn } from './areas/reports';
import { invoicingEn } from './areas/invoicing';
import { paymentsEn } from './areas/payments';
import { lanEn } from './areas/lan';
import { accountsEn } from './areas/accounts';

/** English: exactly the keys of it.ts (a missing or extra key is a type error). */
export const en: Readonly<Record<MessageKey, Message>> = {
  'app.name': 'Bottega',
  'app.tagline': 'Orders and production',

  'firstRun.title': 'Welcome to Bottega',
  'firstRun.subtitle': 'Orders, recipes, production and shipping for your workshop, in one place. How would you like to start?',
  'firstRun.empty.title': 'Start from scratch',
  'firstRun.empty.description': 'An empty database: enter your own items, recipes and customers.',
  'firstRun.empty.action': 'Start empty',
  'firstRun.demo.title': 'Load the demo workshop',
  'firstRun.demo.description': 'A sample soap workshop with materials, recipes, customers and orders, to explore Bottega safely.',
  'firstRun.demo.action': 'Load the demo',
  'firstRun.demo.failed': 'The demo workshop could not be loaded',
  'firstRun.database': 'Database: {path}',

  'dashboard.quick.title': 'Quick actions',
  'dashboard.quick.newItem': 'New item',
  'dashboard.quick.newCustomer': 'New customer',
  'dashboard.quick.recipes': 'Open recipes',
  'dashboard.quick.palette': 'Command palette',
  'dashboard.alerts.title': 'Alerts',
  'dashboard.alerts.body': 'Expiring lots and items below their reorder point will show up here once inventory arrives.',
  'dashboard.about': 'Bottega {version} · database {path}',

  'placeholder.orders.title': 'Customer orders will live here',
  'placeholder.orders.body':
    'Orders from the web shop, wholesalers, phone and email: lines, prices, VAT and promised dates. Each order’s status will follow from its lines: reserved, in production, ready, shipped.',
  'placeholder.production.title': 'Production orders will live here',
  'placeholder.production.body':
    'Batches to make from recipes, linked to the orders they serve: planned, released, in progress, completed. The material lots actually consumed and the lot produced, with its expiry.',
  'placeholder.inventory.title': 'Inventory will live here',
  'placeholder.inventory.body':
    'Lots with code, expiry and status (quarantine, released, blocked, recalled), stock on hand and reservations, stock movements and reorder alerts.',
  'placeholder.shipments.title': 'Shipments will live here',
  'placeholder.shipments.body':
    'What left, for which orders and from which lots: packages, weight, carrier and tracking. Delivery notes (DDT), packing slips and labels; returns.',
  'placeholder.traceability.title': 'Traceability will live here',
  'placeholder.traceability.body':
    'In seconds: what went into a finished lot, and which customers received a material lot, with delivery note numbers and contacts. Recall report as PDF and CSV.',

  'customers.title': 'Customers',
  'customers.subtitle': 'Shops, wholesalers and people you sell to',
  'customers.new': 'New customer',
  'customers.edit': 'Customer',
  'customers.empty.title': 'No customers yet',
  'customers.empty.body': 'Enter customers with company name, VAT number and addresses: they will appear on orders and delivery notes.',
  'customers.created': 'Customer created',
  'suppliers.title': 'Suppliers',
  'suppliers.subtitle': 'Who sells you materials and packaging',
  'suppliers.new': 'New supplier',
  'suppliers.edit': 'Supplier',
  'suppliers.empty.title': 'No suppliers yet',
  'suppliers.empty.body': 'Enter the suppliers of your materials and packaging: purchase orders and traceability will need them.',
  'suppliers.created': 'Supplier created',
  'parties.search': 'Search by name, VAT number, email or city…',
  'parties.noMatch.title': 'Nothing found',
  'parties.noMatch.body': 'No record matches “{q}”.',
  'parties.saved': 'Changes saved',
  'parties.archivedDone': 'Archived',
  'parties.restoredDone': 'Restored',
  'party.col.name': 'Company name',
  'party.col.vat': 'VAT number',
  'party.col.city': 'City',
  'party.col.email': 'Email',
  'party.col.phone': 'Phone',
  'party.field.name': 'Company name',
  'party.field.vatNumber': 'VAT number (P.IVA)',
  'party.field.fiscalCode': 'Tax code (codice fiscale)',
  'party.field.street': 'Address',
  'party.field.postcode': 'Postcode',
  'party.field.city': 'City',
  'party.field.province': 'Province',
  'party.field.country': 'Country',
  'party.field.email': 'Email',
  'party.field.phone': 'Phone',
  'party.field.notes': 'Notes',
  'party.field.sdiCode': 'SDI recipient code',
  'party.field.sdiCode.hint': '7 characters, for Italian e-invoices',
  'party.field.pec': 'PEC (certified email)',
  'party.field.pec.hint': 'Used for e-invoices when there is no SDI code',
  'party.field.language': 'Language of documents',
  'party.section.main': 'Tax details',
  'party.section.address': 'Registered address',
  'party.section.shipping': 'Shipping address (if different)',
  'party.section.contacts': 'Contacts',

  'settings.title': 'Settings',
  'settings.subtitle': 'Language, company details and database information',
  'settings.language': 'Language',
  'settings.language.hint': 'The language of the interface; numbers, amounts and dates follow it.',
  'settings.language.it': 'Italiano',
  'settings.language.en': 'English',
  'settings.language.system': 'Same as the system',
  'settings.language.saved': 'Language changed',
  'settings.company': 'Company details',
  'settings.company.hint': 'Printed as the sender on delivery notes, packing slips and labels.',
  'settings.company.saved': 'Company details saved',
  'settings.stock': 'Stock and production',
  'settings.stock.hint': 'How lots are named and how expiry dates are set.',
  'settings.stock.lotPattern': 'Lot code',
  'settings.stock.lotPattern.hint': '{yyyy} {yy} year, {mm} month, {dd} day, {ddd} day of year, {n} sequence, {sku} item',
  'settings.stock.lotPattern.invalid': 'Must contain {n} and only the fields listed',
  'settings.stock.lotPattern.example': 'Today’s example:',
  'settings.stock.expiringDays': 'Expiring within (days)',
  'settings.stock.expiringDays.hint': 'A lot expiring within these days shows in the alerts',
  'settings.stock.expiryRule': 'Expiry of a produced lot',
  'settings.stock.expiryRule.shelf_life': 'Production date + the item’s shelf life',
  'settings.stock.expiryRule.earliest_ingredient': 'The earliest expiry among the lots used',
  'settings.stock.saved': 'Stock settings saved',
  'settings.about': 'About',
  'settings.about.version': 'Version',
  'settings.about.database': 'Database',

  ...commonEn,
  ...catalogEn,
  ...inventoryEn,
  ...inventoryActionsEn,
  ...ordersEn,
  ...productionEn,
  ...floorEn,
  ...purchasingEn,
  ...traceEn,
  ...channelsEn,
  ...labelsEn,
  ...desktopEn,
  ...dataEn,
  ...backupsEn,
  ...auditEn,
  ...versionsEn,
  ...searchEn,
  ...invoiceFilesEn,
  ...shippingEn,
  ...packingEn,
  ...planningEn,
  ...todayEn,
  ...priceScreensEn,
  ...priceTermsEn,
  ...reportsEn,
  ...invoicingEn,
  ...paymentsEn,
  ...lanEn,
  ...accountsEn,
};
