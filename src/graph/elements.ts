/**
 * The pure element builder: (graph, visibility, selection) -> every Cytoscape element with
 * its classes. Nothing is removed when filtered; hidden elements carry `is-hidden`, so the
 * layout and node positions survive any filter or time window.
 */
import type { ElementDefinition } from 'cytoscape';
import type { GraphIndex } from '../model/graphIndex';
import type { Selection } from '../model/urlState';
import type { EdgeMode, Visibility } from '../model/view';
import {
  combinedPolarity,
  pairEdgeId,
  pairKey,
  pairSourceCount,
  pairsOf,
  relationTypesOf,
} from '../model/pairs';
import { edgeWidth, nodeSize } from './tokens';
import { relationReviewStatus } from '../model/review';

export type { EdgeMode };

/** Above this many actors only the best connected keep a label at the default zoom. */
export const LABEL_BUDGET = 60;

export interface ElementOptions {
  edges?: EdgeMode;
  /** Hide actors that have no relation at all. */
  hideIsolated?: boolean;
}

const PAIR_PREFIX = 'pair:';

export interface NodeData {
  id: string;
  label: string;
  type: string;
  size: number;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  polarity: string;
  articleCount: number;
  width: number;
  /** Pair edges: the number of relation types, shown when above one ('' otherwise). */
  label?: string;
  /** 'confirmed' draws the edge with a halo (see the stylesheet and the legend). */
  review: string;
}

export interface NodeElement {
  group: 'nodes';
  data: NodeData;
  classes: string;
}

export interface EdgeElement {
  group: 'edges';
  data: EdgeData;
  classes: string;
}

export type AtlasElement = NodeElement | EdgeElement;

/**
 * The actors that keep their label at any zoom: all of them up to LABEL_BUDGET, beyond that
 * the best connected (by relation count, then name). The rest get `is-minor` and show their
 * label only when zoomed in, so labels do not pile into mush at the default zoom.
 */
export function labelledActors(index: GraphIndex): Set<string> {
  const actors = index.graph.actors;
  if (actors.length <= LABEL_BUDGET) return new Set(actors.map((a) => a.id));
  const degree = (id: string) => index.relationsByActor.get(id)?.length ?? 0;
  const ranked = [...actors].sort(
    (x, y) => degree(y.id) - degree(x.id) || x.name.localeCompare(y.name),
  );
  return new Set(ranked.slice(0, LABEL_BUDGET).map((a) => a.id));
}

function pairReview(statuses: string[]): string {
  if (statuses.includes('confirmed')) return 'confirmed';
  return statuses.length && statuses.every((s) => s === 'rejected') ? 'rejected' : 'unreviewed';
}

function pairEdges(index: GraphIndex): AtlasElement[] {
  return [...pairsOf(index).values()].map((pair) => {
    const count = pairSourceCount(pair.relations);
    const types = relationTypesOf(pair.relations).length;
    return {
      group: 'edges',
      data: {
        id: pairEdgeId(pair.key),
        source: pair.a,
        target: pair.b,
        type: 'pair',
        polarity: combinedPolarity(pair.relations),
        articleCount: count,
        width: edgeWidth(count),
        label: types > 1 ? String(types) : '',
        // A pair with a confirmed relation is drawn confirmed; all rejected, rejected.
        review: pairReview(pair.relations.map((r) => relationReviewStatus(r.relation))),
      },
      classes: '',
    };
  });
}

/** The structural part of the elements: changes only when the graph (or the edge mode) does. */
export function buildBaseElements(index: GraphIndex, options: ElementOptions = {}): AtlasElement[] {
  const nodes: AtlasElement[] = index.graph.actors.map((actor) => ({
    group: 'nodes',
    data: {
      id: actor.id,
      label: actor.name,
      type: actor.type,
      size: nodeSize(index.relationsByActor.get(actor.id)?.length ?? 0),
    },
    classes: '',
  }));
  if (options.edges === 'pairs') return [...nodes, ...pairEdges(index)];
  const edges: AtlasElement[] = index.relations.map((info) => ({
    group: 'edges',
    data: {
      id: info.relation.id,
      source: info.relation.source,
      target: info.relation.target,
      type: info.relation.type,
      polarity: info.relation.polarity,
      articleCount: info.articleIds.length,
      // Width follows independent sources: five copies of one wire story are one source.
      width: edgeWidth(info.relation.independentSources ?? info.articleIds.length),
      review: relationReviewStatus(info.relation),
    },
    classes: '',
  }));
  return [...nodes, ...edges];
}

/** Actors that should stay bright while an actor is selected: it and its visible neighbours. */
function litActors(index: GraphIndex, visibility: Visibility, actorId: string): Set<string> {
  const lit = new Set([actorId]);
  for (const info of index.relationsByActor.get(actorId) ?? []) {
    if (!visibility.relationIds.has(info.relation.id)) continue;
    lit.add(info.relation.source);
    lit.add(info.relation.target);
  }
  return lit;
}

/** The classes of one element (actor or relation id) under a visibility and a selection. */
export function classComputer(
  index: GraphIndex,
  visibility: Visibility,
  selection: Selection,
  options: ElementOptions = {},
): (id: string) => string {
  const selectedActor =
    selection?.kind === 'actor' && index.actorsById.has(selection.id) ? selection.id : null;
  const selectedRelation = selection?.kind === 'relation' ? selection.id : null;
  const selectedPair =
    selection?.kind === 'pair'
      ? selection.id
      : selectedRelation
        ? pairKeyOf(index, selectedRelation)
        : null;
  const lit = selectedActor ? litActors(index, visibility, selectedActor) : null;
  const labelled = labelledActors(index);
  const pairs = pairsOf(index);
  return (id) => {
    if (id.startsWith(PAIR_PREFIX)) {
      const key = id.slice(PAIR_PREFIX.length);
      const pair = pairs.get(key);
      if (!pair) return 'is-hidden';
      const shown = pair.relations.filter((r) => visibility.relationIds.has(r.relation.id));
      if (shown.length === 0) return 'is-hidden';
      const marks = [`p-${combinedPolarity(shown)}`];
      if (selectedPair === key) marks.push('is-selected');
      else if (selectedActor && pair.a !== selectedActor && pair.b !== selectedActor) {
        marks.push('is-dimmed');
      }
      return marks.join(' ');
    }
    const info = index.relationsById.get(id);
    if (info) {
      const { source, target } = info.relation;
      const hidden = !visibility.relationIds.has(id);
      if (selectedRelation === id) return hidden ? 'is-hidden is-selected' : 'is-selected';
      if (selectedActor && source !== selectedActor && target !== selectedActor) {
        return hidden ? 'is-hidden is-dimmed' : 'is-dimmed';
      }
      return hidden ? 'is-hidden' : '';
    }
    const hidden =
      !visibility.actorIds.has(id) ||
      (options.hideIsolated === true && (index.relationsByActor.get(id)?.length ?? 0) === 0);
    const marks: string[] = [];
    if (hidden) marks.push('is-hidden');
    if (id === selectedActor) marks.push('is-selected');
    else if (lit && !lit.has(id)) marks.push('is-dimmed');
    if (!labelled.has(id) && id !== selectedActor) marks.push('is-minor');
    return marks.join(' ');
  };
}

function pairKeyOf(index: GraphIndex, relationId: string): string | null {
  const relation = index.relationsById.get(relationId)?.relation;
  return relation ? pairKey(relation.source, relation.target) : null;
}

/** The ids of the edges a mode draws. */
export function edgeIds(index: GraphIndex, mode: EdgeMode = 'types'): string[] {
  if (mode === 'pairs') return [...pairsOf(index).keys()].map(pairEdgeId);
  return index.relations.map((info) => info.relation.id);
}

/** The pair edge a relation is drawn in. */
export function pairEdgeOfRelation(index: GraphIndex, relationId: string): string | null {
  const key = pairKeyOf(index, relationId);
  return key === null ? null : pairEdgeId(key);
}

/** Classes for every element id. */
export function elementClasses(
  index: GraphIndex,
  visibility: Visibility,
  selection: Selection,
  options: ElementOptions = {},
): Map<string, string> {
  const classOf = classComputer(index, visibility, selection, options);
  const classes = new Map<string, string>();
  for (const actor of index.graph.actors) classes.set(actor.id, classOf(actor.id));
  for (const id of edgeIds(index, options.edges)) classes.set(id, classOf(id));
  return classes;
}

/** The full element list with classes, as the canvas should show it. */
export function buildElements(
  index: GraphIndex,
  visibility: Visibility,
  selection: Selection,
  options: ElementOptions = {},
): AtlasElement[] {
  const classes = elementClasses(index, visibility, selection, options);
  return buildBaseElements(index, options).map((element) => ({
    ...element,
    classes: classes.get(element.data.id) ?? '',
  }));
}

export function toDefinition(element: AtlasElement): ElementDefinition {
  return { group: element.group, data: { ...element.data }, classes: element.classes };
}

export function isPairEdgeId(id: string): boolean {
  return id.startsWith(PAIR_PREFIX);
}
