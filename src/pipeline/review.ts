/**
 * Review decisions as a post-pass over a finished graph: graph + decisions → graph.
 *
 * A decision names what it is about by content, never by an id or an index: the article by a
 * hash of its body text, the sentence by its text and the two actors. So it still finds its
 * sentence after new articles are added or the pipeline changes; one that finds nothing is
 * reported (and becomes a diagnostic), never dropped silently.
 *
 * Applying is order-independent (decisions are applied in the order of their time, then id)
 * and idempotent (a decision already in a relation's history changes nothing).
 */
import { z } from 'zod';
import {
  ActorTypeSchema,
  PolaritySchema,
  RelationTypeSchema,
  ReviewStatusSchema,
  type Actor,
  type Article,
  type Diagnostic,
  type Evidence,
  type Graph,
  type HistoryEntry,
  type Relation,
} from '../model/schema';

/** The article's identity for a decision: a hash of its body with whitespace collapsed, and its length. */
export function articleContentKey(text: string): string {
  const collapsed = text.replace(/\s+/gu, ' ').trim();
  let h = 0x811c9dc5;
  for (let i = 0; i < collapsed.length; i++) {
    h ^= collapsed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(16).padStart(8, '0')}:${collapsed.length}`;
}

const normalize = (quote: string) => quote.replace(/\s+/gu, ' ').trim();

const RelationKeySchema = z.object({
  source: z.string().min(1),
  target: z.string().min(1),
  type: RelationTypeSchema,
  polarity: PolaritySchema,
});
export type RelationKey = z.infer<typeof RelationKeySchema>;

const NewActorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  type: ActorTypeSchema,
});

const Base = {
  id: z.string().min(1),
  by: z.string().min(1),
  at: z.string().min(1),
  note: z.string().optional(),
};

/** The sentence a review is about: its article's content key, its text and its relation. */
const SentenceKeySchema = RelationKeySchema.extend({
  article: z.string().min(1),
  quote: z.string().min(1),
});
export type SentenceKey = z.infer<typeof SentenceKeySchema>;

export const ReviewDecisionSchema = z.object({
  ...Base,
  kind: z.literal('review'),
  status: ReviewStatusSchema,
  sentence: SentenceKeySchema,
});
export const CorrectDecisionSchema = z.object({
  ...Base,
  kind: z.literal('correct'),
  relation: RelationKeySchema,
  after: RelationKeySchema,
  newActors: z.array(NewActorSchema).optional(),
});
export const AddDecisionSchema = z.object({
  ...Base,
  kind: z.literal('add'),
  article: z.string().min(1),
  quote: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  relation: RelationKeySchema,
  newActors: z.array(NewActorSchema).optional(),
});
export const DecisionSchema = z.discriminatedUnion('kind', [
  ReviewDecisionSchema,
  CorrectDecisionSchema,
  AddDecisionSchema,
]);
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;
export type CorrectDecision = z.infer<typeof CorrectDecisionSchema>;
export type AddDecision = z.infer<typeof AddDecisionSchema>;
export type Decision = z.infer<typeof DecisionSchema>;

export const DECISIONS_FORMAT = 'alliance-atlas-review-decisions';
export const DecisionFileSchema = z.object({
  format: z.literal(DECISIONS_FORMAT),
  version: z.literal(1),
  decisions: z.array(DecisionSchema),
});
export type DecisionFile = z.infer<typeof DecisionFileSchema>;

export function decisionFile(decisions: readonly Decision[]): DecisionFile {
  return { format: DECISIONS_FORMAT, version: 1, decisions: sortDecisions(decisions) };
}

/** Parses a decisions file, or says in a line or a few what is wrong with it. */
export function parseDecisionFile(
  input: unknown,
): { ok: true; decisions: Decision[] } | { ok: false; problems: string[] } {
  const result = DecisionFileSchema.safeParse(input);
  if (result.success) return { ok: true, decisions: result.data.decisions };
  return {
    ok: false,
    problems: result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One decision per id, in the order they are applied: time, then id. */
export function sortDecisions(decisions: readonly Decision[]): Decision[] {
  const byId = new Map<string, Decision>();
  for (const d of decisions) {
    const known = byId.get(d.id);
    // Two different decisions under one id (a hand-edited file): keep one, deterministically.
    if (!known || JSON.stringify(d) > JSON.stringify(known)) byId.set(d.id, d);
  }
  return [...byId.values()].sort((a, b) => compare(a.at, b.at) || compare(a.id, b.id));
}

export const relationIdOf = (k: RelationKey) =>
  `${k.source}--${k.type}--${k.polarity}--${k.target}`;

export function relationKeyOf(r: Relation): RelationKey {
  return { source: r.source, target: r.target, type: r.type, polarity: r.polarity };
}

export interface DecisionOutcome {
  decision: Decision;
  applied: boolean;
  /** Why it did not apply. */
  reason?: string;
}

export interface ReviewResult {
  graph: Graph;
  outcomes: DecisionOutcome[];
}

function describe(d: Decision): string {
  if (d.kind === 'review') return `${d.status}: “${truncate(d.sentence.quote)}”`;
  if (d.kind === 'add') return `added: “${truncate(d.quote)}”`;
  const changes: string[] = [];
  for (const f of ['source', 'target', 'type', 'polarity'] as const)
    if (d.relation[f] !== d.after[f]) changes.push(`${f} ${d.relation[f]} → ${d.after[f]}`);
  return `corrected: ${changes.join(', ') || 'no change'}`;
}

function truncate(text: string): string {
  const t = normalize(text);
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
}

/** Applies the decisions to a copy of the graph. The input graph is not changed. */
export function applyDecisions(graph: Graph, decisions: readonly Decision[]): ReviewResult {
  const relations = new Map<string, Relation>();
  for (const r of graph.relations)
    relations.set(r.id, {
      ...r,
      evidence: r.evidence.map((e) => ({ ...e })),
      ...(r.history ? { history: [...r.history] } : {}),
    });
  const actors = new Map<string, Actor>(graph.actors.map((a) => [a.id, a]));
  // Byte-identical copies share a key with their original; evidence cites the original.
  const articlesByKey = new Map<string, Article[]>();
  for (const a of graph.articles) {
    if (a.duplicateOf) continue;
    const key = articleContentKey(a.text);
    articlesByKey.set(key, [...(articlesByKey.get(key) ?? []), a]);
  }
  const applied = new Set<string>();
  for (const r of graph.relations) for (const h of r.history ?? []) applied.add(h.decisionId);

  const addHistory = (relation: Relation, d: Decision, extra: Partial<HistoryEntry> = {}) => {
    if ((relation.history ?? []).some((h) => h.decisionId === d.id)) return;
    const entry: HistoryEntry = {
      decisionId: d.id,
      kind: d.kind,
      by: d.by,
      at: d.at,
      summary: describe(d),
      ...(d.note ? { note: d.note } : {}),
      ...extra,
    };
    relation.history = [...(relation.history ?? []), entry];
    applied.add(d.id);
  };
  const ensureActors = (d: CorrectDecision | AddDecision): string | null => {
    for (const a of d.newActors ?? [])
      if (!actors.has(a.id))
        actors.set(a.id, { id: a.id, name: a.name, type: a.type, aliases: [a.name] });
    for (const id of [
      d.relation.source,
      d.relation.target,
      ...(d.kind === 'correct' ? [d.after.source, d.after.target] : []),
    ])
      if (!actors.has(id)) return `actor '${id}' is not in the graph`;
    return null;
  };
  const relationFor = (key: RelationKey): Relation => {
    const id = relationIdOf(key);
    let r = relations.get(id);
    if (!r) {
      r = { id, ...key, evidence: [] };
      relations.set(id, r);
    }
    return r;
  };

  const outcomes: DecisionOutcome[] = [];
  for (const d of sortDecisions(decisions)) {
    const miss = (reason: string) =>
      outcomes.push(
        applied.has(d.id)
          ? { decision: d, applied: true }
          : { decision: d, applied: false, reason },
      );
    if (d.kind === 'review') {
      const ids = new Set((articlesByKey.get(d.sentence.article) ?? []).map((a) => a.id));
      if (!ids.size) {
        miss('its article is not in the corpus');
        continue;
      }
      const quote = normalize(d.sentence.quote);
      const found: { relation: Relation; evidence: Evidence }[] = [];
      for (const relation of relations.values()) {
        if (relation.source !== d.sentence.source || relation.target !== d.sentence.target)
          continue;
        for (const evidence of relation.evidence)
          if (ids.has(evidence.articleId) && normalize(evidence.quote) === quote)
            found.push({ relation, evidence });
      }
      // The same type first; after a pipeline change the sentence and actors are enough.
      const exact = found.filter(
        (f) => f.relation.type === d.sentence.type && f.relation.polarity === d.sentence.polarity,
      );
      const targets = exact.length ? exact : found;
      if (!targets.length) {
        miss('its sentence no longer states a relation between these actors');
        continue;
      }
      for (const { relation, evidence } of targets) {
        if (d.status === 'unreviewed') delete evidence.review;
        else
          evidence.review = {
            status: d.status,
            by: d.by,
            at: d.at,
            ...(d.note ? { note: d.note } : {}),
          };
        addHistory(relation, d);
      }
      outcomes.push({ decision: d, applied: true });
    } else if (d.kind === 'correct') {
      const from = relations.get(relationIdOf(d.relation));
      const problem = ensureActors(d);
      if (!from || problem) {
        miss(problem ?? 'the relation it corrects is not in the graph');
        continue;
      }
      const toId = relationIdOf(d.after);
      if (toId !== from.id) {
        relations.delete(from.id);
        const to = relationFor(d.after);
        const seen = new Set(to.evidence.map((e) => `${e.articleId}|${e.start}`));
        for (const e of from.evidence)
          if (!seen.has(`${e.articleId}|${e.start}`)) to.evidence.push(e);
        const merged = [...(to.history ?? []), ...(from.history ?? [])];
        to.history = merged.sort(
          (a, b) => compare(a.at, b.at) || compare(a.decisionId, b.decisionId),
        );
        addHistory(to, d, { before: relationKeyOf(from) });
      } else addHistory(from, d);
      outcomes.push({ decision: d, applied: true });
    } else {
      const article = (articlesByKey.get(d.article) ?? [])[0];
      const problem = ensureActors(d);
      if (!article || problem) {
        miss(problem ?? 'its article is not in the corpus');
        continue;
      }
      let start = d.start;
      let end = d.end;
      if (normalize(article.text.slice(start, end)) !== normalize(d.quote)) {
        const at = article.text.indexOf(d.quote);
        if (at < 0) {
          miss('its sentence is not in the article');
          continue;
        }
        start = at;
        end = at + d.quote.length;
      }
      const relation = relationFor(d.relation);
      if (!relation.evidence.some((e) => e.articleId === article.id && e.start === start))
        relation.evidence.push({
          articleId: article.id,
          quote: article.text.slice(start, end),
          start,
          end,
          date: article.published,
          dateBasis: article.published ? 'published' : null,
          addedBy: { by: d.by, at: d.at },
          review: { status: 'confirmed', by: d.by, at: d.at, ...(d.note ? { note: d.note } : {}) },
        });
      addHistory(relation, d);
      outcomes.push({ decision: d, applied: true });
    }
  }

  const sorted = [...relations.values()]
    .filter((r) => r.evidence.length > 0)
    .map((r) => ({
      ...r,
      evidence: [...r.evidence].sort(
        (a, b) => compare(a.articleId, b.articleId) || a.start - b.start,
      ),
    }))
    .sort((a, b) => compare(a.id, b.id));
  const copyOf = new Map(graph.articles.map((a) => [a.id, a.copyOf]));
  const counted = graph.relations.some((g) => g.independentSources !== undefined);
  for (const r of sorted)
    if (counted) {
      const groups = new Set(r.evidence.map((e) => copyOf.get(e.articleId) ?? e.articleId));
      r.independentSources = Math.max(1, groups.size);
    }
  return {
    graph: {
      ...graph,
      actors: [...actors.values()],
      relations: sorted,
    },
    outcomes,
  };
}

/** A diagnostic for every decision that did not apply, naming it and the reason. */
export function reviewDiagnostics(
  outcomes: readonly DecisionOutcome[],
  file: string,
): Diagnostic[] {
  return outcomes
    .filter((o) => !o.applied)
    .map((o) => ({
      file,
      level: 'warning' as const,
      message: `review decision ${o.decision.id} (${describe(o.decision)}, by ${o.decision.by} at ${o.decision.at}) not applied: ${o.reason ?? 'unknown'}`,
    }));
}

/** The key of one evidence sentence for a review decision. */
export function sentenceKeyOf(
  graph: Graph,
  relation: Relation,
  evidence: Evidence,
): SentenceKey | null {
  const article = graph.articles.find((a) => a.id === evidence.articleId);
  if (!article) return null;
  return {
    article: articleContentKey(article.text),
    quote: evidence.quote,
    ...relationKeyOf(relation),
  };
}
