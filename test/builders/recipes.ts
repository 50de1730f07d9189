import type { BottegaApp } from '../../src-main/api/app';
import type { Contract, InputOf, OutputOf } from '../../src-shared/contract';

export type RecipeInput = InputOf<Contract['catalog.saveRecipe']>;
export type SavedRecipe = OutputOf<Contract['catalog.saveRecipe']>;
type ItemRef = number | { id: number };

const idOf = (item: ItemRef) => (typeof item === 'number' ? item : item.id);

/** `aRecipe(soap).yield('100 pcs').component(base, '10,5 kg', '3').component(box, '100').save(app)` */
export class RecipeBuilder {
  private readonly v: RecipeInput;

  constructor(forItem: ItemRef) {
    this.v = { itemId: idOf(forItem), yield: '1', components: [] };
  }

  yield(quantity: string): this {
    this.v.yield = quantity;
    return this;
  }
  /** per batch, as typed ('7,5 kg'); scrap in percent ('2') */
  component(item: ItemRef, quantity: string, scrapPct?: string): this {
    this.v.components.push({ itemId: idOf(item), quantity, scrapPct: scrapPct ?? null });
    return this;
  }
  minutes(batchMinutes: number): this {
    this.v.batchMinutes = batchMinutes;
    return this;
  }
  notes(text: string): this {
    this.v.notes = text;
    return this;
  }

  input(): RecipeInput {
    return { ...this.v, components: this.v.components.map((c) => ({ ...c })) };
  }

  save(app: BottegaApp): SavedRecipe {
    return app.call('catalog.saveRecipe', this.input());
  }
}

export const aRecipe = (forItem: ItemRef) => new RecipeBuilder(forItem);
