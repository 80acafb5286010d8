/**
 * The fcose layout, made deterministic. fcose (and cose-base under it) call Math.random even
 * with `randomize: false`, and its fast 'draft' quality requires `randomize: true`; so every
 * run swaps in a seeded generator for its synchronous duration. Same graph, same picture.
 *
 * In the app fcose runs in a Web Worker (./layout.worker.ts on a headless Cytoscape): the
 * canvas gets instant placeholder positions from `quickPositions`, and the worker's
 * positions are applied with the preset layout when they arrive. Nothing here imports
 * cytoscape or fcose at runtime, so neither the layout code nor fcose is in the main bundle.
 */
import type { Collection, Core, LayoutOptions } from 'cytoscape';

/** Above this many nodes only the spectral ('draft') phase runs: seconds instead of minutes. */
export const DRAFT_QUALITY_ABOVE = 300;
/** Above this many elements the stylesheet switches to its cheaper 'large' variant. */
export const LARGE_GRAPH_ABOVE = 3000;

export const LAYOUT_SEED = 20250101;

/** mulberry32: a tiny seeded PRNG, good enough to make layouts repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function withSeededRandom<T>(seed: number, run: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

export function layoutOptions(nodeCount: number): LayoutOptions {
  const draft = nodeCount > DRAFT_QUALITY_ABOVE;
  return {
    name: 'fcose',
    quality: draft ? 'draft' : 'default',
    randomize: true,
    animate: false,
    fit: true,
    padding: 40,
    nodeDimensionsIncludeLabels: !draft,
    packComponents: true,
    nodeSeparation: 110,
    idealEdgeLength: () => 120,
    nodeRepulsion: () => 9000,
    edgeElasticity: () => 0.35,
    gravity: 0.3,
    numIter: 2500,
    tile: true,
  } as LayoutOptions;
}

/**
 * Lays out `elements` (by default everything that is displayed). Must not be called inside
 * cy.batch: fcose reads the styles.
 */
export function runLayout(cy: Core, elements?: Collection): void {
  const eles = elements ?? cy.elements();
  const nodeCount = eles.nodes().length;
  if (nodeCount === 0) return;
  withSeededRandom(LAYOUT_SEED, () => {
    eles.layout(layoutOptions(nodeCount)).run();
  });
}

/** What a layout needs to know about the graph: node boxes and the edges between them. */
export interface LayoutInput {
  nodes: Array<{ id: string; width: number; height: number }>;
  /** [source, target] node ids. */
  edges: Array<[string, string]>;
  /** Whether label sizes are part of the node boxes (only below DRAFT_QUALITY_ABOVE). */
  withLabels: boolean;
}

export type Positions = Record<string, { x: number; y: number }>;

/**
 * The layout input for the given elements (by default everything), read from the live
 * canvas so label boxes are the rendered ones. `offCanvasEdges` are [source, target] pairs
 * of edges that are part of the graph but not of the canvas (the level of detail keeps
 * undrawn edges out of Cytoscape); they count where both ends are among the nodes.
 */
export function layoutInputOf(
  cy: Core,
  elements?: Collection,
  offCanvasEdges: ReadonlyArray<readonly [string, string]> = [],
): LayoutInput {
  const eles = elements ?? cy.elements();
  const nodes = eles.nodes();
  const withLabels = nodes.length <= DRAFT_QUALITY_ABOVE;
  const ids = new Set<string>();
  const input: LayoutInput = { nodes: [], edges: [], withLabels };
  nodes.forEach((node) => {
    ids.add(node.id());
    if (withLabels) {
      const box = node.boundingBox({ includeLabels: true, includeOverlays: false });
      input.nodes.push({ id: node.id(), width: box.w, height: box.h });
    } else {
      // From the data, not outerWidth(): that would compute every node's style up front.
      const size = Number(node.data('size')) + NODE_BORDER;
      input.nodes.push({ id: node.id(), width: size, height: size });
    }
  });
  eles.edges().forEach((edge) => {
    const source = String(edge.data('source'));
    const target = String(edge.data('target'));
    if (ids.has(source) && ids.has(target)) input.edges.push([source, target]);
  });
  for (const [source, target] of offCanvasEdges) {
    if (ids.has(source) && ids.has(target)) input.edges.push([source, target]);
  }
  return input;
}

/** The stylesheet's node border, part of a node's outer size. */
const NODE_BORDER = 2;

/**
 * The zoom and pan that fit `positions` (node centres, plus half the largest node) into a
 * viewport, computed from the numbers alone: Cytoscape's fit() measures every element's
 * bounding box, which forces the style of thousands of edges before the first frame.
 */
export function fitViewport(
  positions: Positions,
  viewport: { width: number; height: number },
  padding: number,
  margin: number,
): { zoom: number; pan: { x: number; y: number } } | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const id in positions) {
    const p = positions[id];
    if (!p) continue;
    x1 = Math.min(x1, p.x - margin);
    x2 = Math.max(x2, p.x + margin);
    y1 = Math.min(y1, p.y - margin);
    y2 = Math.max(y2, p.y + margin);
  }
  const w = viewport.width - 2 * padding;
  const h = viewport.height - 2 * padding;
  if (!Number.isFinite(x1) || w <= 0 || h <= 0) return null;
  const zoom = Math.min(w / Math.max(1, x2 - x1), h / Math.max(1, y2 - y1));
  return {
    zoom,
    pan: {
      x: viewport.width / 2 - zoom * ((x1 + x2) / 2),
      y: viewport.height / 2 - zoom * ((y1 + y2) / 2),
    },
  };
}

/** Empty space kept between two spread nodes, in model pixels. */
export const SPREAD_GAP = 14;
/** The share of the spread grid's cells that nodes fill, before a crowded core pushes out. */
const SPREAD_DENSITY = 0.45;
/** Grid coordinates are packed into one number: x and y each within ±2^15 cells. */
const GRID_OFFSET = 32768;

/**
 * Moves nodes apart so that no two overlap, keeping each as near its place as it can.
 * fcose's draft quality (the spectral phase alone, above DRAFT_QUALITY_ABOVE nodes) places
 * nodes by hop distance, and in a small-world graph of thousands of actors every hop count is
 * small: 5,000 nodes land in a disc a few hundred pixels across, one blob however far the user
 * zooms in. Here the positions are first scaled up until the nodes could fit, then each node,
 * biggest and most central first, takes the nearest free cell (or square of cells, for a node
 * larger than one) of a grid as wide as a typical node plus SPREAD_GAP. Neighbours stay
 * neighbours; a dense core becomes a filled patch instead of a pile. Deterministic: the same
 * input gives the same positions.
 */
export function spreadPositions(input: LayoutInput, positions: Positions): Positions {
  const nodes = input.nodes.filter((node) => positions[node.id]);
  if (nodes.length < 2) return positions;
  const sizes = nodes.map((node) => Math.max(node.width, node.height)).sort((a, b) => a - b);
  const cell = (sizes[Math.floor((sizes.length - 1) / 2)] ?? 0) + SPREAD_GAP;
  const spanOf = (node: { width: number; height: number }) =>
    Math.max(1, Math.ceil((Math.max(node.width, node.height) + SPREAD_GAP) / cell));

  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  let cells = 0;
  for (const node of nodes) {
    const p = positions[node.id];
    if (!p) continue;
    x1 = Math.min(x1, p.x);
    x2 = Math.max(x2, p.x);
    y1 = Math.min(y1, p.y);
    y2 = Math.max(y2, p.y);
    cells += spanOf(node) ** 2;
  }
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  // A flat or point-like extent must not stretch the picture into a line.
  const longest = Math.max(x2 - x1, y2 - y1, cell);
  const w = Math.max(x2 - x1, longest / 4);
  const h = Math.max(y2 - y1, longest / 4);
  const scale = Math.max(1, Math.sqrt((cells / SPREAD_DENSITY) * cell * cell) / Math.sqrt(w * h));

  const order = nodes
    .map((node, i) => {
      const p = positions[node.id] ?? { x: cx, y: cy };
      return {
        node,
        i,
        span: spanOf(node),
        // Grid coordinates of the node's wished-for centre.
        gx: ((p.x - cx) * scale) / cell,
        gy: ((p.y - cy) * scale) / cell,
      };
    })
    .sort(
      (a, b) =>
        b.span - a.span || a.gx * a.gx + a.gy * a.gy - (b.gx * b.gx + b.gy * b.gy) || a.i - b.i,
    );

  const taken = new Set<number>();
  const keyOf = (x: number, y: number) => (x + GRID_OFFSET) * 65536 + (y + GRID_OFFSET);
  const free = (x: number, y: number, span: number) => {
    for (let dx = 0; dx < span; dx++)
      for (let dy = 0; dy < span; dy++) if (taken.has(keyOf(x + dx, y + dy))) return false;
    return true;
  };
  // A ring found full for a wished-for corner and span stays full (cells are only taken), so
  // the next node wishing for the same corner starts its search where the last one ended.
  const firstRing = new Map<string, number>();

  const spread: Positions = { ...positions };
  for (const { node, span, gx, gy } of order) {
    // The top-left cell of the square whose centre is nearest the wished-for centre.
    const wantX = gx - (span - 1) / 2;
    const wantY = gy - (span - 1) / 2;
    const ox = Math.round(wantX);
    const oy = Math.round(wantY);
    const ringKey = `${ox},${oy},${span}`;
    const nearest = (): { x: number; y: number } => {
      for (let r = firstRing.get(ringKey) ?? 0; ; r++) {
        let best: { x: number; y: number; d: number } | null = null;
        for (let dx = -r; dx <= r; dx++) {
          // The ring's cells only: whole columns at the two ends, two cells in between.
          const step = dx === -r || dx === r ? 1 : 2 * r;
          for (let dy = -r; dy <= r; dy += Math.max(1, step)) {
            const x = ox + dx;
            const y = oy + dy;
            if (!free(x, y, span)) continue;
            const d = (x - wantX) ** 2 + (y - wantY) ** 2;
            if (!best || d < best.d) best = { x, y, d };
          }
        }
        if (best) return best;
        firstRing.set(ringKey, r + 1);
      }
    };
    const found = nearest();
    for (let dx = 0; dx < span; dx++)
      for (let dy = 0; dy < span; dy++) taken.add(keyOf(found.x + dx, found.y + dy));
    spread[node.id] = {
      x: cx + (found.x + (span - 1) / 2) * cell,
      y: cy + (found.y + (span - 1) / 2) * cell,
    };
  }
  return spread;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Instant, deterministic placeholder positions while the real layout runs: a sunflower
 * spiral with the best-connected actors in the middle.
 */
export function quickPositions(input: LayoutInput): Positions {
  const degree = new Map<string, number>();
  for (const [s, t] of input.edges) {
    degree.set(s, (degree.get(s) ?? 0) + 1);
    degree.set(t, (degree.get(t) ?? 0) + 1);
  }
  const order = input.nodes
    .map((node, i) => ({ id: node.id, degree: degree.get(node.id) ?? 0, i }))
    .sort((a, b) => b.degree - a.degree || a.i - b.i);
  const spacing = 55;
  const positions: Positions = {};
  order.forEach(({ id }, i) => {
    const radius = spacing * Math.sqrt(i);
    positions[id] = {
      x: radius * Math.cos(i * GOLDEN_ANGLE),
      y: radius * Math.sin(i * GOLDEN_ANGLE),
    };
  });
  return positions;
}
