import type { ReadCtx } from '../../api/context';
import { connectionUnder } from '../../api/readOnly';
import { connectionOf } from '../../db/statementCache';
import { planEpochs } from '../planning/planEpoch';
import { planStatic, type PlanStatic } from '../planning/planStatic';

const kept = new WeakMap<object, { key: string; part: PlanStatic }>();

/**
 * The plan's kept static part (items, active recipes), as a fulfil asks for it on every
 * call: planStatic checks its key with `pragma('data_version')`, which compiles a statement
 * each time (a tenth of a 5-line fulfil's CPU). The same key here — another connection's
 * commit (data_version) or this connection's write to a static table (the `statics`
 * number) — read through the connection's compiled statements; only when it moved is
 * planStatic asked, which reads again only when its own key moved too.
 */
export function keptCatalog(ctx: ReadCtx): PlanStatic {
  const at = connectionOf(connectionUnder(ctx.sqlite));
  const epochs = planEpochs(at);
  // without the plan's triggers (first asked inside a transaction) every call asks planStatic
  if (epochs === null) return planStatic(ctx);
  const key = `${ctx.sqlite.prepare('PRAGMA data_version').pluck().get() as number}|${epochs.statics}`;
  const hit = kept.get(at);
  if (hit && hit.key === key) return hit.part;
  const part = planStatic(ctx);
  kept.set(at, { key, part });
  return part;
}
