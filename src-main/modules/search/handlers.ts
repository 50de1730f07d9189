import type { HandlerMap } from '../../api/handlers';
import { globalSearch } from './globalSearch';
import { rebuildSearchIndex } from './rebuild';

export const searchHandlers: HandlerMap<'search.global' | 'search.rebuild'> = {
  'search.global': globalSearch,
  'search.rebuild': rebuildSearchIndex,
};
