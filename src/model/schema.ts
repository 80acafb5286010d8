/**
 * The graph contract (../shared/docs/CONTRACT.md) as one zod schema shared by the CLI, the
 * pipeline's tests and the UI. Fields beyond the contract are optional extensions: a graph
 * written by another producer that only has the contract's fields still parses.
 */
import { z } from 'zod';

export const ACTOR_TYPES = [
  'state',
  'foreign_power',
  'alliance',
  'armed_group',
  'organization',
] as const;
export const RELATION_TYPES = [
  'alliance',
  'military_support',
  'security_cooperation',
  'diplomatic_engagement',
  'economic_cooperation',
  'armed_conflict',
  'rupture',
  'criticism',
] as const;
export const POLARITIES = ['cooperative', 'hostile', 'neutral'] as const;
export const DATE_BASES = ['explicit', 'relative', 'published', 'inferred'] as const;

export const ActorTypeSchema = z.enum(ACTOR_TYPES);
export const RelationTypeSchema = z.enum(RELATION_TYPES);
export const PolaritySchema = z.enum(POLARITIES);
export const DateBasisSchema = z.enum(DATE_BASES);

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
export const PartialDateSchema = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'expected YYYY, YYYY-MM or YYYY-MM-DD',
  );
export const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const ArticleSchema = z.object({
  id: z.string().min(1),
  file: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  published: DaySchema.nullable(),
  publishedSource: z.enum(['header', 'text', 'inferred']).nullable(),
  text: z.string(),
  /** Extension: id of the article this one is a byte-identical copy of (its evidence is not repeated). */
  duplicateOf: z.string().nullable().optional(),
  /**
   * Extension: id of the first article of this one's syndication group (the same story from
   * another outlet, near-duplicate text). Absent or null when the article is its own source.
   */
  copyOf: z.string().nullable().optional(),
  /**
   * Extension: the file's format when it is not plain text ('html', 'pdf', 'docx'). For these,
   * evidence offsets point into `text` (the extracted article), not into the file's bytes.
   */
  format: z.enum(['html', 'pdf', 'docx']).optional(),
  /** Extension: where the title, outlet and date came from, e.g. 'og:title', 'json-ld', 'byline'. */
  titleFrom: z.string().nullable().optional(),
  outletFrom: z.string().nullable().optional(),
  publishedFrom: z.string().nullable().optional(),
});

export const ActorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  type: ActorTypeSchema,
  aliases: z.array(z.string()),
  /** Extension: ids of the articles whose body mentions the actor. */
  articleIds: z.array(z.string()).optional(),
});

export const MentionSchema = z.object({
  actorId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const ReviewStatusSchema = z.enum(['unreviewed', 'confirmed', 'rejected']);

/** Extension: an analyst's decision on one evidence sentence. */
export const EvidenceReviewSchema = z.object({
  status: ReviewStatusSchema,
  by: z.string(),
  at: z.string(),
  note: z.string().optional(),
});

/** Extension: an entry of a relation's audit trail (a review, a correction, an addition). */
export const HistoryEntrySchema = z.object({
  decisionId: z.string(),
  kind: z.enum(['review', 'correct', 'add']),
  by: z.string(),
  at: z.string(),
  note: z.string().optional(),
  /** What changed, in words: 'rejected: Mali attacked…', 'type criticism → rupture'. */
  summary: z.string(),
  /** The relation as it was before a correction (source, target, type, polarity). */
  before: z
    .object({ source: z.string(), target: z.string(), type: z.string(), polarity: z.string() })
    .optional(),
});

export const EvidenceSchema = z.object({
  articleId: z.string(),
  quote: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  date: PartialDateSchema.nullable(),
  dateBasis: DateBasisSchema.nullable(),
  /** Extension: the trigger word or phrase that made this a relation, e.g. 'severed ties'. */
  trigger: z.string().optional(),
  /** Extension: where the two actors are named, as offsets into the article file. */
  mentions: z.array(MentionSchema).optional(),
  /** Extension: the latest review decision on this sentence (absent: unreviewed). */
  review: EvidenceReviewSchema.optional(),
  /** Extension: set when an analyst added this evidence (the extraction missed it). */
  addedBy: z.object({ by: z.string(), at: z.string() }).optional(),
});

export const RelationSchema = z.object({
  id: z.string().min(1),
  source: z.string(),
  target: z.string(),
  type: RelationTypeSchema,
  polarity: PolaritySchema,
  evidence: z.array(EvidenceSchema).min(1),
  /** Extension: how many syndication groups (not files) the evidence comes from. */
  independentSources: z.number().int().positive().optional(),
  /** Extension: the audit trail of review decisions that touched this relation, oldest first. */
  history: z.array(HistoryEntrySchema).optional(),
});

export const DiagnosticSchema = z.object({
  file: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});

export const GraphSchema = z
  .object({
    schemaVersion: z.literal(1),
    generatedAt: z.string().optional(),
    /** Extension: the focus region that decided 'state' against 'foreign_power'. */
    focusRegion: z.string().nullable().optional(),
    articles: z.array(ArticleSchema),
    actors: z.array(ActorSchema),
    relations: z.array(RelationSchema),
    diagnostics: z.array(DiagnosticSchema),
  })
  .superRefine((graph, ctx) => {
    const actorIds = new Set(graph.actors.map((a) => a.id));
    const articleIds = new Set(graph.articles.map((a) => a.id));
    graph.relations.forEach((r, i) => {
      for (const end of ['source', 'target'] as const) {
        if (!actorIds.has(r[end])) {
          ctx.addIssue({
            code: 'custom',
            path: ['relations', i, end],
            message: `relation ${r.id} names unknown actor '${r[end]}'`,
          });
        }
      }
      r.evidence.forEach((e, j) => {
        if (!articleIds.has(e.articleId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['relations', i, 'evidence', j, 'articleId'],
            message: `evidence of relation ${r.id} cites unknown article '${e.articleId}'`,
          });
        }
      });
    });
  });

export type ActorType = z.infer<typeof ActorTypeSchema>;
export type RelationType = z.infer<typeof RelationTypeSchema>;
export type Polarity = z.infer<typeof PolaritySchema>;
export type DateBasis = z.infer<typeof DateBasisSchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type Actor = z.infer<typeof ActorSchema>;
export type Mention = z.infer<typeof MentionSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type Relation = z.infer<typeof RelationSchema>;
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;
export type EvidenceReview = z.infer<typeof EvidenceReviewSchema>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type Graph = z.infer<typeof GraphSchema>;

/** Parses unknown JSON into a Graph, or returns a readable list of what is wrong. */
export function parseGraph(
  input: unknown,
): { ok: true; graph: Graph } | { ok: false; problems: string[] } {
  const result = GraphSchema.safeParse(input);
  if (result.success) return { ok: true, graph: result.data };
  const problems = result.error.issues.slice(0, 10).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    return `${where}: ${issue.message}`;
  });
  if (result.error.issues.length > 10)
    problems.push(`…and ${result.error.issues.length - 10} more`);
  return { ok: false, problems };
}
