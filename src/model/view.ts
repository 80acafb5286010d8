/**
 * Pure view logic: which relations and actors a set of filters, a time window and a focus
 * leave visible. Everything here is a function of its inputs so the store, the canvas and
 * the table agree on one answer.
 */
import {
  ACTOR_TYPES,
  POLARITIES,
  RELATION_TYPES,
  type ActorType,
  type Polarity,
  type RelationType,
} from './schema';
import {
  type DayInterval,
  type MonthIndex,
  intervalsOverlap,
  monthEndDay,
  monthOfDay,
  monthStartDay,
} from './dates';
import { type GraphIndex, type RelationInfo, UNKNOWN_OUTLET } from './graphIndex';

export interface Filters {
  actorTypes: ActorType[];
  relationTypes: RelationType[];
  polarities: Polarity[];
  /** Outlets whose articles are left out ('' = articles without a known outlet). */
  hiddenOutlets: string[];
  /** Only evidence from this article, or every article when null. */
  articleId: string | null;
  /** Least number of matching evidence sentences a relation needs to be shown. */
  minEvidence: number;
  /**
   * What `minEvidence` counts: the sentences in view, or the relation's independent sources
   * (syndication groups; five copies of one wire story are one source).
   */
  minEvidenceBy: 'sentences' | 'sources';
  /** Whether relations whose evidence is all undated are shown. */
  showUndated: boolean;
}

export const DEFAULT_FILTERS: Filters = {
  actorTypes: [...ACTOR_TYPES],
  relationTypes: [...RELATION_TYPES],
  polarities: [...POLARITIES],
  hiddenOutlets: [],
  articleId: null,
  minEvidence: 1,
  minEvidenceBy: 'sentences',
  showUndated: true,
};

/** A relation's independent sources, or its articles where the graph does not count them. */
export function sourcesOf(info: RelationInfo): number {
  return info.relation.independentSources ?? info.articleIds.length;
}

/** 'pairs': one edge per actor pair (the default); 'types': one edge per relation. */
export type EdgeMode = 'pairs' | 'types';
/** 'force': the force-directed layout; 'map': states at their geographic position. */
export type LayoutMode = 'force' | 'map';

/** How the canvas draws what is visible; none of it changes which relations are visible. */
export interface CanvasOptions {
  edges: EdgeMode;
  layout: LayoutMode;
  /** Whether actors without any relation are drawn. */
  showIsolated: boolean;
}

export const DEFAULT_CANVAS: CanvasOptions = {
  edges: 'pairs',
  layout: 'force',
  showIsolated: false,
};

/** Inclusive range of whole months. */
export interface TimeWindow {
  startMonth: MonthIndex;
  endMonth: MonthIndex;
}

export type FocusDepth = 1 | 2;

export interface Focus {
  actorId: string;
  depth: FocusDepth;
}

export interface ViewInputs {
  filters: Filters;
  /** null: all time. */
  window: TimeWindow | null;
  focus: Focus | null;
}

export interface Visibility {
  relationIds: ReadonlySet<string>;
  actorIds: ReadonlySet<string>;
  /** For each visible relation, how many of its evidence sentences match the filters. */
  evidenceCounts: ReadonlyMap<string, number>;
}

export function windowInterval(window: TimeWindow): DayInterval {
  return { start: monthStartDay(window.startMonth), end: monthEndDay(window.endMonth) };
}

/** The filters that do not depend on time: types, polarity, actor types, articles. */
function passesStaticFilters(index: GraphIndex, info: RelationInfo, filters: Filters): boolean {
  const { relation } = info;
  if (!filters.relationTypes.includes(relation.type)) return false;
  if (!filters.polarities.includes(relation.polarity)) return false;
  const source = index.actorsById.get(relation.source);
  const target = index.actorsById.get(relation.target);
  if (!source || !target) return false;
  return filters.actorTypes.includes(source.type) && filters.actorTypes.includes(target.type);
}

function articlePasses(index: GraphIndex, articleId: string, filters: Filters): boolean {
  if (filters.articleId !== null && filters.articleId !== articleId) return false;
  if (filters.hiddenOutlets.length === 0) return true;
  const outlet = index.articlesById.get(articleId)?.outlet ?? UNKNOWN_OUTLET;
  return !filters.hiddenOutlets.includes(outlet);
}

/**
 * How many evidence sentences of a relation survive the article filters and the window, or
 * null when the relation is not shown at all. Dated evidence counts when its whole period
 * (a year, a month or a day) overlaps the window; a relation whose surviving evidence is all
 * undated depends on the undated toggle instead.
 */
export function matchingEvidenceCount(
  index: GraphIndex,
  info: RelationInfo,
  filters: Filters,
  window: DayInterval | null,
): number | null {
  let datedInWindow = 0;
  let datedAny = 0;
  let undated = 0;
  info.relation.evidence.forEach((evidence, i) => {
    if (!articlePasses(index, evidence.articleId, filters)) return;
    const interval = info.intervals[i];
    if (!interval) {
      undated += 1;
      return;
    }
    datedAny += 1;
    if (window === null || intervalsOverlap(interval, window)) datedInWindow += 1;
  });
  let count: number;
  if (datedAny > 0) {
    if (datedInWindow === 0) return null;
    count = datedInWindow + (filters.showUndated ? undated : 0);
  } else {
    if (undated === 0 || !filters.showUndated) return null;
    count = undated;
  }
  const measure = filters.minEvidenceBy === 'sources' ? sourcesOf(info) : count;
  return measure >= Math.max(1, filters.minEvidence) ? count : null;
}

/** The actors within `depth` steps of the focus actor along the given relations. */
export function neighbourhood(
  index: GraphIndex,
  actorId: string,
  depth: number,
  relationIds: ReadonlySet<string>,
): Set<string> {
  const reached = new Set([actorId]);
  let frontier = [actorId];
  for (let step = 0; step < depth; step += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const info of index.relationsByActor.get(id) ?? []) {
        if (!relationIds.has(info.relation.id)) continue;
        const other = info.relation.source === id ? info.relation.target : info.relation.source;
        if (!reached.has(other)) {
          reached.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return reached;
}

export function selectVisibleRelations(index: GraphIndex, inputs: ViewInputs): Visibility {
  const { filters, focus } = inputs;
  const window = inputs.window ? windowInterval(inputs.window) : null;
  let relationIds = new Set<string>();
  const evidenceCounts = new Map<string, number>();
  for (const info of index.relations) {
    if (!passesStaticFilters(index, info, filters)) continue;
    const count = matchingEvidenceCount(index, info, filters, window);
    if (count === null) continue;
    relationIds.add(info.relation.id);
    evidenceCounts.set(info.relation.id, count);
  }
  let actorIds = new Set<string>();
  for (const actor of index.graph.actors) {
    if (!filters.actorTypes.includes(actor.type)) continue;
    const relations = index.relationsByActor.get(actor.id) ?? [];
    // Actors without any relation in the graph stay on the map; the rest show up with an edge.
    if (relations.length === 0 || relations.some((r) => relationIds.has(r.relation.id))) {
      actorIds.add(actor.id);
    }
  }
  if (focus && index.actorsById.has(focus.actorId)) {
    const reached = neighbourhood(index, focus.actorId, focus.depth, relationIds);
    actorIds = new Set([...actorIds].filter((id) => reached.has(id)));
    actorIds.add(focus.actorId);
    relationIds = new Set(
      [...relationIds].filter((id) => {
        const relation = index.relationsById.get(id)?.relation;
        return (
          relation !== undefined && reached.has(relation.source) && reached.has(relation.target)
        );
      }),
    );
    for (const id of [...evidenceCounts.keys()]) {
      if (!relationIds.has(id)) evidenceCounts.delete(id);
    }
  }
  return { relationIds, actorIds, evidenceCounts };
}

export interface Histogram {
  startMonth: MonthIndex;
  /** Evidence per month; a sentence dated only to a year adds 1/12 to each of its months. */
  counts: number[];
}

/** Evidence per month over the corpus span, for relations that pass the non-time filters. */
export function evidenceHistogram(index: GraphIndex, filters: Filters): Histogram | null {
  if (!index.span) return null;
  const { startMonth, endMonth } = index.span;
  const counts = new Array<number>(endMonth - startMonth + 1).fill(0);
  for (const info of index.relations) {
    if (!passesStaticFilters(index, info, filters)) continue;
    info.relation.evidence.forEach((evidence, i) => {
      const interval = info.intervals[i];
      if (!interval || !articlePasses(index, evidence.articleId, filters)) return;
      const first = monthOfDay(interval.start);
      const last = monthOfDay(interval.end);
      const share = 1 / (last - first + 1);
      for (let m = first; m <= last; m += 1) {
        const slot = m - startMonth;
        if (slot >= 0 && slot < counts.length) counts[slot] = (counts[slot] ?? 0) + share;
      }
    });
  }
  return { startMonth, counts };
}

/** The window that covers the last 12 months of the corpus (or all of it when shorter). */
export function lastTwelveMonths(index: GraphIndex): TimeWindow | null {
  if (!index.span) return null;
  const { startMonth, endMonth } = index.span;
  return { startMonth: Math.max(startMonth, endMonth - 11), endMonth };
}
