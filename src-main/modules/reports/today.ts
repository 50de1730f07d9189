/**
 * reports.today: every tile of the home screen in one answer, so the screen makes one
 * call and shows one consistent moment. Each tile is read by its own small file; the
 * planning tiles share planning's plan of this database state (made once, remembered).
 */
import { localDate } from '../../../src-shared/domain/dates';
import type { Handler, HandlerMap } from '../../api/handlers';
import { backupStatus } from '../backups/status';
import { invoicesOverdueTile, notInvoicedTile } from './todayMoney';
import { ordersLate, ordersToShip } from './todayOrders';
import { productionTiles, shortageTile } from './todayPlanning';
import { setupState } from './todaySetup';
import { expiringTile, purchaseOverdueTile } from './todayStock';

const today: Handler<'reports.today'> = (ctx) => {
  const day = localDate(ctx.now());
  const backup = backupStatus(ctx);
  return {
    today: day,
    toShip: ordersToShip(ctx, day),
    late: ordersLate(ctx, day),
    production: productionTiles(ctx, day),
    shortages: shortageTile(ctx, day),
    purchaseOverdue: purchaseOverdueTile(ctx, day),
    expiring: expiringTile(ctx, day),
    invoicesOverdue: invoicesOverdueTile(ctx, day),
    notInvoiced: notInvoicedTile(ctx, day),
    backup: { lastGoodAt: backup.lastGood?.at ?? null, overdue: backup.overdue },
    setup: setupState(ctx),
  };
};

export const todayHandlers: HandlerMap<'reports.today'> = { 'reports.today': today };
