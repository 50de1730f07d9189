// Every module's tables, for drizzle-kit and for typed queries.
export * from '../modules/catalog/schema';
export * from '../modules/parties/schema';
export * from '../modules/settings/schema';
export * from '../modules/numbering/schema';
export * from '../modules/inventory/schema';
export * from '../modules/prices/schema';
export * from '../modules/orders/schema';
export * from '../modules/production/schema';
export * from '../modules/channels/schema';
export * from '../modules/purchasing/schema';
export * from '../modules/trace/schema';
export * from '../modules/labels/schema';
export * from '../modules/notifications/schema';
export * from '../modules/shipping/schema';
export * from '../modules/audit/schema';
export * from '../modules/invoicing/schema';
export * from '../modules/reports/schema';
