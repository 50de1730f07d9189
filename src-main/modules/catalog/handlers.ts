import type { HandlerMap } from '../../api/handlers';
import { archiveItem, createItem, getItem, searchItems, updateItem } from './items';
import { activateRecipeVersion, getRecipe, saveRecipe } from './recipes';
import { costRollup, explodeRecipe } from './explosion';
import { listRecipes } from './recipeList';
import { catalogInvariants } from './invariants';
import { registerInvariants } from '../../db/check';

// what `bottega check` proves about this module's tables
registerInvariants(catalogInvariants);

type CatalogOp = Extract<keyof typeof import('../../../src-shared/contract/catalog').catalogOps, string>;

export const catalogHandlers: HandlerMap<CatalogOp> = {
  'catalog.createItem': createItem,
  'catalog.updateItem': updateItem,
  'catalog.archiveItem': archiveItem,
  'catalog.getItem': getItem,
  'catalog.searchItems': searchItems,
  'catalog.saveRecipe': saveRecipe,
  'catalog.activateRecipeVersion': activateRecipeVersion,
  'catalog.getRecipe': getRecipe,
  'catalog.listRecipes': listRecipes,
  'catalog.explodeRecipe': explodeRecipe,
  'catalog.costRollup': costRollup,
};
