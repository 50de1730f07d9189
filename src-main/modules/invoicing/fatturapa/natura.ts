/**
 * Natura codes (VAT kind of a 0 % line) as the SdI accepts them since 2021: with their
 * sub-code. The bare N2, N3 and N6 are still in schema 1.2.2 but the SdI refuses them
 * (error 00445). The legal reference printed in DatiRiepilogo/RiferimentoNormativo when
 * the document carries none, and the kinds whose amounts count towards the bollo
 * virtuale (DOMAIN.md: N1, N2.x, N3.5, N4; the user's accountant may change the set).
 */

export const NATURA_CODES = [
  'N1',
  'N2.1',
  'N2.2',
  'N3.1',
  'N3.2',
  'N3.3',
  'N3.4',
  'N3.5',
  'N3.6',
  'N4',
  'N5',
  'N6.1',
  'N6.2',
  'N6.3',
  'N6.4',
  'N6.5',
  'N6.6',
  'N6.7',
  'N6.8',
  'N6.9',
  'N7',
] as const;

export const BARE_NATURA = ['N2', 'N3', 'N6'] as const;

export const DEFAULT_LEGAL_REFERENCE: Record<string, string> = {
  N1: 'Escluso art. 15 DPR 633/72',
  'N2.1': 'Non soggetto artt. da 7 a 7-septies DPR 633/72',
  'N2.2': 'Operazione senza applicazione IVA art. 1 c. 54-89 L. 190/2014',
  'N3.1': 'Non imponibile art. 8 c. 1 lett. a DPR 633/72',
  'N3.2': 'Non imponibile art. 41 DL 331/93',
  'N3.3': 'Non imponibile art. 71 DPR 633/72',
  'N3.4': 'Non imponibile art. 8-bis DPR 633/72',
  'N3.5': 'Non imponibile art. 8 c. 1 lett. c DPR 633/72 (dichiarazione d\'intento)',
  'N3.6': 'Non imponibile',
  N4: 'Esente art. 10 DPR 633/72',
  N5: 'Regime del margine art. 36 DL 41/95',
  'N6.1': 'Inversione contabile art. 74 c. 7-8 DPR 633/72',
  'N6.2': 'Inversione contabile art. 17 c. 5 DPR 633/72',
  'N6.3': 'Inversione contabile art. 17 c. 6 lett. a DPR 633/72',
  'N6.4': 'Inversione contabile art. 17 c. 6 lett. b DPR 633/72',
  'N6.5': 'Inversione contabile art. 17 c. 6 lett. c DPR 633/72',
  'N6.6': 'Inversione contabile art. 17 c. 6 lett. d DPR 633/72',
  'N6.7': 'Inversione contabile art. 17 c. 6 lett. a-ter DPR 633/72',
  'N6.8': 'Inversione contabile art. 17 c. 6 lett. d-bis/ter/quater DPR 633/72',
  'N6.9': 'Inversione contabile art. 17 DPR 633/72',
  N7: 'IVA assolta in altro stato UE art. 74-sexies DPR 633/72',
};

/** Natura kinds whose amounts count towards the 77,47 € threshold of the bollo (DOMAIN.md). */
export const DEFAULT_BOLLO_NATURE: readonly string[] = ['N1', 'N2.1', 'N2.2', 'N3.5', 'N4'];

/** The bollo virtuale (2,00 €) is due above 77,47 € of those amounts: from 77,48 €. */
export const BOLLO_THRESHOLD_CENTS = 7747;
export const BOLLO_CENTS = 200;

export function isKnownNatura(code: string): boolean {
  return (NATURA_CODES as readonly string[]).includes(code);
}

export function isBareNatura(code: string): boolean {
  return (BARE_NATURA as readonly string[]).includes(code);
}

/** Whether a document with these DatiRiepilogo rows owes the bollo virtuale. */
export function bolloDue(rows: readonly { natura: string | null; taxableCents: number }[], nature: readonly string[] = DEFAULT_BOLLO_NATURE): boolean {
  const base = rows.filter((r) => r.natura !== null && nature.includes(r.natura)).reduce((s, r) => s + r.taxableCents, 0);
  return base > BOLLO_THRESHOLD_CENTS;
}
