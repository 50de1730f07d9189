import { catalogOps } from './catalog';
import { partyOps } from './parties';
import { settingsOps } from './settings';
import { systemOps } from './system';
import { inventoryOps } from './inventory';
import { orderOps } from './orders';
import { productionOps } from './production';
import { channelOps } from './channels';
import { purchasingOps } from './purchasing';
import { traceOps } from './trace';
import { labelOps } from './labels';
import { notificationOps } from './notifications';
import { shippingOps } from './shipping';
import { channelFileOps } from './channelFiles';
import { logoOps } from './logo';
import { planningOps } from './planning';
import { backupOps } from './backups';
import { auditOps } from './audit';
import { pricesOps } from './prices';
import { todayOps } from './today';
import { reportsOps } from './reports';
import { invoiceFileOps } from './invoiceFiles';
import { invoicingOps } from './invoicing';
import { searchOps } from './search';
import { devicesOps } from './devices';

/** Every command and query of Bottega, by name. Each module adds its own record here. */
export const contract = {
  ...systemOps,
  ...settingsOps,
  ...catalogOps,
  ...partyOps,
  ...inventoryOps,
  ...orderOps,
  ...productionOps,
  ...channelOps,
  ...purchasingOps,
  ...traceOps,
  ...labelOps,
  ...notificationOps,
  ...shippingOps,
  ...channelFileOps,
  ...logoOps,
  ...planningOps,
  ...backupOps,
  ...auditOps,
  ...pricesOps,
  ...todayOps,
  ...reportsOps,
  ...invoiceFileOps,
  ...invoicingOps,
  ...searchOps,
  ...devicesOps,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type { InputOf, OutputOf, ParsedInputOf } from './define';
