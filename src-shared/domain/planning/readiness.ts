/**
 * When a demand's goods can be used (plan.ts answers it, planResults.ts combines it): a file
 * of its own, importing nothing, so a demand (netting.ts) can keep its own without an import
 * cycle.
 */

/** Something the plan cannot date, named instead of guessed. */
export type Unknown = { reason: 'no_lead_time'; itemId: number } | { reason: 'purchase_without_date'; itemId: number; purchaseOrderNumber: string };

/** When a demand's goods can be used, and what that depends on. */
export interface Readiness {
  /** null when something is unknown */
  on: string | null;
  unknown: Unknown[];
  /** the latest purchase the date waits for (for the words: "materials ready 14 Oct (PO …)") */
  materialsOn: string | null;
  materialsBy: string | null;
}
