/**
 * "Save and confirm" on a new shipment saves the draft first; when the confirmation is
 * then refused, the draft's page opens with that refusal on its fields (the new form
 * cannot retry: it would save a second draft). The error waits here for that page.
 */
let pending: { shipmentId: number; error: unknown } | null = null;

export function handOverConfirmError(shipmentId: number, error: unknown): void {
  pending = { shipmentId, error };
}

/** The refusal left for this draft, if any (read when its form starts). */
export function confirmErrorFor(shipmentId: number): unknown {
  return pending?.shipmentId === shipmentId ? pending.error : null;
}

/** The draft's form has shown it (or the draft moved on): not shown again on a later visit. */
export function clearConfirmError(shipmentId: number): void {
  if (pending?.shipmentId === shipmentId) pending = null;
}
