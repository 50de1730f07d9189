import type { HandlerMap } from '../../api/handlers';
import { documentHistory, listAudit } from './queries';

export const auditHandlers: HandlerMap<'audit.list' | 'audit.document'> = {
  'audit.list': (ctx, input) => listAudit(ctx, input),
  'audit.document': (ctx, input) => documentHistory(ctx, input.doc, input.limit),
};
