/**
 * Words the large catalog is built from: families of materials and packaging, kinds of
 * intermediates and products, with units, cost ranges and how they are used in a batch.
 */
import type { Unit } from '../../src-shared/domain/units';
import type { SupplyCategory } from './types';

/** How a material goes into a batch: the bulk of it, an active, a scent, a colour, or per piece. */
export type Use = 'bulk' | 'active' | 'aroma' | 'color' | 'piece';

export interface MaterialFamily {
  code: string;
  base: string;
  variants: readonly string[];
  units: readonly Unit[];
  /** € per unit */
  cost: readonly [number, number];
  shelf: readonly [number, number] | null;
  supplies: SupplyCategory;
  use: Use;
  quarantine?: boolean;
}

const PLANTS = ['oliva', 'girasole', 'mandorle dolci', 'jojoba', 'argan', 'avocado', 'germe di grano', 'sesamo', 'vinaccioli', 'riso', 'canapa', 'cocco', 'babassu', 'macadamia', 'nocciola', 'albicocca', 'enotera', 'borragine', 'rosa mosqueta', 'ricino', 'lino', 'cartamo', 'camelia', 'baobab', 'moringa', 'neem', 'tamanu', 'fico d’India', 'melograno', 'cumino nero'];
const ESSENCES = ['lavanda', 'lavandino', 'arancio dolce', 'limone', 'bergamotto', 'mandarino', 'pompelmo', 'menta piperita', 'eucalipto', 'rosmarino', 'tea tree', 'geranio', 'ylang ylang', 'patchouli', 'cedro', 'salvia sclarea', 'camomilla', 'litsea cubeba', 'citronella', 'palmarosa', 'vetiver', 'cannella', 'chiodi di garofano', 'zenzero', 'incenso', 'petitgrain', 'neroli', 'cipresso', 'pino mugo', 'timo', 'abete bianco', 'elicriso'];
const HERBS = ['calendula', 'malva', 'aloe vera', 'camomilla', 'iperico', 'arnica', 'centella', 'ortica', 'tiglio', 'propoli', 'fiordaliso', 'hamamelis', 'rosa damascena', 'elicriso', 'equiseto', 'salvia'];
const COLOURS = ['viola', 'arancio', 'oro', 'argento', 'blu oltremare', 'verde smeraldo', 'rosa antico', 'rosso rubino', 'bronzo', 'bianco perla', 'turchese', 'nero ossido', 'giallo ocra', 'lilla'];
const SCENTS = ['vaniglia', 'fico', 'muschio bianco', 'talco', 'ambra', 'cocco', 'frutti rossi', 'tè verde', 'sandalo', 'gelsomino', 'rosa', 'mughetto', 'fiori di cotone', 'pesca', 'mela verde', 'cioccolato'];

export const QUALIFIERS = ['', 'bio', 'raffinato', 'vergine', 'deodorato', 'grado farmaceutico', 'COSMOS', 'Ecocert', 'di origine italiana', 'commercio equo'];

export const MATERIAL_FAMILIES: readonly MaterialFamily[] = [
  { code: 'OLV', base: 'Olio vegetale di', variants: PLANTS, units: ['kg', 'l'], cost: [3, 40], shelf: [365, 730], supplies: 'oli', use: 'bulk' },
  { code: 'BUR', base: 'Burro di', variants: ['karité', 'cacao', 'mango', 'cupuaçu', 'murumuru', 'kokum', 'avocado', 'illipé'], units: ['kg'], cost: [8, 30], shelf: [540, 1095], supplies: 'cosmetica', use: 'bulk' },
  { code: 'OES', base: 'Olio essenziale di', variants: ESSENCES, units: ['ml'], cost: [0.03, 0.9], shelf: [730, 1460], supplies: 'essenze', use: 'aroma', quarantine: true },
  { code: 'IDR', base: 'Idrolato di', variants: HERBS, units: ['l'], cost: [5, 25], shelf: [180, 365], supplies: 'essenze', use: 'bulk' },
  { code: 'EGL', base: 'Estratto glicerico di', variants: HERBS, units: ['kg'], cost: [10, 40], shelf: [365, 730], supplies: 'cosmetica', use: 'active' },
  { code: 'CER', base: 'Cera', variants: ['d’api gialla', 'd’api bianca', 'di soia', 'di colza', 'candelilla', 'carnauba', 'di riso', 'di mimosa', 'di girasole'], units: ['kg'], cost: [4, 25], shelf: [1095, 1825], supplies: 'cere', use: 'bulk' },
  { code: 'ARG', base: 'Argilla', variants: ['verde ventilata', 'bianca (caolino)', 'rosa', 'rossa', 'gialla', 'rhassoul', 'bentonite'], units: ['kg'], cost: [2, 10], shelf: [1095, 1825], supplies: 'cosmetica', use: 'active' },
  { code: 'MIC', base: 'Mica cosmetica', variants: COLOURS, units: ['g'], cost: [0.05, 0.3], shelf: [1460, 1825], supplies: 'cosmetica', use: 'color' },
  { code: 'FRA', base: 'Fragranza per cosmetici', variants: SCENTS, units: ['ml'], cost: [0.04, 0.2], shelf: [730, 1095], supplies: 'essenze', use: 'aroma' },
  { code: 'POL', base: 'Polvere di', variants: ['avena', 'riso', 'cacao', 'caffè', 'curcuma', 'spirulina', 'carbone vegetale', 'ortica', 'rosa canina', 'luffa', 'semi di papavero', 'bambù'], units: ['kg'], cost: [3, 40], shelf: [365, 730], supplies: 'cosmetica', use: 'active' },
  { code: 'CHI', base: '', variants: ['Idrossido di sodio', 'Idrossido di potassio', 'Acido citrico', 'Bicarbonato di sodio', 'Sale marino integrale', 'Acido lattico', 'Gomma xantana', 'Sodio cocoil isetionato', 'Cocamidopropil betaina', 'Coco glucoside', 'Alcool cetilstearilico', 'Pantenolo', 'Allantoina', 'Acido ialuronico', 'Glicerina vegetale', 'Sale di Epsom', 'Amido di mais', 'Zinco ossido'], units: ['kg'], cost: [1, 30], shelf: [730, 1825], supplies: 'chimica', use: 'active' },
  { code: 'STP', base: 'Stoppino in cotone', variants: ['10 cm', '12 cm', '15 cm', '20 cm', 'in legno 13 mm', 'in legno 19 mm', 'intrecciato 8 cm'], units: ['pcs'], cost: [0.05, 0.25], shelf: null, supplies: 'cere', use: 'piece' },
];

export interface PackagingFamily {
  code: string;
  names: readonly string[];
  sizes: readonly string[];
  cost: readonly [number, number];
  supplies: SupplyCategory;
}

export const PACKAGING_FAMILIES: readonly PackagingFamily[] = [
  { code: 'VAS', names: ['Vasetto vetro trasparente', 'Vasetto vetro ambrato', 'Vasetto vetro bianco opale'], sizes: ['30 ml', '50 ml', '100 ml', '120 ml', '150 ml', '200 ml', '250 ml', '300 ml', '500 ml'], cost: [0.35, 1.4], supplies: 'imballi' },
  { code: 'TAP', names: ['Tappo alluminio', 'Tappo bambù', 'Tappo nero a vite', 'Tappo bianco a vite', 'Coperchio in latta oro'], sizes: ['Ø 48 mm', 'Ø 58 mm', 'Ø 63 mm', 'Ø 70 mm', 'Ø 82 mm'], cost: [0.08, 0.6], supplies: 'imballi' },
  { code: 'FLA', names: ['Flacone PET ambrato', 'Flacone PET trasparente', 'Flacone vetro ambrato', 'Flacone alluminio'], sizes: ['30 ml', '50 ml', '100 ml', '150 ml', '200 ml', '250 ml', '500 ml', '1000 ml'], cost: [0.2, 1.2], supplies: 'imballi' },
  { code: 'DOS', names: ['Pompetta dosatrice', 'Tappo flip-top', 'Contagocce in vetro', 'Spray nebulizzatore'], sizes: ['24/410', '28/410', '18/415', '20/410', '24/415'], cost: [0.1, 0.7], supplies: 'imballi' },
  { code: 'SCT', names: ['Scatolina kraft', 'Scatolina bianca', 'Scatolina con finestra', 'Astuccio in cartoncino'], sizes: ['5×5×5 cm', '6×6×3 cm', '7×7×7 cm', '8×6×3 cm', '9×9×5 cm', '10×7×4 cm', '12×12×6 cm', '15×10×5 cm', '20×15×8 cm'], cost: [0.15, 0.9], supplies: 'imballi' },
  { code: 'ETI', names: ['Etichetta carta', 'Etichetta in polipropilene', 'Etichetta avvolgente', 'Etichetta tonda'], sizes: ['40×30 mm', '50×30 mm', '60×40 mm', '70×40 mm', '80×50 mm', '100×60 mm', 'Ø 30 mm', 'Ø 40 mm', 'Ø 50 mm', 'Ø 60 mm'], cost: [0.02, 0.12], supplies: 'etichette' },
  { code: 'SAC', names: ['Sacchetto organza', 'Sacchetto in cotone', 'Sacchetto carta avana', 'Sacchetto juta'], sizes: ['8×10 cm', '10×15 cm', '12×16 cm', '15×20 cm'], cost: [0.08, 0.7], supplies: 'imballi' },
  { code: 'SPE', names: ['Scatola spedizione', 'Scatola spedizione a due onde'], sizes: ['20×15×10 cm', '30×20×15 cm', '40×30×20 cm', '50×40×30 cm'], cost: [0.3, 1.5], supplies: 'imballi' },
  { code: 'TUB', names: ['Tubetto stick labbra', 'Tubetto in cartone push-up'], sizes: ['5 g', '10 g', '15 g', '30 g'], cost: [0.15, 0.6], supplies: 'imballi' },
  { code: 'TBM', names: ['Tubetto morbido', 'Tubetto in alluminio'], sizes: ['30 ml', '50 ml', '100 ml', '200 ml'], cost: [0.2, 0.7], supplies: 'imballi' },
  { code: 'RIE', names: ['Carta velina', 'Riempitivo in paglia di carta', 'Cartoncino alveolare'], sizes: ['50×70 cm', '70×100 cm', 'confezione 1 kg'], cost: [0.05, 2.5], supplies: 'imballi' },
  { code: 'BUS', names: ['Busta imbottita', 'Busta in carta riciclata'], sizes: ['A5', 'A4', '18×26 cm', '24×34 cm'], cost: [0.15, 0.8], supplies: 'imballi' },
  { code: 'LAT', names: ['Latta alluminio con coperchio', 'Latta a vite'], sizes: ['15 ml', '30 ml', '60 ml', '100 ml', '150 ml'], cost: [0.25, 0.9], supplies: 'imballi' },
];

export const INTERMEDIATE_KINDS: readonly { code: string; name: string; unit: Unit }[] = [
  { code: 'BSA', name: 'Base sapone', unit: 'kg' },
  { code: 'SOD', name: 'Soluzione alcalina', unit: 'kg' },
  { code: 'BCR', name: 'Base crema', unit: 'kg' },
  { code: 'CPR', name: 'Cera profumata', unit: 'kg' },
  { code: 'OLE', name: 'Oleolito', unit: 'l' },
  { code: 'EMU', name: 'Emulsione', unit: 'kg' },
  { code: 'BSH', name: 'Base shampoo solido', unit: 'kg' },
  { code: 'MOL', name: 'Miscela di oli', unit: 'l' },
  { code: 'MES', name: 'Miscela essenziale', unit: 'l' },
  { code: 'BBL', name: 'Base balsamo', unit: 'kg' },
  { code: 'BSC', name: 'Base scrub', unit: 'kg' },
  { code: 'GEL', name: 'Gel', unit: 'kg' },
  { code: 'IMP', name: 'Impasto bombe da bagno', unit: 'kg' },
];

export const PRODUCT_KINDS: readonly { code: string; name: string; format: string; grams: number; unit: Unit; candle?: boolean }[] = [
  { code: 'SAP', name: 'Sapone solido', format: '100 g', grams: 100, unit: 'pcs' },
  { code: 'SHS', name: 'Shampoo solido', format: '60 g', grams: 60, unit: 'pcs' },
  { code: 'BAS', name: 'Balsamo solido', format: '50 g', grams: 50, unit: 'pcs' },
  { code: 'CRV', name: 'Crema viso', format: '50 ml', grams: 50, unit: 'pcs' },
  { code: 'CRM', name: 'Crema mani', format: '75 ml', grams: 75, unit: 'pcs' },
  { code: 'CRC', name: 'Crema corpo', format: '200 ml', grams: 200, unit: 'pcs' },
  { code: 'BUC', name: 'Burro corpo', format: '150 ml', grams: 150, unit: 'pcs' },
  { code: 'BLB', name: 'Balsamo labbra', format: '5 g', grams: 5, unit: 'pcs' },
  { code: 'CAN', name: 'Candela di soia', format: '200 g', grams: 200, unit: 'pcs', candle: true },
  { code: 'CAL', name: 'Candela in latta', format: '120 g', grams: 120, unit: 'pcs', candle: true },
  { code: 'SCR', name: 'Scrub corpo', format: '250 g', grams: 250, unit: 'pcs' },
  { code: 'OLC', name: 'Olio corpo', format: '100 ml', grams: 100, unit: 'pcs' },
  { code: 'BAG', name: 'Bagnoschiuma', format: '250 ml', grams: 250, unit: 'pcs' },
  { code: 'DEO', name: 'Deodorante in crema', format: '50 g', grams: 50, unit: 'pcs' },
  { code: 'SAL', name: 'Sali da bagno', format: '500 g', grams: 500, unit: 'pcs' },
  { code: 'BOM', name: 'Bomba da bagno', format: '150 g', grams: 150, unit: 'pcs' },
  { code: 'DIF', name: 'Diffusore per ambienti', format: '100 ml', grams: 100, unit: 'pcs' },
  { code: 'TAG', name: 'Sapone a taglio', format: 'al kg', grams: 1000, unit: 'kg' },
];

/** What a product or intermediate is "of": a scent or an ingredient. */
export const FLAVOURS = [...ESSENCES.slice(0, 24), ...SCENTS, 'miele e avena', 'latte di capra', 'argilla verde', 'carbone attivo', 'calendula', 'aloe vera', 'karité', 'cacao e arancia'];
