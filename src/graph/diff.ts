/**
 * Diffing element lists by id and applying the result to Cytoscape in one batch. Only what
 * changed is touched: moving the time window re-classes the edges that enter or leave it.
 */
import type { Core } from 'cytoscape';
import { type AtlasElement, toDefinition } from './elements';

export interface ElementPatch {
  id: string;
  data?: Record<string, string | number>;
  classes?: string;
}

export interface ElementDiff {
  add: AtlasElement[];
  remove: string[];
  patch: ElementPatch[];
}

function sameData(a: AtlasElement['data'], b: AtlasElement['data']): boolean {
  const keysA = Object.keys(a) as (keyof typeof a)[];
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => a[key] === (b as typeof a)[key]);
}

export function diffElements(
  previous: ReadonlyMap<string, AtlasElement>,
  next: readonly AtlasElement[],
): ElementDiff {
  const diff: ElementDiff = { add: [], remove: [], patch: [] };
  const seen = new Set<string>();
  for (const element of next) {
    const id = element.data.id;
    seen.add(id);
    const before = previous.get(id);
    if (!before || before.group !== element.group) {
      if (before) diff.remove.push(id);
      diff.add.push(element);
      continue;
    }
    if (
      element.group === 'edges' &&
      before.group === 'edges' &&
      (before.data.source !== element.data.source || before.data.target !== element.data.target)
    ) {
      diff.remove.push(id);
      diff.add.push(element);
      continue;
    }
    const patch: ElementPatch = { id };
    if (!sameData(before.data, element.data)) patch.data = { ...element.data };
    if (before.classes !== element.classes) patch.classes = element.classes;
    if (patch.data !== undefined || patch.classes !== undefined) diff.patch.push(patch);
  }
  for (const id of previous.keys()) if (!seen.has(id)) diff.remove.push(id);
  return diff;
}

/** Class changes only: the fast path for filters, the time window and the selection. */
export function diffClasses(
  previous: ReadonlyMap<string, string>,
  next: ReadonlyMap<string, string>,
): ElementPatch[] {
  const patches: ElementPatch[] = [];
  for (const [id, classes] of next) {
    if (previous.get(id) !== classes) patches.push({ id, classes });
  }
  return patches;
}

export function isStructural(diff: ElementDiff): boolean {
  return diff.add.length > 0 || diff.remove.length > 0;
}

/**
 * Applies a diff inside one batch. Never runs a layout (that happens outside the batch).
 * With `offCanvas`, the edges it names are not added: the level of detail keeps undrawn
 * edges out of Cytoscape and adds them when it draws them (`setCanvasEdges`).
 */
export function applyDiff(
  cy: Core,
  diff: ElementDiff,
  offCanvas?: (element: AtlasElement) => boolean,
): void {
  cy.batch(() => {
    removeElements(cy, diff.remove);
    // Nodes first, so edges find their ends.
    const nodes = diff.add.filter((e) => e.group === 'nodes').map(toDefinition);
    const edges = diff.add.filter((e) => e.group === 'edges' && !offCanvas?.(e)).map(toDefinition);
    if (nodes.length > 0) cy.add(nodes);
    if (edges.length > 0) cy.add(edges);
    applyPatchesUnbatched(cy, diff.patch);
  });
}

/**
 * Removes the elements with these ids in one call: each call of Cytoscape's `remove` walks
 * every element of the graph once, so removing thousands one by one takes seconds.
 */
export function removeElements(cy: Core, ids: Iterable<string>): void {
  const found = cy.collection();
  for (const id of ids) {
    const element = cy.getElementById(id);
    if (!element.empty()) found.merge(element);
  }
  if (!found.empty()) found.remove();
}

/** Which edges enter and which leave the canvas to go from `current` to `wanted`. */
export interface CanvasEdgeChange {
  add: string[];
  remove: string[];
}

export function canvasEdgeChange(
  current: ReadonlySet<string>,
  wanted: ReadonlySet<string>,
): CanvasEdgeChange {
  const change: CanvasEdgeChange = { add: [], remove: [] };
  for (const id of current) if (!wanted.has(id)) change.remove.push(id);
  for (const id of wanted) if (!current.has(id)) change.add.push(id);
  return change;
}

/**
 * Brings edges onto the canvas and takes others off, inside one batch. An edge that enters
 * is built from its element (current data) with `classOf(id)` as its classes; ids without an
 * element are skipped. Every element on the canvas costs Cytoscape a bounding box and a
 * style walk on every frame, even with `display: none`, so undrawn edges stay out of it.
 */
export function setCanvasEdges(
  cy: Core,
  change: CanvasEdgeChange,
  elementOf: (id: string) => AtlasElement | undefined,
  classOf: (id: string) => string,
): void {
  if (change.add.length === 0 && change.remove.length === 0) return;
  cy.batch(() => {
    removeElements(cy, change.remove);
    const definitions = [];
    for (const id of change.add) {
      const element = elementOf(id);
      if (element?.group !== 'edges' || !cy.getElementById(id).empty()) continue;
      definitions.push({ ...toDefinition(element), classes: classOf(id) });
    }
    if (definitions.length > 0) cy.add(definitions);
  });
}

export function applyPatches(cy: Core, patches: readonly ElementPatch[]): void {
  if (patches.length === 0) return;
  cy.batch(() => applyPatchesUnbatched(cy, patches));
}

function applyPatchesUnbatched(cy: Core, patches: readonly ElementPatch[]): void {
  for (const patch of patches) {
    const element = cy.getElementById(patch.id);
    if (element.empty()) continue;
    if (patch.data) element.data(patch.data);
    if (patch.classes !== undefined) element.classes(patch.classes);
  }
}
