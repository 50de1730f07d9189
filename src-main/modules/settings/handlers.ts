import type { HandlerMap } from '../../api/handlers';
import { readSettings, writeSettings } from './store';

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.update'> = {
  'settings.get': (ctx) => readSettings(ctx),
  'settings.update': (ctx, input) => {
    const current = readSettings(ctx);
    writeSettings(ctx, {
      ...(input.language !== undefined ? { language: input.language } : {}),
      ...(input.company ? { company: { ...current.company, ...input.company } } : {}),
      ...(input.inventory ? { inventory: { ...current.inventory, ...input.inventory } } : {}),
      ...(input.production ? { production: { ...current.production, ...input.production } } : {}),
      ...(input.planning ? { planning: { ...current.planning, ...input.planning } } : {}),
      ...(input.updates ? { updates: { ...current.updates, ...input.updates } } : {}),
      ...(input.sales ? { sales: { ...current.sales, ...input.sales } } : {}),
      ...(input.invoicing ? { invoicing: { ...current.invoicing, ...input.invoicing } } : {}),
    });
    return readSettings(ctx);
  },
};
