import { catalogOps, catalogRoles } from './catalog';
import { accountOps, accountRoles } from './accounts';
import type { GrantedRole } from './accounts';
import { partyOps, partyRoles } from './parties';
import { settingsOps, settingsRoles } from './settings';
import { systemOps, systemRoles } from './system';
import { inventoryOps, inventoryRoles } from './inventory';
import { orderOps, orderRoles } from './orders';
import { productionOps, productionRoles } from './production';
import { channelOps, channelRoles } from './channels';
import { purchasingOps, purchasingRoles } from './purchasing';
import { traceOps, traceRoles } from './trace';
import { labelOps, labelRoles } from './labels';
import { notificationOps, notificationRoles } from './notifications';
import { shippingOps, shippingRoles } from './shipping';
import { channelFileOps, channelFileRoles } from './channelFiles';
import { logoOps, logoRoles } from './logo';
import { planningOps, planningRoles } from './planning';
import { backupOps, backupRoles } from './backups';
import { auditOps, auditRoles } from './audit';
import { pricesOps, pricesRoles } from './prices';
import { todayOps, todayRoles } from './today';
import { reportsOps, reportsRoles } from './reports';
import { invoiceFileOps, invoiceFileRoles } from './invoiceFiles';
import { invoicingOps, invoicingRoles } from './invoicing';
import { searchOps, searchRoles } from './search';
import { changesOps, changesRoles } from './changes';
import { devicesOps, devicesRoles } from './devices';

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
  ...accountOps,
  ...changesOps,
  ...devicesOps,
} as const;

export type Contract = typeof contract;

/**
 * Which roles besides the owner may call each operation: each contract file's own
 * declaration, next to its schemas. The type makes a missing one a compile error; the
 * registry checks it for every door (api/roles.ts) and a test checks it at run time.
 */
export const operationRoles: { readonly [K in keyof Contract]: readonly GrantedRole[] } = {
  ...catalogRoles,
  ...partyRoles,
  ...settingsRoles,
  ...systemRoles,
  ...inventoryRoles,
  ...orderRoles,
  ...productionRoles,
  ...channelRoles,
  ...purchasingRoles,
  ...traceRoles,
  ...labelRoles,
  ...notificationRoles,
  ...shippingRoles,
  ...channelFileRoles,
  ...logoRoles,
  ...planningRoles,
  ...backupRoles,
  ...auditRoles,
  ...pricesRoles,
  ...todayRoles,
  ...reportsRoles,
  ...invoiceFileRoles,
  ...invoicingRoles,
  ...searchRoles,
  ...accountRoles,
  ...changesRoles,
  ...devicesRoles,
};
export type OperationName = keyof Contract;
export type { InputOf, OutputOf, ParsedInputOf } from './define';
