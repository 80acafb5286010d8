/**
 * Actor pairs: every relation between two actors, whatever its direction or type, read as one
 * story. The canvas draws one edge per pair by default, the pair panel shows its timeline and
 * the Changes tab lists the pairs whose polarity turned. Pure functions of the graph index.
 */
import type { DayInterval, DayNumber } from './dates';
import { intervalsOverlap } from './dates';
import type { GraphIndex, RelationInfo } from './graphIndex';
import type { Polarity, RelationType } from './schema';

export interface Pair {
  /** `pairKey(a, b)`: the two actor ids in sorted order joined by '|'. */
  key: string;
  a: string;
  b: string;
  relations: RelationInfo[];
}

export type PairPolarity = Polarity | 'mixed';

export function pairKey(x: string, y: string): string {
  return x <= y ? `${x}|${y}` : `${y}|${x}`;
}

export function pairEdgeId(key: string): string {
  return `pair:${key}`;
}

const pairsCache = new WeakMap<GraphIndex, Map<string, Pair>>();

/** Every pair of the graph, keyed by `pairKey`, in the order of their first relation. */
export function pairsOf(index: GraphIndex): Map<string, Pair> {
  const cached = pairsCache.get(index);
  if (cached) return cached;
  const pairs = new Map<string, Pair>();
  for (const info of index.relations) {
    const { source, target } = info.relation;
    const key = pairKey(source, target);
    let pair = pairs.get(key);
    if (!pair) {
      const [a, b] = source <= target ? [source, target] : [target, source];
      pair = { key, a, b, relations: [] };
      pairs.set(key, pair);
    }
    pair.relations.push(info);
  }
  pairsCache.set(index, pairs);
  return pairs;
}

/** The pair a relation belongs to. */
export function pairKeyOfRelation(info: RelationInfo): string {
  return pairKey(info.relation.source, info.relation.target);
}

/** One polarity for a set of relations: the shared one, or 'mixed' when cooperative meets hostile. */
export function combinedPolarity(relations: readonly RelationInfo[]): PairPolarity {
  const seen = new Set(relations.map((r) => r.relation.polarity));
  if (seen.has('cooperative') && seen.has('hostile')) return 'mixed';
  if (seen.has('hostile')) return 'hostile';
  if (seen.has('cooperative')) return 'cooperative';
  return 'neutral';
}

/**
 * How many sources stand behind a pair: the independent sources (syndication groups) of its
 * relations when the graph has them, otherwise its distinct articles.
 */
export function pairSourceCount(relations: readonly RelationInfo[]): number {
  if (relations.every((r) => r.relation.independentSources !== undefined)) {
    return Math.max(0, ...relations.map((r) => r.relation.independentSources ?? 0));
  }
  return new Set(relations.flatMap((r) => r.articleIds)).size;
}

export function relationTypesOf(relations: readonly RelationInfo[]): RelationType[] {
  return [...new Set(relations.map((r) => r.relation.type))];
}

export interface TimelineMark {
  relationId: string;
  evidenceIndex: number;
  type: RelationType;
  polarity: Polarity;
  date: string;
  interval: DayInterval;
  articleId: string;
  quote: string;
}

export interface UndatedEvidence {
  relationId: string;
  evidenceIndex: number;
  type: RelationType;
  polarity: Polarity;
  articleId: string;
  quote: string;
}

/** Where the pair's polarity changed: the last evidence before and the first after. */
export interface TurningPoint {
  from: 'cooperative' | 'hostile';
  to: 'cooperative' | 'hostile';
  beforeDate: string;
  afterDate: string;
  afterInterval: DayInterval;
}

export interface PairTimeline {
  marks: TimelineMark[];
  undated: UndatedEvidence[];
  turningPoints: TurningPoint[];
}

const POLARITY_ORDER: Record<Polarity, number> = { cooperative: 0, neutral: 1, hostile: 2 };

/**
 * The pair's dated evidence in date order, its undated evidence, and its turning points.
 * Neutral evidence never turns a pair. Evidence of one date is read so that it continues the
 * polarity before it where it can, so one mixed day makes at most the turns it must.
 */
export function pairTimeline(relations: readonly RelationInfo[]): PairTimeline {
  const marks: TimelineMark[] = [];
  const undated: UndatedEvidence[] = [];
  for (const info of relations) {
    const { relation } = info;
    relation.evidence.forEach((evidence, evidenceIndex) => {
      const base = {
        relationId: relation.id,
        evidenceIndex,
        type: relation.type,
        polarity: relation.polarity,
        articleId: evidence.articleId,
        quote: evidence.quote,
      };
      const interval = info.intervals[evidenceIndex];
      if (interval && evidence.date) marks.push({ ...base, date: evidence.date, interval });
      else undated.push(base);
    });
  }
  marks.sort(
    (x, y) =>
      x.interval.start - y.interval.start ||
      x.interval.end - y.interval.end ||
      POLARITY_ORDER[x.polarity] - POLARITY_ORDER[y.polarity] ||
      (x.relationId < y.relationId ? -1 : x.relationId > y.relationId ? 1 : 0) ||
      x.evidenceIndex - y.evidenceIndex,
  );
  const turningPoints: TurningPoint[] = [];
  let current: { polarity: 'cooperative' | 'hostile'; date: string } | null = null;
  let i = 0;
  while (i < marks.length) {
    const first = marks[i];
    if (!first) break;
    let j = i;
    const group: TimelineMark[] = [];
    while (j < marks.length && marks[j]?.date === first.date) {
      const mark = marks[j];
      if (mark) group.push(mark);
      j += 1;
    }
    const polarities = new Set(group.map((m) => m.polarity).filter((p) => p !== 'neutral'));
    const ordered = [...polarities] as ('cooperative' | 'hostile')[];
    if (current && ordered.length === 2 && ordered[0] !== current.polarity) ordered.reverse();
    for (const polarity of ordered) {
      if (current && current.polarity !== polarity) {
        turningPoints.push({
          from: current.polarity,
          to: polarity,
          beforeDate: current.date,
          afterDate: first.date,
          afterInterval: first.interval,
        });
      }
      current = { polarity, date: first.date };
    }
    i = j;
  }
  return { marks, undated, turningPoints };
}

export interface PairChange {
  pair: Pair;
  turn: TurningPoint;
}

/**
 * The pairs whose polarity turned inside the window (the evidence after the turn overlaps it),
 * one row per pair with its latest such turn, newest first.
 */
export function changesInWindow(
  index: GraphIndex,
  window: DayInterval | null,
  visibleRelationIds?: ReadonlySet<string>,
): PairChange[] {
  const changes: PairChange[] = [];
  for (const pair of pairsOf(index).values()) {
    const relations = visibleRelationIds
      ? pair.relations.filter((r) => visibleRelationIds.has(r.relation.id))
      : pair.relations;
    if (relations.length < 2) continue;
    const { turningPoints } = pairTimeline(relations);
    const inside = turningPoints.filter(
      (t) => window === null || intervalsOverlap(t.afterInterval, window),
    );
    const latest = inside[inside.length - 1];
    if (latest) changes.push({ pair, turn: latest });
  }
  const startOf = (c: PairChange): DayNumber => c.turn.afterInterval.start;
  changes.sort((x, y) => startOf(y) - startOf(x) || (x.pair.key < y.pair.key ? -1 : 1));
  return changes;
}

/** How many of the given actors have no relation at all (hidden unless asked for). */
export function isolatedActorCount(index: GraphIndex, actorIds: ReadonlySet<string>): number {
  let count = 0;
  for (const id of actorIds) if ((index.relationsByActor.get(id)?.length ?? 0) === 0) count += 1;
  return count;
}
