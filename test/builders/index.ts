/** Test data through the real registry: builders that type what a person types. */
export { fixedClock, removeTempDbs, tempDbPath, testApp } from './db';
export { aMaterial, aPackaging, anIntermediate, aProduct, ItemBuilder, type CreatedItem, type ItemInput } from './items';
export { aRecipe, RecipeBuilder, type RecipeInput, type SavedRecipe } from './recipes';
export { aCustomer, aSupplier, PartyBuilder, validPartitaIva, type CreatedParty, type PartyInput } from './parties';
export { demoApp } from './demo';
