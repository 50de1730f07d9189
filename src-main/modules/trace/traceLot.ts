import type { TraceResult } from '../../../src-shared/contract/trace';
import { distancesFrom, type WalkDirection } from '../../../src-shared/domain/traceGraph';
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { genealogyEdges, lotFacts } from './walk';
import { openReservations } from './holders';
import { shipmentsOfAffectedLots } from './shipments';
import { resolveLot } from './lotLookup';
import { recallsOfLot } from './recallRows';

/**
 * A trace of one lot. Backward: every input lot down to raw materials. Forward: every
 * lot containing it; for those (the lot itself included) the open reservations and the
 * shipments. A lot on both sides (never in a DAG, but cheap to guard) keeps its
 * shortest distance.
 */
export function traceOf(ctx: ReadCtx, lotId: number, direction: TraceResult['direction']): TraceResult {
  const walk = (d: WalkDirection) => (direction === d || direction === 'both' ? genealogyEdges(ctx, lotId, d) : []);
  const backwardEdges = walk('backward');
  const forwardEdges = walk('forward');
  const depths = distancesFrom(lotId, backwardEdges, 'backward');
  const forwardDepths = distancesFrom(lotId, forwardEdges, 'forward');
  for (const [id, d] of forwardDepths) if (!depths.has(id) || depths.get(id)! > d) depths.set(id, d);
  const affected = direction === 'backward' ? [] : [...forwardDepths.keys()];
  return {
    lotId,
    direction,
    lots: lotFacts(ctx, depths),
    backwardEdges,
    forwardEdges,
    reservations: openReservations(ctx, affected),
    shipments: shipmentsOfAffectedLots(ctx, affected),
    recalls: recallsOfLot(ctx, lotId),
  };
}

export const traceLot: Handler<'trace.lot'> = (ctx, input) => traceOf(ctx, resolveLot(ctx, input), input.direction);
