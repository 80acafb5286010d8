/**
 * Lookups the view needs again and again, computed once per loaded graph: evidence date
 * intervals, distinct articles per relation, relations per actor, the corpus's time span.
 */
import type { Actor, Article, Graph, Relation } from './schema';
import {
  type DayInterval,
  type DayNumber,
  type MonthIndex,
  monthOfDay,
  partialDateInterval,
} from './dates';

export interface RelationInfo {
  relation: Relation;
  /** The interval each evidence covers (null when undated), in evidence order. */
  intervals: (DayInterval | null)[];
  /** Distinct articles behind the relation, in first-seen order. */
  articleIds: string[];
  firstDay: DayNumber | null;
  lastDay: DayNumber | null;
  /** The partial dates that start and end the relation's dated evidence, as written. */
  firstDate: string | null;
  lastDate: string | null;
  dated: boolean;
}

export interface TimeSpan {
  startMonth: MonthIndex;
  endMonth: MonthIndex;
}

export interface GraphIndex {
  graph: Graph;
  actorsById: Map<string, Actor>;
  articlesById: Map<string, Article>;
  /** Relations sorted by first date (undated last), then id: the table's natural order. */
  relations: RelationInfo[];
  relationsById: Map<string, RelationInfo>;
  relationsByActor: Map<string, RelationInfo[]>;
  /** Months covered by dated evidence; null when nothing is dated. */
  span: TimeSpan | null;
  /** Outlet names in alphabetical order; '' stands for articles without a known outlet. */
  outlets: string[];
  maxArticleCount: number;
}

export const UNKNOWN_OUTLET = '';

function describeRelation(relation: Relation): RelationInfo {
  const intervals = relation.evidence.map((e) => (e.date ? partialDateInterval(e.date) : null));
  const articleIds: string[] = [];
  const seen = new Set<string>();
  let firstDay: DayNumber | null = null;
  let lastDay: DayNumber | null = null;
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  relation.evidence.forEach((evidence, i) => {
    if (!seen.has(evidence.articleId)) {
      seen.add(evidence.articleId);
      articleIds.push(evidence.articleId);
    }
    const interval = intervals[i];
    if (!interval) return;
    if (firstDay === null || interval.start < firstDay) {
      firstDay = interval.start;
      firstDate = evidence.date;
    }
    if (lastDay === null || interval.end > lastDay) {
      lastDay = interval.end;
      lastDate = evidence.date;
    }
  });
  return {
    relation,
    intervals,
    articleIds,
    firstDay,
    lastDay,
    firstDate,
    lastDate,
    dated: firstDay !== null,
  };
}

export function buildGraphIndex(graph: Graph): GraphIndex {
  const actorsById = new Map(graph.actors.map((a) => [a.id, a]));
  const articlesById = new Map(graph.articles.map((a) => [a.id, a]));
  const relations = graph.relations.map(describeRelation);
  relations.sort((a, b) => {
    const da = a.firstDay ?? Number.POSITIVE_INFINITY;
    const db = b.firstDay ?? Number.POSITIVE_INFINITY;
    if (da !== db) return da < db ? -1 : 1;
    return a.relation.id < b.relation.id ? -1 : a.relation.id > b.relation.id ? 1 : 0;
  });
  const relationsById = new Map(relations.map((r) => [r.relation.id, r]));
  const relationsByActor = new Map<string, RelationInfo[]>();
  for (const actor of graph.actors) relationsByActor.set(actor.id, []);
  let minDay: DayNumber | null = null;
  let maxDay: DayNumber | null = null;
  let maxArticleCount = 1;
  for (const info of relations) {
    relationsByActor.get(info.relation.source)?.push(info);
    if (info.relation.target !== info.relation.source) {
      relationsByActor.get(info.relation.target)?.push(info);
    }
    if (info.firstDay !== null && (minDay === null || info.firstDay < minDay)) {
      minDay = info.firstDay;
    }
    if (info.lastDay !== null && (maxDay === null || info.lastDay > maxDay)) maxDay = info.lastDay;
    maxArticleCount = Math.max(maxArticleCount, info.articleIds.length);
  }
  const span =
    minDay !== null && maxDay !== null
      ? { startMonth: monthOfDay(minDay), endMonth: monthOfDay(maxDay) }
      : null;
  const outlets = [...new Set(graph.articles.map((a) => a.outlet ?? UNKNOWN_OUTLET))].sort();
  return {
    graph,
    actorsById,
    articlesById,
    relations,
    relationsById,
    relationsByActor,
    span,
    outlets,
    maxArticleCount,
  };
}

/** Every name an actor goes by, its display name first, without duplicates. */
export function actorNames(actor: Actor): string[] {
  return [...new Set([actor.name, ...actor.aliases].filter((n) => n.trim() !== ''))];
}
