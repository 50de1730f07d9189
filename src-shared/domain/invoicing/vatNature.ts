/**
 * VAT rate or Natura of an invoice line (DOMAIN.md, "Invoices"): a taxed line has a rate
 * above 0 and no Natura; a 0 % line must say why with a Natura code and its sub-code. The
 * schema still accepts the bare N2, N3, N6, the SdI refuses them, so we do too.
 */
export const NATURE = ['N1', 'N2.1', 'N2.2', 'N3.1', 'N3.2', 'N3.3', 'N3.4', 'N3.5', 'N3.6', 'N4', 'N5', 'N6.1', 'N6.2', 'N6.3', 'N6.4', 'N6.5', 'N6.6', 'N6.7', 'N6.8', 'N6.9', 'N7'] as const;

export type VatProblem = 'natura_missing' | 'natura_bare' | 'natura_unknown' | 'natura_on_taxed' | 'rate_invalid';

/** null when the pair is acceptable. */
export function vatNatureProblem(vatBp: number, natura: string | null): VatProblem | null {
  if (!Number.isInteger(vatBp) || vatBp < 0 || vatBp >= 10_000) return 'rate_invalid';
  if (vatBp > 0) return natura ? 'natura_on_taxed' : null;
  if (!natura) return 'natura_missing';
  if (natura === 'N2' || natura === 'N3' || natura === 'N6') return 'natura_bare';
  return (NATURE as readonly string[]).includes(natura) ? null : 'natura_unknown';
}

/** RiferimentoNormativo the SdI wants on a summary row with a Natura (short, standard wording). */
export const LEGAL_REFERENCE: Record<string, string> = {
  N1: 'Escluse ex art. 15 DPR 633/72',
  'N2.1': 'Non soggette ad IVA ai sensi degli artt. da 7 a 7-septies DPR 633/72',
  'N2.2': 'Non soggette - altri casi (es. regime forfettario, L. 190/2014)',
  'N3.1': 'Non imponibile - esportazione, art. 8 DPR 633/72',
  'N3.2': 'Non imponibile - cessione intracomunitaria, art. 41 DL 331/93',
  'N3.3': 'Non imponibile - cessione verso San Marino, art. 71 DPR 633/72',
  'N3.4': 'Non imponibile - operazione assimilata alle cessioni all\'esportazione, art. 8-bis DPR 633/72',
  'N3.5': 'Non imponibile - a seguito di dichiarazione d\'intento, art. 8 c.1 lett. c DPR 633/72',
  'N3.6': 'Non imponibile - altre operazioni',
  N4: 'Esente art. 10 DPR 633/72',
  N5: 'Regime del margine, art. 36 DL 41/95',
  'N6.1': 'Inversione contabile - cessione di rottami, art. 74 c.7 e 8 DPR 633/72',
  'N6.2': 'Inversione contabile - cessione di oro e argento, art. 17 c.5 DPR 633/72',
  'N6.3': 'Inversione contabile - subappalto nel settore edile, art. 17 c.6 lett. a DPR 633/72',
  'N6.4': 'Inversione contabile - cessione di fabbricati, art. 17 c.6 lett. a-bis DPR 633/72',
  'N6.5': 'Inversione contabile - cessione di telefoni cellulari, art. 17 c.6 lett. b DPR 633/72',
  'N6.6': 'Inversione contabile - cessione di prodotti elettronici, art. 17 c.6 lett. c DPR 633/72',
  'N6.7': 'Inversione contabile - prestazioni comparto edile, art. 17 c.6 lett. a-ter DPR 633/72',
  'N6.8': 'Inversione contabile - settore energetico, art. 17 c.6 lett. d-bis, d-ter, d-quater DPR 633/72',
  'N6.9': 'Inversione contabile - altri casi, art. 17 c.6 DPR 633/72',
  N7: 'IVA assolta in altro stato UE',
};

/** Never subject to the bollo, whatever the setting says (DOMAIN.md: exports, intra-EU supplies, reverse charge). */
export function neverBollo(natura: string): boolean {
  return natura === 'N3.1' || natura === 'N3.2' || natura.startsWith('N6');
}

export const BOLLO_CENTS = 200;
/** the bollo is due when the amounts of the bollo nature together EXCEED this */
export const BOLLO_THRESHOLD_CENTS = 7747;

/** 200 when the lines' amounts of the bollo nature (the setting, minus those never subject) exceed 77,47 €, else 0. */
export function bolloDue(rows: { natura: string | null; taxableCents: number }[], bolloNature: readonly string[]): number {
  const subject = rows.filter((r) => r.natura !== null && bolloNature.includes(r.natura) && !neverBollo(r.natura)).reduce((s, r) => s + r.taxableCents, 0);
  return subject > BOLLO_THRESHOLD_CENTS ? BOLLO_CENTS : 0;
}
