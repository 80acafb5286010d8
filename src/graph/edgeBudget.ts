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
  /**
   * Whether an actor is drawn (the node budget, `selectDrawnNodes`): an edge with an undrawn
   * end is never drawn, but still counts as visible and in view. Without it every actor is.
   */
  isDrawnActor?: (actorId: string) => boolean;
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
 * With `isDrawnActor`, only edges between drawn actors are drawn, and `drawn` is never null.
 * Deterministic: the same input gives the same set.
 */
export function selectDrawnEdges(input: EdgeBudgetInput): EdgeBudgetResult {
  const { ranked, isVisible, positionOf, viewport, budget, isPinned, isDrawnActor } = input;
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
  const actorDrawn = new Uint8Array(actors.length).fill(1);
  if (isDrawnActor) actors.forEach((id, a) => (actorDrawn[a] = isDrawnActor(id) ? 1 : 0));
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
    if (crosses) inView += 1;
    // 0 as well for an edge with an undrawn end: it counts, but is never drawn.
    state[i] = !actorDrawn[s] || !actorDrawn[t] ? 0 : crosses ? 2 : 1;
  }
  if (visible <= budget && !isDrawnActor) {
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

/**
 * Actors drawn inside the viewport when more are visible. Each visible node costs the canvas
 * renderer a fixed time per frame whatever its style, and at 20,000 relations the fitted view
 * of 5,000 actors is a blob of overlapping nodes anyway. 600 measured a third faster per
 * window step than 1,200 at 20,000 relations (bench/README.md); the 2,000-relation graph's
 * 500 actors stay below it.
 */
export const NODE_BUDGET = 600;

export interface NodeBudgetInput {
  /** Every edge of the graph (`rankEdges`): degrees count its visible edges. */
  ranked: RankedEdges;
  /** Whether an edge is visible under the filters and the time window. */
  isVisible: (edgeId: string) => boolean;
  /** The visible actors (their order does not matter). */
  actors: readonly string[];
  /** Node positions in model coordinates; an actor with no position counts as in view. */
  positionOf: (actorId: string) => Point | undefined;
  /** The (padded) visible part of the canvas; null counts every actor as in view. */
  viewport: Extent | null;
  budget: number;
  /** Actors drawn whatever the budget (selection, hover, search); only visible ones are. */
  pinned?: ReadonlySet<string>;
}

export interface NodeBudgetResult {
  /** The actors to draw; null when every visible actor is drawn (at or below the budget). */
  drawn: Set<string> | null;
  visible: number;
  /** Visible actors in the viewport, and how many of those are drawn. */
  inView: number;
  drawnInView: number;
}

/**
 * Which visible actors to draw. At or below the budget: all (`drawn: null`). Above it:
 * 1. pinned actors;
 * 2. the best connected actors in the viewport (degree over visible edges, then id), then
 *    the best connected outside it, until `budget` are drawn;
 * 3. for every drawn actor whose visible edges all lead to undrawn actors, its strongest
 *    edge's other end, so no drawn actor stands alone (this may exceed the budget).
 * Deterministic: the same input gives the same set, whatever the order of `actors`.
 */
export function selectDrawnNodes(input: NodeBudgetInput): NodeBudgetResult {
  const { ranked, isVisible, actors, positionOf, viewport, budget, pinned } = input;
  const inViewOf = (id: string) => {
    if (!viewport) return true;
    const p = positionOf(id);
    return (
      !p || (p.x >= viewport.x1 && p.x <= viewport.x2 && p.y >= viewport.y1 && p.y <= viewport.y2)
    );
  };
  const inView = new Set<string>();
  for (const id of actors) if (inViewOf(id)) inView.add(id);
  if (actors.length <= budget) {
    return { drawn: null, visible: actors.length, inView: inView.size, drawnInView: inView.size };
  }
  const { edges, source, target } = ranked;
  const names = ranked.actors;
  const numberOf = actorNumbers(ranked);
  const visibleActor = new Uint8Array(names.length);
  for (const id of actors) {
    const a = numberOf.get(id);
    if (a !== undefined) visibleActor[a] = 1;
  }
  const degree = new Int32Array(names.length);
  // Visible edges between visible actors: the only ones that count or bring a partner.
  const visibleEdge = new Uint8Array(edges.length);
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    const s = source[i] ?? 0;
    const t = target[i] ?? 0;
    if (!e || !visibleActor[s] || !visibleActor[t] || !isVisible(e.id)) continue;
    visibleEdge[i] = 1;
    degree[s] = (degree[s] ?? 0) + 1;
    degree[t] = (degree[t] ?? 0) + 1;
  }
  // One sort key per actor: pinned first, then in view, then degree (the id breaks ties).
  const keyed = actors.map((id) => {
    const a = numberOf.get(id);
    const deg = a === undefined ? 0 : (degree[a] ?? 0);
    const tier = (pinned?.has(id) ? 2 : 0) + (inView.has(id) ? 1 : 0);
    return { id, key: tier * 1e9 + deg };
  });
  keyed.sort((x, y) => y.key - x.key || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const drawn = new Set<string>();
  for (const { id } of keyed) {
    if (drawn.size >= budget && !pinned?.has(id)) break;
    drawn.add(id);
  }
  const drawnNumber = new Uint8Array(names.length);
  for (const id of drawn) {
    const a = numberOf.get(id);
    if (a !== undefined) drawnNumber[a] = 1;
  }
  // The cover: a drawn actor with visible edges, none of them to a drawn actor, brings the
  // other end of its strongest one.
  const partnered = new Uint8Array(names.length);
  const isDrawn = (a: number) => drawnNumber[a] === 1;
  for (let i = 0; i < edges.length; i++) {
    const s = source[i] ?? 0;
    const t = target[i] ?? 0;
    if (visibleEdge[i] && isDrawn(s) && isDrawn(t)) partnered[s] = partnered[t] = 1;
  }
  for (let i = 0; i < edges.length; i++) {
    if (!visibleEdge[i]) continue;
    const s = source[i] ?? 0;
    const t = target[i] ?? 0;
    const sDrawn = isDrawn(s);
    const tDrawn = isDrawn(t);
    if (sDrawn === tDrawn) continue;
    const [inside, outside] = sDrawn ? [s, t] : [t, s];
    if (partnered[inside]) continue;
    drawn.add(names[outside] ?? '');
    drawnNumber[outside] = 1;
    partnered[inside] = partnered[outside] = 1;
  }
  let drawnInView = 0;
  for (const id of inView) if (drawn.has(id)) drawnInView += 1;
  return { drawn, visible: actors.length, inView: inView.size, drawnInView };
}

const numbersCache = new WeakMap<RankedEdges, ReadonlyMap<string, number>>();

function actorNumbers(ranked: RankedEdges): ReadonlyMap<string, number> {
  let numbers = numbersCache.get(ranked);
  if (!numbers) {
    numbers = new Map(ranked.actors.map((id, a) => [id, a]));
    numbersCache.set(ranked, numbers);
  }
  return numbers;
}

/** The visible neighbours of some actors (the actors themselves not included). */
export function visibleNeighbours(
  ranked: RankedEdges,
  around: ReadonlySet<string>,
  isVisible: (edgeId: string) => boolean,
): Set<string> {
  const out = new Set<string>();
  if (around.size === 0) return out;
  for (const e of ranked.edges) {
    const s = around.has(e.source);
    const t = around.has(e.target);
    if ((!s && !t) || !isVisible(e.id)) continue;
    if (s) out.add(e.target);
    if (t) out.add(e.source);
  }
  for (const id of around) out.delete(id);
  return out;
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
