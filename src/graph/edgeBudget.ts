/**
 * Level of detail for big graphs: which visible edges the canvas draws. Cytoscape's canvas
 * renderer repaints every drawn element on every frame (in software where there is no GPU),
 * so above a budget the canvas draws the strongest edges in view and, for every visible
 * actor, at least its strongest edge; the tables always list everything. Pure: no
 * Cytoscape, no DOM. The canvas calls it on window steps, filter changes and (debounced)
 * viewport changes; below the budget it draws every visible edge, as before.
 */
import type { GraphIndex } from '../model/graphIndex';
import { pairSourceCount, pairsOf, pairEdgeId } from '../model/pairs';
import { sourcesOf, type EdgeMode } from '../model/view';

/**
 * Edges drawn inside the viewport when more are visible. At 2,000 relations (the bench's
 * small graph) everything is drawn; at 20,000 the canvas draws about a quarter of them.
 */
export const EDGE_BUDGET = 3000;

export interface BudgetEdge {
  id: string;
  source: string;
  target: string;
  /** Independent sources (or articles) behind the edge: the strongest are drawn first. */
  weight: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A rectangle in model coordinates (Cytoscape's `cy.extent()`). */
export interface Extent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Edges strongest first, with their ends as small integers (the selection runs per step). */
export interface RankedEdges {
  edges: readonly BudgetEdge[];
  /** Actor ids by number; `source[i]` and `target[i]` are the ends of `edges[i]`. */
  actors: readonly string[];
  source: Int32Array;
  target: Int32Array;
}

export interface EdgeBudgetInput {
  /** Every edge of the graph, strongest first (`rankEdges`). */
  ranked: RankedEdges;
  /** Whether an edge is visible under the filters and the time window. */
  isVisible: (id: string) => boolean;
  /** Node positions in model coordinates; an edge with an unknown end counts as in view. */
  positionOf: (actorId: string) => Point | undefined;
  /** The visible part of the canvas; null counts every edge as in view. */
  viewport: Extent | null;
  budget: number;
  /** Edges drawn whatever the budget (the selection and the selected actor's edges). */
  isPinned?: (edge: BudgetEdge) => boolean;
}

export interface EdgeBudgetResult {
  /** The edges to draw; null when every visible edge is drawn (at or below the budget). */
  drawn: Set<string> | null;
  /** Visible edges. */
  visible: number;
  /** Visible edges crossing the viewport, and how many of those are drawn. */
  inView: number;
  drawnInView: number;
  /** Drawn edges in all (in view or not). */
  drawnTotal: number;
}

/** Strongest first: weight, then the better connected end (hubs carry the picture), then id. */
export function rankEdges(edges: readonly BudgetEdge[]): RankedEdges {
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const hub = (e: BudgetEdge) => Math.max(degree.get(e.source) ?? 0, degree.get(e.target) ?? 0);
  const sorted = [...edges].sort(
    (x, y) => y.weight - x.weight || hub(y) - hub(x) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  const number = new Map<string, number>();
  const actors: string[] = [];
  const numberOf = (id: string) => {
    let n = number.get(id);
    if (n === undefined) {
      n = actors.length;
      number.set(id, n);
      actors.push(id);
    }
    return n;
  };
  const source = new Int32Array(sorted.length);
  const target = new Int32Array(sorted.length);
  sorted.forEach((e, i) => {
    source[i] = numberOf(e.source);
    target[i] = numberOf(e.target);
  });
  return { edges: sorted, actors, source, target };
}

const rankCache = new WeakMap<GraphIndex, Map<EdgeMode, RankedEdges>>();

/** The canvas's edges (pair edges or per-relation edges) with their weights, ranked. */
export function rankedEdgesOf(index: GraphIndex, mode: EdgeMode): RankedEdges {
  let byMode = rankCache.get(index);
  if (!byMode) {
    byMode = new Map();
    rankCache.set(index, byMode);
  }
  const cached = byMode.get(mode);
  if (cached) return cached;
  const edges: BudgetEdge[] =
    mode === 'pairs'
      ? [...pairsOf(index).values()].map((pair) => ({
          id: pairEdgeId(pair.key),
          source: pair.a,
          target: pair.b,
          weight: pairSourceCount(pair.relations),
        }))
      : index.relations.map((info) => ({
          id: info.relation.id,
          source: info.relation.source,
          target: info.relation.target,
          weight: sourcesOf(info),
        }));
  const ranked = rankEdges(edges);
  byMode.set(mode, ranked);
  return ranked;
}

/** Whether the segment (ax, ay)–(bx, by) meets the rectangle (Liang–Barsky clipping). */
export function segmentMeetsExtent(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: Extent,
): boolean {
  if (ax >= r.x1 && ax <= r.x2 && ay >= r.y1 && ay <= r.y2) return true;
  if (bx >= r.x1 && bx <= r.x2 && by >= r.y1 && by <= r.y2) return true;
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  const ps = [-dx, dx, -dy, dy];
  const qs = [ax - r.x1, r.x2 - ax, ay - r.y1, r.y2 - ay];
  for (let k = 0; k < 4; k++) {
    const p = ps[k] ?? 0;
    const q = qs[k] ?? 0;
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  return t0 <= t1;
}

/**
 * Which visible edges to draw. At or below the budget: all (`drawn: null`). Above it:
 * 1. pinned edges (the selection);
 * 2. the strongest edges that cross the viewport, until `budget` of them are drawn;
 * 3. a line for every end of a visible edge that has none drawn yet, so no visible actor
 *    ever stands alone: first the strongest edges joining two such actors, then each
 *    remaining actor's strongest edge (this may exceed the budget).
 * Deterministic: the same input gives the same set.
 */
export function selectDrawnEdges(input: EdgeBudgetInput): EdgeBudgetResult {
  const { ranked, isVisible, positionOf, viewport, budget, isPinned } = input;
  const { edges, actors, source, target } = ranked;
  const n = edges.length;
  // 0: hidden, 1: visible off-screen, 2: visible and crossing the viewport.
  const state = new Uint8Array(n);
  let visible = 0;
  let inView = 0;
  const xs = new Float64Array(actors.length);
  const ys = new Float64Array(actors.length);
  const placed = new Uint8Array(actors.length);
  if (viewport) {
    actors.forEach((id, a) => {
      const p = positionOf(id);
      if (!p) return;
      xs[a] = p.x;
      ys[a] = p.y;
      placed[a] = 1;
    });
  }
  for (let i = 0; i < n; i++) {
    const e = edges[i];
    if (!e || !isVisible(e.id)) continue;
    visible += 1;
    const s = source[i] ?? 0;
    const t = target[i] ?? 0;
    const crosses =
      !viewport ||
      !placed[s] ||
      !placed[t] ||
      segmentMeetsExtent(xs[s] ?? 0, ys[s] ?? 0, xs[t] ?? 0, ys[t] ?? 0, viewport);
    state[i] = crosses ? 2 : 1;
    if (crosses) inView += 1;
  }
  if (visible <= budget) {
    return { drawn: null, visible, inView, drawnInView: inView, drawnTotal: visible };
  }
  const drawn = new Set<string>();
  const covered = new Uint8Array(actors.length);
  const taken = new Uint8Array(n);
  let drawnInView = 0;
  const take = (i: number) => {
    const e = edges[i];
    if (!e || taken[i]) return;
    taken[i] = 1;
    drawn.add(e.id);
    covered[source[i] ?? 0] = 1;
    covered[target[i] ?? 0] = 1;
    if (state[i] === 2) drawnInView += 1;
  };
  if (isPinned) {
    for (let i = 0; i < n; i++) {
      const e = edges[i];
      if (e && state[i] && isPinned(e)) take(i);
    }
  }
  for (let i = 0; i < n && drawnInView < budget; i++) if (state[i] === 2) take(i);
  // The cover: first edges joining two uncovered actors (one line serves two), then the
  // strongest edge of each actor still uncovered. Close to the fewest lines that leave no
  // visible actor alone.
  for (let i = 0; i < n; i++) {
    if (state[i] && !covered[source[i] ?? 0] && !covered[target[i] ?? 0]) take(i);
  }
  for (let i = 0; i < n; i++) {
    if (state[i] && (!covered[source[i] ?? 0] || !covered[target[i] ?? 0])) take(i);
  }
  return { drawn, visible, inView, drawnInView, drawnTotal: drawn.size };
}

const edgesAtCache = new WeakMap<RankedEdges, ReadonlyMap<string, readonly string[]>>();

/** Each actor's edges (ids, strongest first): what hovering an actor draws. */
export function edgesByActor(ranked: RankedEdges): ReadonlyMap<string, readonly string[]> {
  const cached = edgesAtCache.get(ranked);
  if (cached) return cached;
  const byActor = new Map<string, string[]>();
  const at = (actor: string, id: string) => {
    const list = byActor.get(actor);
    if (list) list.push(id);
    else byActor.set(actor, [id]);
  };
  for (const edge of ranked.edges) {
    at(edge.source, edge.id);
    if (edge.target !== edge.source) at(edge.target, edge.id);
  }
  edgesAtCache.set(ranked, byActor);
  return byActor;
}
