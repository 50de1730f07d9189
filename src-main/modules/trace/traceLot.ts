import type { TraceResult } from '../../../src-shared/contract/trace';
import { distancesFrom, type WalkDirection } from '../../../src-shared/domain/traceGraph';
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { genealogyEdges, lotFacts, walkOneWay } from './walk';
import { notFound } from '../../api/domainError';
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
  if (direction !== 'both') {
    const one = oneWay(ctx, lotId, direction);
    if (!one) throw notFound('lot', lotId);
    return one;
  }
  // both ways: each walk's edges, the depths merged here
  const backwardEdges = genealogyEdges(ctx, lotId, 'backward');
  const forwardEdges = genealogyEdges(ctx, lotId, 'forward');
  const depths = distancesFrom(lotId, backwardEdges, 'backward');
  const forwardDepths = distancesFrom(lotId, forwardEdges, 'forward');
  for (const [id, d] of forwardDepths) if (!depths.has(id) || depths.get(id)! > d) depths.set(id, d);
  const affected = [...forwardDepths.keys()];
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

/**
 * One direction, the way the trace screen and the bench ask: the lots with their depths and
 * facts, the edges and the lot's recalls from one walk in one statement; null when the lot
 * does not exist (its walk reaches nothing).
 */
function oneWay(ctx: ReadCtx, lotId: number, direction: WalkDirection): TraceResult | null {
  const { lots, edges, recalls } = walkOneWay(ctx, lotId, direction);
  if (lots.length === 0) return null;
  const affected = direction === 'forward' ? lots.map((l) => l.id) : [];
  return {
    lotId,
    direction,
    lots,
    backwardEdges: direction === 'backward' ? edges : [],
    forwardEdges: direction === 'forward' ? edges : [],
    reservations: openReservations(ctx, affected),
    shipments: shipmentsOfAffectedLots(ctx, affected),
    recalls,
  };
}

// a lot given by id on one direction needs no lookup first: its own walk says whether it exists
export const traceLot: Handler<'trace.lot'> = (ctx, input) =>
  traceOf(ctx, input.lotId !== undefined && input.direction !== 'both' ? input.lotId : resolveLot(ctx, input), input.direction);
