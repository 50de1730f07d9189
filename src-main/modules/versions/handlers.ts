import type { HandlerMap } from '../../api/handlers';
import { changesSince } from './changes';

export const versionHandlers: HandlerMap<'system.changes'> = {
  'system.changes': (ctx, input) => changesSince(ctx, input.since),
};
