/**
 * What is printed on each kind of label, already worded in the label's language: the
 * builders in modules/labels decide the words, the renderer only places them.
 */
export type Symbology = 'ean13' | 'ean8' | 'code128' | 'gs1-128' | 'qrcode';

export interface Barcode {
  symbology: Symbology;
  /** what bwip-js encodes (GS1-128: the parenthesised form) */
  text: string;
  /** printed under the bars; none for QR codes */
  humanText: string;
}

export interface ProductLabel {
  kind: 'product';
  name: string;
  /** "Peso netto 100 g" */
  netLine: string | null;
  /** "L26123-1" (a code that begins with L), "L. 26123-1" / "Lotto L26123-1" */
  lotLine: string;
  /** "Da consumarsi entro il 31/03/2027" */
  expiryLine: string | null;
  /** cosmetics: the period after opening in months, drawn as the open-jar symbol */
  paoMonths: number | null;
  paoWord: string | null;
  barcode: Barcode;
}

export interface CaseLabel {
  kind: 'case';
  name: string;
  sku: string;
  countLine: string;
  lotLine: string;
  expiryLine: string | null;
  /** null when the item has no GTIN: the label then shows text and a Code 128 of the lot only */
  barcode: Barcode;
}

export interface ShippingLabel {
  kind: 'shipping';
  senderLines: string[];
  recipientLines: string[];
  /** "Tel. +39 051 123456": the courier calls the recipient, not the sender */
  phoneLine: string | null;
  /** "Peso lordo 12,5 kg": the shipment's gross weight, as on the DDT */
  weightLine: string | null;
  /** "DDT 12/2026 · Spedizione S2026/0004" */
  documentLine: string;
  /** "Collo 1/3" */
  packageLine: string;
  carrierLine: string | null;
  trackingLine: string | null;
  /** "Contrassegno 43,50 €": what the courier collects (cash-on-delivery terms) */
  codLine?: string | null;
  barcode: Barcode;
}

export type Label = ProductLabel | CaseLabel | ShippingLabel;
