import type { BottegaApp } from '../../src-main/api/app';
import type { Contract, InputOf, OutputOf } from '../../src-shared/contract';
import type { ItemKind } from '../../src-shared/contract/common';
import type { Unit } from '../../src-shared/domain/units';

export type ItemInput = InputOf<Contract['catalog.createItem']>;
export type CreatedItem = OutputOf<Contract['catalog.createItem']>;

let counter = 0;
const PREFIX: Record<ItemKind, string> = { material: 'MAT', packaging: 'PKG', intermediate: 'INT', product: 'PRD', service: 'SRV' };
const NAME: Record<ItemKind, string> = { material: 'Materiale', packaging: 'Imballo', intermediate: 'Semilavorato', product: 'Prodotto', service: 'Servizio' };

/**
 * An item as a person would type it (text quantities and euros), with a unique SKU
 * unless one is given: `aMaterial().sku('OLIO').unit('l').cost('7,80').create(app)`.
 */
export class ItemBuilder {
  private readonly v: ItemInput;

  constructor(kind: ItemKind, unit: Unit, cost: string | null) {
    const n = ++counter;
    this.v = { sku: `${PREFIX[kind]}-${String(n).padStart(4, '0')}`, name: `${NAME[kind]} ${n}`, kind, unit, unitCost: cost };
  }

  sku(sku: string): this {
    this.v.sku = sku;
    return this;
  }
  name(name: string): this {
    this.v.name = name;
    return this;
  }
  unit(unit: Unit): this {
    this.v.unit = unit;
    return this;
  }
  /** euros per one unit, e.g. '6,40'; null: no cost known */
  cost(euros: string | null): this {
    this.v.unitCost = euros;
    return this;
  }
  price(euros: string | null): this {
    this.v.salePrice = euros;
    return this;
  }
  shelfLife(days: number | null): this {
    this.v.shelfLifeDays = days;
    return this;
  }
  reorderPoint(quantity: string | null): this {
    this.v.reorderPoint = quantity;
    return this;
  }
  leadTime(days: number | null): this {
    this.v.leadTimeDays = days;
    return this;
  }
  netWeight(quantity: string | null): this {
    this.v.netWeight = quantity;
    return this;
  }
  gtin(code: string | null): this {
    this.v.gtin = code;
    return this;
  }
  lotTracked(on = true): this {
    this.v.lotTracked = on;
    return this;
  }
  quarantineOnReceipt(on = true): this {
    this.v.quarantineOnReceipt = on;
    return this;
  }
  notes(text: string): this {
    this.v.notes = text;
    return this;
  }

  /** The input of catalog.createItem, to send through another door or to break on purpose. */
  input(): ItemInput {
    return { ...this.v };
  }

  create(app: BottegaApp): CreatedItem {
    return app.call('catalog.createItem', this.input());
  }
}

export const aMaterial = () => new ItemBuilder('material', 'kg', '1,00');
export const aPackaging = () => new ItemBuilder('packaging', 'pcs', '0,10');
export const anIntermediate = () => new ItemBuilder('intermediate', 'kg', null);
export const aProduct = () => new ItemBuilder('product', 'pcs', null);
