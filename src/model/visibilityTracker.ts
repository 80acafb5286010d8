/**
 * The same answer as `selectVisibleRelations`, kept up to date incrementally. Dated evidence
 * is sorted once per graph by the first and by the last day it covers; a relation's evidence
 * in the window is (evidence starting on or before the window's end) minus (evidence ending
 * before the window's start). Moving the window walks two cursors over those sorted lists, so
 * a one-month step touches only the evidence that enters or leaves, and only the relations
 * (and their actors) behind it are re-decided. A filter change recounts everything once.
 */
import { monthEndDay, monthStartDay } from './dates';
import type { GraphIndex } from './graphIndex';
import { UNKNOWN_OUTLET } from './graphIndex';
import {
  type Filters,
  type Focus,
  type TimeWindow,
  type ViewInputs,
  type Visibility,
  neighbourhood,
  sourcesOf,
} from './view';

/** What changed since `from`: the ids whose visibility may differ (a superset is allowed). */
export interface VisibilityDelta {
  from: Visibility;
  relationIds: readonly string[];
  actorIds: readonly string[];
}

/** A Visibility that may say how it differs from the one before it. */
export interface TrackedVisibility extends Visibility {
  delta?: VisibilityDelta;
}

/** Per-graph structure, built once: evidence as flat arrays sorted by start and by end. */
interface Prepared {
  relationCount: number;
  relationIds: string[];
  /** Independent sources per relation (articles where the graph does not count them). */
  relationSources: Int32Array;
  relationSource: Int32Array;
  /** -1 for a self-loop, which counts once for its actor. */
  relationTarget: Int32Array;
  actorIds: string[];
  actorDegree: Int32Array;
  /** Dated evidence, one slot each. */
  entryRelation: Int32Array;
  entryArticle: Int32Array;
  /** Entry numbers by ascending first day, with those days beside them for binary search. */
  byStart: Int32Array;
  startDays: Float64Array;
  byEnd: Int32Array;
  endDays: Float64Array;
  /** Undated evidence: relation and article of each. */
  undatedRelation: Int32Array;
  undatedArticle: Int32Array;
  articleIds: string[];
}

function prepare(index: GraphIndex): Prepared {
  const actorIds = index.graph.actors.map((a) => a.id);
  const actorNumber = new Map(actorIds.map((id, i) => [id, i]));
  const articleIds = index.graph.articles.map((a) => a.id);
  const articleNumber = new Map(articleIds.map((id, i) => [id, i]));
  const articleOf = (id: string): number => {
    let n = articleNumber.get(id);
    if (n === undefined) {
      // Evidence citing an article the graph does not list still gets a slot of its own.
      n = articleIds.length;
      articleIds.push(id);
      articleNumber.set(id, n);
    }
    return n;
  };
  const relationCount = index.relations.length;
  const relationSource = new Int32Array(relationCount);
  const relationTarget = new Int32Array(relationCount);
  const actorDegree = new Int32Array(actorIds.length);
  const dated: Array<{ relation: number; article: number; start: number; end: number }> = [];
  const undatedRelation: number[] = [];
  const undatedArticle: number[] = [];
  index.relations.forEach((info, r) => {
    const { source, target } = info.relation;
    const s = actorNumber.get(source) ?? -1;
    const t = target === source ? -1 : (actorNumber.get(target) ?? -1);
    relationSource[r] = s;
    relationTarget[r] = t;
    if (s >= 0) actorDegree[s] = (actorDegree[s] ?? 0) + 1;
    if (t >= 0) actorDegree[t] = (actorDegree[t] ?? 0) + 1;
    info.relation.evidence.forEach((evidence, i) => {
      const article = articleOf(evidence.articleId);
      const interval = info.intervals[i];
      if (interval) dated.push({ relation: r, article, start: interval.start, end: interval.end });
      else {
        undatedRelation.push(r);
        undatedArticle.push(article);
      }
    });
  });
  const order = (key: 'start' | 'end') =>
    Int32Array.from(dated.keys()).sort((a, b) => (dated[a]?.[key] ?? 0) - (dated[b]?.[key] ?? 0));
  const byStart = order('start');
  const byEnd = order('end');
  return {
    relationCount,
    relationIds: index.relations.map((info) => info.relation.id),
    relationSources: Int32Array.from(index.relations.map((info) => sourcesOf(info))),
    relationSource,
    relationTarget,
    actorIds,
    actorDegree,
    entryRelation: Int32Array.from(dated, (d) => d.relation),
    entryArticle: Int32Array.from(dated, (d) => d.article),
    byStart,
    startDays: Float64Array.from(byStart, (e) => dated[e]?.start ?? 0),
    byEnd,
    endDays: Float64Array.from(byEnd, (e) => dated[e]?.end ?? 0),
    undatedRelation: Int32Array.from(undatedRelation),
    undatedArticle: Int32Array.from(undatedArticle),
    articleIds,
  };
}

/** How many of `days` (ascending) are <= `day` (or < `day` when `strict`). */
function countAtMost(days: Float64Array, day: number, strict: boolean): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const value = days[mid] ?? 0;
    if (strict ? value < day : value <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface VisibilityTracker {
  /** The visibility for these inputs; the same object while the inputs are the same. */
  visibility(inputs: ViewInputs): TrackedVisibility;
}

export function createVisibilityTracker(index: GraphIndex): VisibilityTracker {
  const p = prepare(index);
  const R = p.relationCount;
  const A = p.actorIds.length;

  // Per filter set.
  let filters: Filters | null = null;
  const entryPasses = new Uint8Array(p.entryRelation.length);
  const datedPassing = new Int32Array(R);
  const undatedPassing = new Int32Array(R);
  const actorTypePasses = new Uint8Array(A);
  // Per window: passing evidence that starts by the window's end / ends before its start.
  let started = new Int32Array(R);
  let ended = new Int32Array(R);
  let startCursor = 0;
  let endCursor = 0;
  // The answer before the focus is applied.
  const visible = new Uint8Array(R);
  const count = new Int32Array(R);
  const visibleDegree = new Int32Array(A);
  const actorVisible = new Uint8Array(A);
  let base: TrackedVisibility | null = null;
  let result: TrackedVisibility | null = null;
  let lastWindow: TimeWindow | null | undefined;
  let lastFocus: Focus | null | undefined;

  const relationCount = (r: number): number => {
    const f = filters;
    if (!f) return 0;
    const undated = f.showUndated ? (undatedPassing[r] ?? 0) : 0;
    let n: number;
    if ((datedPassing[r] ?? 0) > 0) {
      const inWindow = (started[r] ?? 0) - (ended[r] ?? 0);
      if (inWindow === 0) return 0;
      n = inWindow + undated;
    } else n = undated;
    const measure = f.minEvidenceBy === 'sources' ? (p.relationSources[r] ?? 0) : n;
    return measure >= Math.max(1, f.minEvidence) ? n : 0;
  };

  const actorShown = (a: number): boolean =>
    actorTypePasses[a] === 1 && ((p.actorDegree[a] ?? 0) === 0 || (visibleDegree[a] ?? 0) > 0);

  const setFilters = (next: Filters) => {
    filters = next;
    const actorTypes = new Set(next.actorTypes);
    index.graph.actors.forEach((actor, a) => {
      actorTypePasses[a] = actorTypes.has(actor.type) ? 1 : 0;
    });
    const relationTypes = new Set<string>(next.relationTypes);
    const polarities = new Set<string>(next.polarities);
    const relationPasses = new Uint8Array(R);
    for (let r = 0; r < R; r += 1) {
      const info = index.relations[r];
      if (!info) continue;
      const s = p.relationSource[r] ?? -1;
      const targetId = info.relation.target;
      const t = targetId === info.relation.source ? s : (p.relationTarget[r] ?? -1);
      relationPasses[r] =
        relationTypes.has(info.relation.type) &&
        polarities.has(info.relation.polarity) &&
        s >= 0 &&
        t >= 0 &&
        actorTypePasses[s] === 1 &&
        actorTypePasses[t] === 1
          ? 1
          : 0;
    }
    const hidden = new Set(next.hiddenOutlets);
    const articlePasses = p.articleIds.map((id) => {
      if (next.articleId !== null && next.articleId !== id) return false;
      if (hidden.size === 0) return true;
      return !hidden.has(index.articlesById.get(id)?.outlet ?? UNKNOWN_OUTLET);
    });
    const passes = (article: number): boolean => articlePasses[article] ?? false;
    datedPassing.fill(0);
    undatedPassing.fill(0);
    for (let e = 0; e < p.entryRelation.length; e += 1) {
      const r = p.entryRelation[e] ?? 0;
      const ok = relationPasses[r] === 1 && passes(p.entryArticle[e] ?? -1);
      entryPasses[e] = ok ? 1 : 0;
      if (ok) datedPassing[r] = (datedPassing[r] ?? 0) + 1;
    }
    for (let u = 0; u < p.undatedRelation.length; u += 1) {
      const r = p.undatedRelation[u] ?? 0;
      if (relationPasses[r] === 1 && passes(p.undatedArticle[u] ?? -1)) {
        undatedPassing[r] = (undatedPassing[r] ?? 0) + 1;
      }
    }
    // Recount the window under the new filters.
    started = new Int32Array(R);
    ended = new Int32Array(R);
    for (let i = 0; i < startCursor; i += 1) {
      const e = p.byStart[i] ?? 0;
      const r = p.entryRelation[e] ?? 0;
      if (entryPasses[e] === 1) started[r] = (started[r] ?? 0) + 1;
    }
    for (let i = 0; i < endCursor; i += 1) {
      const e = p.byEnd[i] ?? 0;
      const r = p.entryRelation[e] ?? 0;
      if (entryPasses[e] === 1) ended[r] = (ended[r] ?? 0) + 1;
    }
  };

  /** Moves the cursors; returns the relations whose in-window count changed. */
  const moveWindow = (window: TimeWindow | null): number[] => {
    const nextStart = window
      ? countAtMost(p.startDays, monthEndDay(window.endMonth), false)
      : p.startDays.length;
    const nextEnd = window ? countAtMost(p.endDays, monthStartDay(window.startMonth), true) : 0;
    const touched: number[] = [];
    const walk = (
      order: Int32Array,
      counts: Int32Array,
      from: number,
      to: number,
      sign: 1 | -1,
    ) => {
      for (let i = from; i < to; i += 1) {
        const e = order[i] ?? 0;
        if (entryPasses[e] !== 1) continue;
        const r = p.entryRelation[e] ?? 0;
        counts[r] = (counts[r] ?? 0) + sign;
        touched.push(r);
      }
    };
    if (nextStart > startCursor) walk(p.byStart, started, startCursor, nextStart, 1);
    else walk(p.byStart, started, nextStart, startCursor, -1);
    if (nextEnd > endCursor) walk(p.byEnd, ended, endCursor, nextEnd, 1);
    else walk(p.byEnd, ended, nextEnd, endCursor, -1);
    startCursor = nextStart;
    endCursor = nextEnd;
    return touched;
  };

  const recomputeAll = (): Visibility => {
    visibleDegree.fill(0);
    const relationIds = new Set<string>();
    const evidenceCounts = new Map<string, number>();
    for (let r = 0; r < R; r += 1) {
      const n = relationCount(r);
      count[r] = n;
      visible[r] = n > 0 ? 1 : 0;
      if (n === 0) continue;
      const id = p.relationIds[r] ?? '';
      relationIds.add(id);
      evidenceCounts.set(id, n);
      const s = p.relationSource[r] ?? -1;
      const t = p.relationTarget[r] ?? -1;
      if (s >= 0) visibleDegree[s] = (visibleDegree[s] ?? 0) + 1;
      if (t >= 0) visibleDegree[t] = (visibleDegree[t] ?? 0) + 1;
    }
    const actorIds = new Set<string>();
    for (let a = 0; a < A; a += 1) {
      const shown = actorShown(a);
      actorVisible[a] = shown ? 1 : 0;
      if (shown) actorIds.add(p.actorIds[a] ?? '');
    }
    return { relationIds, actorIds, evidenceCounts };
  };

  const update = (previous: Visibility, touched: readonly number[]): TrackedVisibility => {
    const changedRelations: string[] = [];
    const countChanges: number[] = [];
    const actorsTouched: number[] = [];
    for (const r of touched) {
      const n = relationCount(r);
      if (n === count[r]) continue;
      count[r] = n;
      countChanges.push(r);
      const now = n > 0 ? 1 : 0;
      if (now === visible[r]) continue;
      visible[r] = now;
      changedRelations.push(p.relationIds[r] ?? '');
      const step = now === 1 ? 1 : -1;
      for (const a of [p.relationSource[r] ?? -1, p.relationTarget[r] ?? -1]) {
        if (a < 0) continue;
        visibleDegree[a] = (visibleDegree[a] ?? 0) + step;
        actorsTouched.push(a);
      }
    }
    const changedActors: string[] = [];
    for (const a of actorsTouched) {
      const now = actorShown(a) ? 1 : 0;
      if (now === actorVisible[a]) continue;
      actorVisible[a] = now;
      changedActors.push(p.actorIds[a] ?? '');
    }
    // Copy only what changed, so unchanged sets keep their identity.
    let relationIds = previous.relationIds;
    if (changedRelations.length > 0) {
      const next = new Set(relationIds);
      for (const id of changedRelations) {
        if (next.has(id)) next.delete(id);
        else next.add(id);
      }
      relationIds = next;
    }
    let evidenceCounts = previous.evidenceCounts;
    if (countChanges.length > 0) {
      const next = new Map(evidenceCounts);
      for (const r of countChanges) {
        const id = p.relationIds[r] ?? '';
        const n = count[r] ?? 0;
        if (n > 0) next.set(id, n);
        else next.delete(id);
      }
      evidenceCounts = next;
    }
    let actorIds = previous.actorIds;
    if (changedActors.length > 0) {
      const next = new Set(actorIds);
      for (const id of changedActors) {
        if (next.has(id)) next.delete(id);
        else next.add(id);
      }
      actorIds = next;
    }
    return {
      relationIds,
      actorIds,
      evidenceCounts,
      delta: { from: previous, relationIds: changedRelations, actorIds: changedActors },
    };
  };

  const applyFocus = (v: Visibility, focus: Focus | null): Visibility => {
    if (!focus || !index.actorsById.has(focus.actorId)) return v;
    const reached = neighbourhood(index, focus.actorId, focus.depth, v.relationIds);
    const actorIds = new Set([...v.actorIds].filter((id) => reached.has(id)));
    actorIds.add(focus.actorId);
    const relationIds = new Set<string>();
    const evidenceCounts = new Map<string, number>();
    for (const id of v.relationIds) {
      const relation = index.relationsById.get(id)?.relation;
      if (!relation || !reached.has(relation.source) || !reached.has(relation.target)) continue;
      relationIds.add(id);
      const n = v.evidenceCounts.get(id);
      if (n !== undefined) evidenceCounts.set(id, n);
    }
    return { relationIds, actorIds, evidenceCounts };
  };

  return {
    visibility({ filters: nextFilters, window, focus }) {
      if (result && nextFilters === filters && window === lastWindow && focus === lastFocus) {
        return result;
      }
      let nextBase: TrackedVisibility;
      if (nextFilters !== filters || !base) {
        moveWindow(window);
        setFilters(nextFilters);
        nextBase = recomputeAll();
      } else if (window !== lastWindow) {
        nextBase = update(base, moveWindow(window));
      } else nextBase = base;
      lastWindow = window;
      lastFocus = focus;
      base = nextBase;
      // A delta always names the visibility it starts from; readers check it is the one they hold.
      result =
        focus && index.actorsById.has(focus.actorId) ? applyFocus(nextBase, focus) : nextBase;
      return result;
    },
  };
}
