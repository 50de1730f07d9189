/**
 * Walking the genealogy (input lot → output lot, per production order). Pure: the
 * edges come from the database, the answers are the shapes a person reads — the lots a
 * trace reaches with their distance, a tree to expand, customers to call.
 *
 * The graph is a DAG with shared nodes: an intermediate batch used in many products, a
 * material lot split across batches, two lots of the same oil in one batch. A lot
 * reached by two paths is one lot: it is counted once, and in the tree it is drawn in
 * full the first time and as a reference after that (so a tree never grows exponentially).
 */

export interface GenealogyEdge {
  inputLotId: number;
  outputLotId: number;
  productionOrderId: number;
  qtyMilli: number;
}

export type WalkDirection = 'backward' | 'forward';

/** backward: from a lot to the lots it was made of; forward: to the lots made from it. */
function adjacency<E extends GenealogyEdge>(edges: readonly E[], direction: WalkDirection): Map<number, E[]> {
  const next = new Map<number, E[]>();
  for (const e of edges) {
    const from = direction === 'backward' ? e.outputLotId : e.inputLotId;
    const list = next.get(from);
    if (list) list.push(e);
    else next.set(from, [e]);
  }
  return next;
}

const far = (e: GenealogyEdge, direction: WalkDirection) => (direction === 'backward' ? e.inputLotId : e.outputLotId);

/** Every lot reachable from `rootId` with its shortest distance (the root at 0). */
export function distancesFrom(rootId: number, edges: readonly GenealogyEdge[], direction: WalkDirection): Map<number, number> {
  const next = adjacency(edges, direction);
  const dist = new Map<number, number>([[rootId, 0]]);
  let frontier = [rootId];
  for (let d = 1; frontier.length > 0; d++) {
    const nextFrontier: number[] = [];
    for (const lot of frontier) {
      for (const e of next.get(lot) ?? []) {
        const to = far(e, direction);
        if (!dist.has(to)) {
          dist.set(to, d);
          nextFrontier.push(to);
        }
      }
    }
    frontier = nextFrontier;
  }
  return dist;
}

export interface TraceTreeNode<E extends GenealogyEdge = GenealogyEdge> {
  lotId: number;
  /** the edge that leads here from the parent (null at the root) */
  via: E | null;
  children: TraceTreeNode<E>[];
  /** this lot was already drawn elsewhere in the tree: see there for what lies beyond it */
  repeated: boolean;
}

/**
 * The trace as a tree from `rootId`: depth first, each lot expanded once. Edges keep
 * their own quantities, so a lot that fed two batches shows both, each with what it gave.
 */
export function traceTree<E extends GenealogyEdge>(rootId: number, edges: readonly E[], direction: WalkDirection, order?: (a: E, b: E) => number): TraceTreeNode<E> {
  const next = adjacency(edges, direction);
  if (order) for (const list of next.values()) list.sort(order);
  const drawn = new Set<number>([rootId]);
  const expand = (lotId: number, via: E | null): TraceTreeNode<E> => {
    const node: TraceTreeNode<E> = { lotId, via, children: [], repeated: false };
    for (const e of next.get(lotId) ?? []) {
      const to = far(e, direction);
      if (drawn.has(to)) node.children.push({ lotId: to, via: e, children: [], repeated: true });
      else {
        drawn.add(to);
        node.children.push(expand(to, e));
      }
    }
    return node;
  };
  return expand(rootId, null);
}

export interface ShipmentFact {
  lotId: number;
  customer: { id: number; name: string; email: string | null; phone: string | null };
  ddtNumber: string | null;
  ddtDate: string | null;
  shippedMilli: number;
  returnedMilli: number;
}

export interface CustomerExposure {
  customer: ShipmentFact['customer'];
  lotIds: number[];
  ddts: { number: string | null; date: string | null }[];
  shipmentLines: number;
}

/**
 * The customers to call, each once, with the lots they received and on which DDTs.
 * Quantities stay per lot and unit on the shipment lines: lots of different items
 * have different units and are never summed together.
 */
export function customersToContact(shipments: readonly ShipmentFact[]): CustomerExposure[] {
  const byCustomer = new Map<number, CustomerExposure>();
  for (const s of shipments) {
    let c = byCustomer.get(s.customer.id);
    if (!c) {
      c = { customer: s.customer, lotIds: [], ddts: [], shipmentLines: 0 };
      byCustomer.set(s.customer.id, c);
    }
    c.shipmentLines += 1;
    if (!c.lotIds.includes(s.lotId)) c.lotIds.push(s.lotId);
    if (!c.ddts.some((d) => d.number === s.ddtNumber && d.date === s.ddtDate)) c.ddts.push({ number: s.ddtNumber, date: s.ddtDate });
  }
  return [...byCustomer.values()].sort((a, b) => a.customer.name.localeCompare(b.customer.name) || a.customer.id - b.customer.id);
}

export interface RecallCandidate {
  id: number;
  status: 'quarantine' | 'released' | 'blocked' | 'recalled';
  onHandMilli: number;
}

/**
 * Which affected lots a recall marks recalled: those with stock still on hand that are
 * not recalled already, and always the lot the recall is raised against (`rootId`), even
 * used up — its page and the report must say Recalled, not Released. Another used-up lot
 * has nothing left to stop (its shipments are in the report).
 */
export function lotsToRecall<L extends RecallCandidate>(lots: readonly L[], rootId: number): { block: L[]; untouched: L[] } {
  const block: L[] = [];
  const untouched: L[] = [];
  for (const l of lots) ((l.onHandMilli > 0 || l.id === rootId) && l.status !== 'recalled' ? block : untouched).push(l);
  return { block, untouched };
}

/**
 * Similar codes for "no lot with code …": the same characters give or take one typo
 * (Damerau–Levenshtein distance), case and separators ignored. Smallest distance first.
 */
export function similarCodes(wanted: string, candidates: readonly string[], max = 5): string[] {
  const norm = (s: string) => s.toUpperCase().replace(/[\s\-_./]/g, '');
  const w = norm(wanted);
  const limit = Math.max(1, Math.floor(w.length / 4));
  return candidates
    .map((c) => ({ c, d: editDistance(w, norm(c)) }))
    .filter((x) => x.d <= limit || (w.length >= 3 && norm(x.c).includes(w)))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
