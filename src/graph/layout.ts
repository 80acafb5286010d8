/**
 * The fcose layout, made deterministic. fcose (and cose-base under it) call Math.random even
 * with `randomize: false`, and its fast 'draft' quality requires `randomize: true`; so every
 * run swaps in a seeded generator for its synchronous duration. Same graph, same picture.
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
