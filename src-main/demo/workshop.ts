/**
 * The catalog of Saponificio Bottega, the demo workshop: cold-process soaps, soy
 * candles, hand creams and lip balms, written the way the owner would type them.
 * Quantities are per batch and add up (a soap batch is real chemistry: 9,5 kg of oils
 * saponified by 1,3 kg of NaOH with 5 % superfat, dissolved in twice its weight of water).
 */
import type { ItemKind } from '../../src-shared/contract/common';
import type { Unit } from '../../src-shared/domain/units';
import type { SupplyCategory } from './types';

export interface ItemSpec {
  sku: string;
  name: string;
  kind: ItemKind;
  unit: Unit;
  cost?: string;
  price?: string;
  shelf?: number;
  lead?: number;
  reorder?: string;
  weight?: string;
  /** gets a GTIN-13 under the workshop's (invented) GS1 company prefix */
  gtin?: true;
  supplier?: SupplyCategory;
  lotTracked?: false;
  quarantine?: true;
  archived?: true;
  notes?: string;
}

/** The product families the reports group by, from the SKU's prefix (first match wins). */
export const WORKSHOP_CATEGORIES: readonly (readonly [string, string])[] = [
  ['PF-SAP-', 'Saponi'],
  ['PF-CAND-', 'Candele'],
  ['PF-CREMA-', 'Creme'],
  ['PF-BALS-', 'Balsami labbra'],
  ['PF-KIT-', 'Cofanetti'],
  ['PF-PORTASAPONE', 'Accessori'],
];

export function workshopCategory(sku: string): string | null {
  return WORKSHOP_CATEGORIES.find(([prefix]) => sku.startsWith(prefix))?.[1] ?? null;
}

/** [component SKU, quantity per batch, scrap %] */
export type ComponentSpec = readonly [string, string, string?];

export interface RecipeSpec {
  item: string;
  yield: string;
  minutes: number;
  notes?: string;
  components: ComponentSpec[];
  /** earlier versions, saved first so the one above becomes the active one */
  previous?: Omit<RecipeSpec, 'item' | 'previous'>[];
}

/** 80 = GS1 Italy; the rest of the prefix is invented. */
export const GS1_COMPANY_PREFIX = '8057412';

const m = (sku: string, name: string, unit: Unit, cost: string, supplier: SupplyCategory, extra: Partial<ItemSpec> = {}): ItemSpec => ({
  sku,
  name,
  kind: 'material',
  unit,
  cost,
  supplier,
  ...extra,
});
const pk = (sku: string, name: string, cost: string, extra: Partial<ItemSpec> = {}): ItemSpec => ({
  sku,
  name,
  kind: 'packaging',
  unit: 'pcs',
  cost,
  supplier: sku.startsWith('IMB-ETI') ? 'etichette' : 'imballi',
  lead: sku.startsWith('IMB-ETI') ? 10 : 20,
  lotTracked: false,
  ...extra,
});
const soap = (sku: string, name: string, price: string): ItemSpec => ({
  sku, name, kind: 'product', unit: 'pcs', price, shelf: 540, weight: '100 g', gtin: true, reorder: '60',
});

export const WORKSHOP_ITEMS: ItemSpec[] = [
  m('MP-OLIO-OLIVA', 'Olio extravergine di oliva', 'l', '7,80', 'oli', { shelf: 540, lead: 5, reorder: '20 l' }),
  m('MP-OLIO-COCCO', 'Olio di cocco deodorato', 'kg', '4,90', 'cosmetica', { shelf: 730, lead: 7, reorder: '15 kg' }),
  m('MP-OLIO-MANDORLE', 'Olio di mandorle dolci', 'l', '9,50', 'oli', { shelf: 365, lead: 7, reorder: '5 l' }),
  m('MP-OLIO-RICINO', 'Olio di ricino', 'kg', '6,20', 'cosmetica', { shelf: 730, lead: 10, reorder: '3 kg' }),
  m('MP-BURRO-KARITE', 'Burro di karité grezzo', 'kg', '11,40', 'cosmetica', { shelf: 730, lead: 10, reorder: '5 kg' }),
  m('MP-NAOH', 'Idrossido di sodio in perle (soda caustica)', 'kg', '3,10', 'chimica', { shelf: 1095, lead: 5, reorder: '5 kg', quarantine: true, notes: 'Corrosivo: guanti e occhiali. Conservare chiuso.' }),
  m('MP-ACQUA-DIST', 'Acqua distillata', 'l', '0,45', 'chimica', { shelf: 365, lead: 3, reorder: '20 l', lotTracked: false }),
  m('MP-OE-LAVANDA', 'Olio essenziale di lavanda', 'ml', '0,095', 'essenze', { shelf: 1095, lead: 14, reorder: '250 ml', quarantine: true }),
  m('MP-OE-ARANCIO', 'Olio essenziale di arancio dolce', 'ml', '0,035', 'essenze', { shelf: 730, lead: 14, reorder: '500 ml', quarantine: true }),
  m('MP-OE-LIMONE', 'Olio essenziale di limone', 'ml', '0,06', 'essenze', { shelf: 730, lead: 14, reorder: '250 ml', quarantine: true }),
  m('MP-OE-MENTA', 'Olio essenziale di menta piperita', 'ml', '0,11', 'essenze', { shelf: 1095, lead: 14, reorder: '100 ml', quarantine: true }),
  m('MP-CERA-SOIA', 'Cera di soia per candele in contenitore', 'kg', '5,60', 'cere', { shelf: 1095, lead: 10, reorder: '20 kg' }),
  m('MP-STOPPINO', 'Stoppino in cotone cerato con piedino, 15 cm', 'pcs', '0,09', 'cere', { lead: 14, reorder: '500' }),
  m('MP-CERA-API', 'Cera d’api gialla in pastiglie', 'kg', '18,00', 'api', { shelf: 1825, lead: 7, reorder: '2 kg' }),
  m('MP-GLICERINA', 'Glicerina vegetale', 'kg', '3,80', 'chimica', { shelf: 1095, lead: 7, reorder: '3 kg' }),
  m('MP-MICA-VIOLA', 'Mica cosmetica viola', 'g', '0,12', 'cosmetica', { shelf: 1825, lead: 10, reorder: '100 g' }),
  m('MP-MICA-ARANCIO', 'Mica cosmetica arancio', 'g', '0,12', 'cosmetica', { shelf: 1825, lead: 10, reorder: '100 g' }),
  m('MP-MIELE', 'Miele millefiori', 'kg', '12,00', 'api', { shelf: 730, lead: 5, reorder: '3 kg' }),
  m('MP-AVENA', 'Farina d’avena colloidale', 'kg', '6,50', 'cosmetica', { shelf: 365, lead: 7, reorder: '2 kg' }),
  m('MP-LATTE-CAPRA', 'Latte di capra in polvere', 'kg', '22,00', 'cosmetica', { shelf: 365, lead: 10, reorder: '1 kg' }),
  m('MP-VITAMINA-E', 'Vitamina E (tocoferolo)', 'ml', '0,08', 'cosmetica', { shelf: 730, lead: 7, reorder: '100 ml' }),
  m('MP-EMULSIONANTE', 'Emulsionante Olivem 1000', 'kg', '28,00', 'cosmetica', { shelf: 1095, lead: 10, reorder: '1 kg', quarantine: true }),
  m('MP-CONSERVANTE', 'Conservante Cosgard (alcool benzilico, acido deidroacetico)', 'kg', '35,00', 'cosmetica', { shelf: 730, lead: 10, reorder: '0,5 kg' }),

  pk('IMB-SCAT-SAPONE', 'Scatolina kraft per sapone 100 g', '0,32', { reorder: '300' }),
  pk('IMB-SCAT-BIANCA', 'Scatolina bianca per sapone (vecchio modello)', '0,28', { archived: true, notes: 'Sostituita dalla scatolina kraft' }),
  pk('IMB-ETI-SAPONE', 'Etichetta sapone 60×40 mm', '0,05', { reorder: '500' }),
  pk('IMB-ETI-CANDELA', 'Etichetta candela tonda Ø 50 mm', '0,06', { reorder: '200' }),
  pk('IMB-ETI-CREMA', 'Etichetta vasetto crema 50 ml', '0,05', { reorder: '200' }),
  pk('IMB-ETI-STICK', 'Etichetta avvolgente stick labbra', '0,04', { reorder: '200' }),
  pk('IMB-VASO-200', 'Vasetto in vetro 200 ml per candela', '0,85', { reorder: '200', lotTracked: undefined }),
  pk('IMB-COPERCHIO-200', 'Coperchio in latta per vasetto 200 ml', '0,22', { reorder: '200' }),
  pk('IMB-VASO-50', 'Vasetto in vetro ambrato 50 ml', '0,55', { reorder: '200', lotTracked: undefined }),
  pk('IMB-TAPPO-50', 'Tappo a vite bianco per vasetto 50 ml', '0,12', { reorder: '200' }),
  pk('IMB-STICK', 'Tubetto stick per balsamo labbra 5 g', '0,28', { reorder: '200', lotTracked: undefined }),
  pk('IMB-SACCHETTO', 'Sacchetto in cotone naturale 12×16 cm', '0,45', { reorder: '50' }),
  pk('IMB-SCAT-SPED', 'Scatola spedizione 30×20×15 cm', '0,65', { reorder: '100', weight: '180 g' }),

  { sku: 'SL-SODA', name: 'Soluzione di soda 33 %', kind: 'intermediate', unit: 'kg', shelf: 7, notes: 'Preparare sotto cappa, usare a temperatura ambiente' },
  { sku: 'SL-BASE-SAPONE', name: 'Base sapone all’olio d’oliva (a freddo)', kind: 'intermediate', unit: 'kg', shelf: 540, notes: 'Stagionatura 4 settimane prima del taglio' },
  { sku: 'SL-BASE-CREMA', name: 'Base crema neutra O/A', kind: 'intermediate', unit: 'kg', shelf: 90 },
  { sku: 'SL-CERA-LAVANDA', name: 'Cera di soia profumata alla lavanda', kind: 'intermediate', unit: 'kg', shelf: 365 },
  { sku: 'SL-CERA-ARANCIO', name: 'Cera di soia profumata all’arancia', kind: 'intermediate', unit: 'kg', shelf: 365 },
  { sku: 'SL-BASE-BALSAMO', name: 'Base balsamo labbra cera d’api e karité', kind: 'intermediate', unit: 'kg', shelf: 365 },

  soap('PF-SAP-LAV', 'Sapone alla lavanda 100 g', '6,50'),
  soap('PF-SAP-MAL', 'Sapone miele, avena e latte di capra 100 g', '6,90'),
  soap('PF-SAP-AGR', 'Sapone agli agrumi 100 g', '6,50'),
  soap('PF-SAP-MENTA', 'Sapone alla menta piperita 100 g', '6,50'),
  soap('PF-SAP-OLIVA', 'Sapone puro all’olio d’oliva 100 g', '5,50'),
  { sku: 'PF-CAND-ARA', name: 'Candela di soia all’arancia dolce 200 g', kind: 'product', unit: 'pcs', price: '14,90', shelf: 730, weight: '200 g', gtin: true, reorder: '24' },
  { sku: 'PF-CAND-LAV', name: 'Candela di soia alla lavanda 200 g', kind: 'product', unit: 'pcs', price: '14,90', shelf: 730, weight: '200 g', gtin: true, reorder: '24' },
  { sku: 'PF-CREMA-LAV', name: 'Crema mani alla lavanda 50 ml', kind: 'product', unit: 'pcs', price: '9,80', shelf: 365, weight: '50 g', gtin: true, reorder: '40' },
  { sku: 'PF-CREMA-MIELE', name: 'Crema mani miele e karité 50 ml', kind: 'product', unit: 'pcs', price: '9,80', shelf: 365, weight: '50 g', gtin: true, reorder: '40' },
  { sku: 'PF-BALS-MENTA', name: 'Balsamo labbra alla menta 5 g', kind: 'product', unit: 'pcs', price: '4,50', shelf: 365, weight: '5 g', gtin: true, reorder: '50' },
  { sku: 'PF-BALS-NAT', name: 'Balsamo labbra naturale alla cera d’api 5 g', kind: 'product', unit: 'pcs', price: '4,20', shelf: 365, weight: '5 g', gtin: true, reorder: '50' },
  { sku: 'PF-KIT-TRIS', name: 'Cofanetto tris di saponi', kind: 'product', unit: 'pcs', price: '18,50', shelf: 540, weight: '330 g', reorder: '10', notes: 'Lavanda, miele-avena-latte, agrumi in sacchetto di cotone' },
  { sku: 'PF-PORTASAPONE', name: 'Portasapone in legno d’ulivo', kind: 'product', unit: 'pcs', cost: '3,20', price: '8,90', weight: '90 g', lead: 30, reorder: '10', supplier: 'imballi', lotTracked: false, notes: 'Rivendita, non prodotto da noi' },
];

const soapComponents = (extra: ComponentSpec[]): ComponentSpec[] => [
  ['SL-BASE-SAPONE', '10,5 kg', '3'],
  ...extra,
  ['IMB-SCAT-SAPONE', '100', '1'],
  ['IMB-ETI-SAPONE', '100', '2'],
];
const candle = (wax: string): ComponentSpec[] => [
  [wax, '4,9 kg', '2'],
  ['MP-STOPPINO', '24'],
  ['IMB-VASO-200', '24', '1'],
  ['IMB-COPERCHIO-200', '24'],
  ['IMB-ETI-CANDELA', '24', '2'],
];
const cream = (extra: ComponentSpec[]): ComponentSpec[] => [...extra, ['IMB-VASO-50', '100', '1'], ['IMB-TAPPO-50', '100'], ['IMB-ETI-CREMA', '100', '2']];
const balm = (extra: ComponentSpec[]): ComponentSpec[] => [['SL-BASE-BALSAMO', '520 g', '4'], ...extra, ['IMB-STICK', '100', '1'], ['IMB-ETI-STICK', '100', '2']];

/** In dependency order: what a recipe uses is saved before it. */
export const WORKSHOP_RECIPES: RecipeSpec[] = [
  { item: 'SL-SODA', yield: '3 kg', minutes: 20, components: [['MP-NAOH', '1 kg'], ['MP-ACQUA-DIST', '2 l']] },
  {
    item: 'SL-BASE-SAPONE',
    yield: '13 kg',
    minutes: 90,
    notes: 'Superfat 5 %. Versare a nastro leggero, stampo da 13 kg.',
    components: [
      ['MP-OLIO-OLIVA', '6 l', '1'],
      ['MP-OLIO-COCCO', '2,5 kg', '1'],
      ['MP-BURRO-KARITE', '1 kg', '1'],
      ['MP-OLIO-RICINO', '500 g'],
      ['SL-SODA', '3,93 kg'],
    ],
  },
  {
    item: 'SL-BASE-CREMA',
    yield: '5 kg',
    minutes: 120,
    components: [
      ['MP-ACQUA-DIST', '3,2 l'],
      ['MP-OLIO-MANDORLE', '750 ml'],
      ['MP-BURRO-KARITE', '400 g'],
      ['MP-EMULSIONANTE', '300 g'],
      ['MP-GLICERINA', '200 g'],
      ['MP-CONSERVANTE', '50 g'],
      ['MP-VITAMINA-E', '25 ml'],
    ],
  },
  { item: 'SL-CERA-LAVANDA', yield: '10 kg', minutes: 45, components: [['MP-CERA-SOIA', '9,2 kg', '1'], ['MP-OE-LAVANDA', '800 ml']] },
  { item: 'SL-CERA-ARANCIO', yield: '10 kg', minutes: 45, components: [['MP-CERA-SOIA', '9,2 kg', '1'], ['MP-OE-ARANCIO', '600 ml'], ['MP-OE-LIMONE', '200 ml']] },
  {
    item: 'SL-BASE-BALSAMO',
    yield: '1 kg',
    minutes: 30,
    components: [['MP-CERA-API', '300 g'], ['MP-BURRO-KARITE', '350 g'], ['MP-OLIO-MANDORLE', '330 ml'], ['MP-VITAMINA-E', '20 ml']],
  },
  {
    item: 'PF-SAP-LAV',
    yield: '100 pcs',
    minutes: 60,
    components: soapComponents([['MP-OE-LAVANDA', '250 ml'], ['MP-MICA-VIOLA', '15 g']]),
    previous: [
      {
        yield: '100 pcs',
        minutes: 60,
        notes: 'Prima versione: più essenza, senza mica, scatolina bianca',
        components: [['SL-BASE-SAPONE', '10,5 kg', '3'], ['MP-OE-LAVANDA', '300 ml'], ['IMB-SCAT-BIANCA', '100', '1'], ['IMB-ETI-SAPONE', '100', '2']],
      },
    ],
  },
  { item: 'PF-SAP-MAL', yield: '100 pcs', minutes: 60, components: soapComponents([['MP-MIELE', '300 g'], ['MP-AVENA', '250 g'], ['MP-LATTE-CAPRA', '200 g']]) },
  { item: 'PF-SAP-AGR', yield: '100 pcs', minutes: 60, components: soapComponents([['MP-OE-ARANCIO', '180 ml'], ['MP-OE-LIMONE', '90 ml'], ['MP-MICA-ARANCIO', '15 g']]) },
  { item: 'PF-SAP-MENTA', yield: '100 pcs', minutes: 60, components: soapComponents([['MP-OE-MENTA', '150 ml']]) },
  { item: 'PF-SAP-OLIVA', yield: '100 pcs', minutes: 50, components: soapComponents([]) },
  { item: 'PF-CAND-ARA', yield: '24 pcs', minutes: 90, components: candle('SL-CERA-ARANCIO') },
  { item: 'PF-CAND-LAV', yield: '24 pcs', minutes: 90, components: candle('SL-CERA-LAVANDA') },
  { item: 'PF-CREMA-LAV', yield: '100 pcs', minutes: 60, components: cream([['SL-BASE-CREMA', '5,1 kg', '2'], ['MP-OE-LAVANDA', '50 ml']]) },
  { item: 'PF-CREMA-MIELE', yield: '100 pcs', minutes: 60, components: cream([['SL-BASE-CREMA', '5 kg', '2'], ['MP-MIELE', '150 g']]) },
  { item: 'PF-BALS-MENTA', yield: '100 pcs', minutes: 40, components: balm([['MP-OE-MENTA', '3 ml']]) },
  { item: 'PF-BALS-NAT', yield: '100 pcs', minutes: 40, components: balm([]) },
  {
    item: 'PF-KIT-TRIS',
    yield: '10 pcs',
    minutes: 20,
    components: [['PF-SAP-LAV', '10'], ['PF-SAP-MAL', '10'], ['PF-SAP-AGR', '10'], ['IMB-SACCHETTO', '10']],
  },
];
