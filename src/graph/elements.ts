/**
 * The pure element builder: (graph, visibility, selection) -> every Cytoscape element with
 * its classes. Nothing is removed when filtered; hidden elements carry `is-hidden`, so the
 * layout and node positions survive any filter or time window.
 */
import type { ElementDefinition } from 'cytoscape';
import type { GraphIndex } from '../model/graphIndex';
import type { Selection } from '../model/urlState';
import type { Visibility } from '../model/view';
import { edgeWidth, nodeSize } from './tokens';
import { relationReviewStatus } from '../model/review';

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

/** The structural part of the elements: changes only when the graph does. */
export function buildBaseElements(index: GraphIndex): AtlasElement[] {
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
): (id: string) => string {
  const selectedActor =
    selection?.kind === 'actor' && index.actorsById.has(selection.id) ? selection.id : null;
  const selectedRelation = selection?.kind === 'relation' ? selection.id : null;
  const lit = selectedActor ? litActors(index, visibility, selectedActor) : null;
  return (id) => {
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
    const hidden = !visibility.actorIds.has(id);
    let mark = '';
    if (id === selectedActor) mark = 'is-selected';
    else if (lit && !lit.has(id)) mark = 'is-dimmed';
    if (!hidden) return mark;
    return mark ? `is-hidden ${mark}` : 'is-hidden';
  };
}

/** Classes for every element id. */
export function elementClasses(
  index: GraphIndex,
  visibility: Visibility,
  selection: Selection,
): Map<string, string> {
  const classOf = classComputer(index, visibility, selection);
  const classes = new Map<string, string>();
  for (const actor of index.graph.actors) classes.set(actor.id, classOf(actor.id));
  for (const info of index.relations) classes.set(info.relation.id, classOf(info.relation.id));
  return classes;
}

/** The full element list with classes, as the canvas should show it. */
export function buildElements(
  index: GraphIndex,
  visibility: Visibility,
  selection: Selection,
): AtlasElement[] {
  const classes = elementClasses(index, visibility, selection);
  return buildBaseElements(index).map((element) => ({
    ...element,
    classes: classes.get(element.data.id) ?? '',
  }));
}

export function toDefinition(element: AtlasElement): ElementDefinition {
  return { group: element.group, data: { ...element.data }, classes: element.classes };
}
