/**
 * "Export for the accountant": the month's XML files as a ZIP and the CSV register.
 * Wired once the documents' export operation exists (fatturapa's branch).
 */
export function ExportMonthButton() {
  return null;
}
